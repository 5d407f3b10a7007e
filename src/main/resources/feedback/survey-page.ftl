<#ftl output_format="HTML" strip_whitespace=true>
<#-- The survey's web page (routes/feedback-page.yaml): the form, the thank-you, or why the survey cannot be
     answered. Plain HTML for a basic phone's browser: no script (the Content-Security-Policy forbids any), one form
     with radio buttons and a submit button. Every value is escaped as HTML (output_format). Texts come from
     survey-page.yaml, in body.texts. -->
<#assign t = body.texts>
<!DOCTYPE html>
<html lang="${body.language}" dir="${body.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${body.title}</title>
<style>
body { font-family: sans-serif; max-width: 32em; margin: 1em auto; padding: 0 0.6em; line-height: 1.5; }
fieldset { border: 0; padding: 0; margin: 1em 0; }
legend { font-weight: bold; }
.choice { display: block; padding: 0.4em 0; font-size: 1.15em; }
textarea { width: 100%; box-sizing: border-box; }
input[type=submit] { font-size: 1.15em; padding: 0.4em 1.4em; margin-top: 0.8em; }
.problem { color: #a00000; font-weight: bold; }
</style>
</head>
<body>
<h1>${body.title}</h1>
<#if body.page == "form">
<p>${t.application}: <bdi>${body.applicationId}</bdi><#if body.serviceName??> (<bdi>${body.serviceName}</bdi>)</#if></p>
<#if body.problem??>
<p class="problem">${body.problem}</p>
</#if>
<form method="post" action="${body.token}" accept-charset="UTF-8">
<fieldset>
<legend>${t.question}</legend>
<#list ["GOOD", "AVERAGE", "BAD"] as rating>
<#assign id = "rating-" + rating?lower_case>
<label class="choice" for="${id}"><input type="radio" name="rating" id="${id}" value="${rating}"<#if
    (body.rating!"") == rating> checked</#if>> ${t[rating?lower_case]}</label>
</#list>
</fieldset>
<label for="comment">${t.comment}</label><br>
<textarea id="comment" name="comment" rows="4" cols="30" maxlength="1000">${body.comment!""}</textarea><br>
<input type="submit" value="${t.send}">
</form>
<#else>
<p>${body.message}</p>
<#if body.appealOffer??>
<#-- After a Bad rating of a delivered service: the citizen may ask for an appeal (grounds DEFICIENT_SERVICE). -->
<form method="post" action="${body.token}/appeal" accept-charset="UTF-8">
<p>${t.appealOffer}</p>
<input type="submit" value="${t.appealButton}">
</form>
</#if>
</#if>
</body>
</html>
