<#-- A request file as the education department's batch job reads it: a CSV with a header, one row per
     application; text is quoted and its quotes doubled, the form travels as one JSON column. -->
<#assign a = body.application>
<#function csv value>
  <#return '"' + value?replace('"', '""') + '"'>
</#function>
hub_ref,service,applicant_name,mobile,district,received_on,form
${a.applicationId},${a.serviceCode},${csv(a.applicant.name)},${a.applicant.mobile10},${csv(a.applicant.district)},${body.dates.format(a.acknowledgedAt, 'dd-MM-yyyy')},${csv(a.formJson)}
