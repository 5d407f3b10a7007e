{"hubReference": "${body.application.applicationId?json_string}"}
