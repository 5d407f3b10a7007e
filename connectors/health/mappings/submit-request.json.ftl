<#-- The hub's application as HMIS wants it: its field names, its district and language codes, dd-MM-yyyy dates.
     body.application is the canonical application; body.codes the code lists of connector.yaml. -->
<#assign a = body.application>
{
  "hub_ref": "${a.applicationId}",
  "svc": "${a.serviceCode}",
  "applicant": {
    "full_name": "${a.applicant.name?json_string}",
    "mobile_no": "${a.applicant.mobile10}",
    "uid_no": <#if a.applicant.aadhaar??>"${a.applicant.aadhaar}"<#else>null</#if>,
    "email": <#if a.applicant.email??>"${a.applicant.email?json_string}"<#else>null</#if>,
    "dist_cd": "${body.codes.district[a.applicant.district]}",
    "lang": "${body.codes.language[a.applicant.language]}"
  },
  "recd_on": "${body.dates.format(a.acknowledgedAt, 'dd-MM-yyyy')}",
  "due_on": "${body.dates.format(a.dueBy, 'dd-MM-yyyy')}",
  "form": ${a.formJson}
}
