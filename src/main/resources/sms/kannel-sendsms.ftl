<#-- Kannel's sendsms query (smsbox's HTTP API). coding 0 is GSM-7, 2 is UCS-2 (the text is sent in UTF-8 and
     Kannel converts it); dlr-mask 31 asks for every report type, at dlr-url, where Kannel puts the type for %d. An
     SMS without a report URL (a notice) asks for none. -->
username=${headers.SmsUsername?url('UTF-8')}&password=${headers.SmsPassword?url('UTF-8')}&from=${headers.SmsSenderId?url('UTF-8')}&to=${headers.SmsTo?url('UTF-8')}&text=${headers.SmsText?url('UTF-8')}&coding=${headers.SmsCoding}&charset=UTF-8<#if headers.SmsDeliveryReportUrl?has_content>&dlr-mask=31&dlr-url=${headers.SmsDeliveryReportUrl?url('UTF-8')}</#if>
