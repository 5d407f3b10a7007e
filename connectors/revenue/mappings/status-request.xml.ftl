<#ftl output_format="XML">
<#-- GetApplicationStatus for a batch of open applications: body.caseNumbers are the revenue system's references.
     The XML output format escapes every ${...} by itself. -->
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:rev="urn:jk:revenue:applications:v1">
  <soapenv:Body>
    <rev:GetApplicationStatusRequest>
      <#list body.caseNumbers as caseNumber>
      <rev:caseNumber>${caseNumber}</rev:caseNumber>
      </#list>
    </rev:GetApplicationStatusRequest>
  </soapenv:Body>
</soapenv:Envelope>
