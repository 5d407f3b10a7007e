<#-- The shape of a government SMS gateway (NIC's): the account's username and PIN, the DLT-registered sender id
     (signature), principal entity id and template id, the number and the message; msgType=UC for Unicode text. -->
username=${headers.SmsUsername?url('UTF-8')}&pin=${headers.SmsPassword?url('UTF-8')}&signature=${headers.SmsSenderId?url('UTF-8')}&mnumber=${headers.SmsTo?url('UTF-8')}&message=${headers.SmsText?url('UTF-8')}&dlt_entity_id=${headers.SmsDltEntityId?url('UTF-8')}&dlt_template_id=${headers.SmsDltTemplateId?url('UTF-8')}<#if headers.SmsCoding == "2">&msgType=UC</#if>
