<#ftl output_format="XML">
<#-- The hub's application as the revenue system's SubmitApplication wants it (see wsdl/). The XML output format
     escapes every ${...} by itself, so no value (nor one added later) can close an element or open a CDATA
     section; body.application is the canonical application, body.codes the code lists. -->
<#assign a = body.application>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:rev="urn:jk:revenue:applications:v1">
  <soapenv:Body>
    <rev:SubmitApplicationRequest>
      <rev:hubReference>${a.applicationId}</rev:hubReference>
      <rev:serviceCode>${a.serviceCode}</rev:serviceCode>
      <rev:receivedOn>${body.dates.format(a.acknowledgedAt, 'yyyy-MM-dd')}</rev:receivedOn>
      <rev:applicant>
        <rev:name>${a.applicant.name}</rev:name>
        <rev:mobile>${a.applicant.mobile10}</rev:mobile>
        <#if a.applicant.aadhaar??><rev:aadhaar>${a.applicant.aadhaar}</rev:aadhaar></#if>
        <rev:districtCode>${body.codes.district[a.applicant.district]}</rev:districtCode>
      </rev:applicant>
      <#list a.form as name, value>
      <rev:field name="${name}"><#if value?is_number || value?is_boolean>${value?c}<#else>${value}</#if></rev:field>
      </#list>
    </rev:SubmitApplicationRequest>
  </soapenv:Body>
</soapenv:Envelope>
