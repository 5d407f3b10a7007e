<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:land="urn:jk:land:mutations:v1">
  <soapenv:Body>
    <land:SubmitMutation><land:hubReference>${body.application.applicationId?xml}</land:hubReference></land:SubmitMutation>
  </soapenv:Body>
</soapenv:Envelope>
