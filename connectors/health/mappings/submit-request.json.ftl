<#-- The hub's application as HMIS wants it: its field names, its district and language codes, dd-MM-yyyy dates.
     body.application is the canonical application; body.codes the code lists of connector.yaml.
     Every value is written through ?json_string, ids and codes included, so no value can end its string or add a
     field whatever it holds; the form is JSON already, written by the hub's serializer. -->
<#assign a = body.application>
{
  "hub_ref": "${a.applicationId?json_string}",
  "svc": "${a.serviceCode?json_string}",
  "applicant": {
    "full_name": "${a.applicant.name?json_string}",
    "mobile_no": "${a.applicant.mobile10?json_string}",
    "uid_no": <#if a.applicant.aadhaar??>"${a.applicant.aadhaar?json_string}"<#else>null</#if>,
    "email": <#if a.applicant.email??>"${a.applicant.email?json_string}"<#else>null</#if>,
    "dist_cd": "${body.codes.district[a.applicant.district]?json_string}",
    "lang": "${body.codes.language[a.applicant.language]?json_string}"
  },
  "recd_on": "${body.dates.format(a.acknowledgedAt, 'dd-MM-yyyy')?json_string}",
  "due_on": "${body.dates.format(a.dueBy, 'dd-MM-yyyy')?json_string}",
  "form": ${a.formJson}
}
