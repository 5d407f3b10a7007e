<#-- GetApplicationStatus for a batch of open applications: body.caseNumbers are the revenue system's references. -->
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:rev="urn:jk:revenue:applications:v1">
  <soapenv:Body>
    <rev:GetApplicationStatusRequest>
      <#list body.caseNumbers as caseNumber>
      <rev:caseNumber>${caseNumber?xml}</rev:caseNumber>
      </#list>
    </rev:GetApplicationStatusRequest>
  </soapenv:Body>
</soapenv:Envelope>
