<#-- A permit application as the transport system takes it; every value through ?json_string. -->
{
  "hubReference": "${body.application.applicationId?json_string}",
  "service": "${body.application.serviceCode?json_string}",
  "applicant": {
    "name": "${body.application.applicant.name?json_string}",
    "mobile": "${body.application.applicant.mobile10?json_string}",
    "district": "${body.application.applicant.district?json_string}"
  },
  "form": ${body.application.formJson}
}
