<#-- The query string of a GET for a batch of permits: ids=TR/1,TR/2 (URL-encoded). -->
ids=${body.caseNumbers?join(",")?url('UTF-8')}
