<#-- The application as the transport system wants it (every value through ?json_string). -->
{"hubReference": "${body.application.applicationId?json_string}"}
