<#-- A request file as the education department's batch job reads it: a CSV with a header, one row per
     application; text is quoted and its quotes doubled, the form travels as one JSON column. -->
<#assign a = body.application>
<#-- A spreadsheet opening the file would run a cell that starts with = + - @ (or a tab or carriage return before
     one) as a formula: such a cell gets a leading single quote, as OWASP's CSV-injection advice says, so it reads
     as text. The form's JSON column starts with { and is never touched. -->
<#function csv value>
  <#local text = value?string>
  <#if text?has_content && "=+-@\t\r"?contains(text[0])>
    <#local text = "'" + text>
  </#if>
  <#return '"' + text?replace('"', '""') + '"'>
</#function>
hub_ref,service,applicant_name,mobile,district,received_on,form
${a.applicationId},${a.serviceCode},${csv(a.applicant.name)},${a.applicant.mobile10},${csv(a.applicant.district)},${body.dates.format(a.acknowledgedAt, 'dd-MM-yyyy')},${csv(a.formJson)}
