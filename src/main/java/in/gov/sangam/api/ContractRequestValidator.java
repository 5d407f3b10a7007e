package in.gov.sangam.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import in.gov.sangam.api.Caller;
import in.gov.sangam.api.model.FieldError;
import in.gov.sangam.catalogue.FieldPaths;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.spi.RestClientRequestValidator;
import org.apache.camel.support.MessageHelper;
import org.springframework.stereotype.Component;

/**
 * Checks every request against {@code openapi/portal-api.yaml} before a route sees it, with the same Atlassian
 * validator Camel's own {@code camel-openapi-validator} uses, but answering with a problem document that names each
 * offending field rather than Camel's plain-text report. Camel picks this bean up from the registry in place of its
 * default.
 */
@Component
public class ContractRequestValidator implements RestClientRequestValidator {

    private static final String BASE_PATH = "/api/v1";
    private static final Pattern QUOTED_NAMES = Pattern.compile("\"([^\"]+)\"");
    private static final Set<String> UNCHECKED_HEADERS = caseInsensitive("Authorization", "Cookie",
            Caller.CLIENT_HEADER, Caller.SCOPES_HEADER, "Content-Type", "Accept");

    private final Problems problems;
    private volatile OpenAPI validatedSpec;
    private volatile OpenApiInteractionValidator validator;
    private volatile ApiOperationResolver resolver;

    public ContractRequestValidator(Problems problems) {
        this.problems = problems;
    }

    @Override
    public ValidationError validate(Exchange exchange, ValidationContext context) {
        OpenAPI spec = exchange.getProperty(Exchange.REST_OPENAPI, OpenAPI.class);
        if (spec == null) {
            return null;
        }
        Request request = toRequest(exchange);
        ValidationReport report = validatorFor(spec).validateRequest(request);
        if (!report.hasErrors()) {
            List<Parameter> parameters = RouteParameters.of(spec,
                    resolverFor(spec).findApiOperation(request.getPath(), request.getMethod()));
            List<FieldError> misread = RouteParameters.misread(parameters, exchange.getMessage());
            if (misread.isEmpty()) {
                return null;
            }
            return answer(exchange, ProblemType.INVALID_REQUEST, misread, null);
        }
        ProblemType type = ProblemType.INVALID_REQUEST;
        List<FieldError> errors = new ArrayList<>();
        String detail = null;
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String key = message.getKey();
            if (key.startsWith("validation.request.contentType")) {
                type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
                detail = "Send the body as application/json.";
            } else if (key.equals("validation.request.body.schema.invalidJson")) {
                type = ProblemType.MALFORMED_JSON;
                detail = "The body could not be parsed as JSON: " + firstLine(message.getMessage());
            } else if (key.equals("validation.request.body.missing")) {
                errors.add(ProblemException.field("(body)", "is required"));
            } else if (key.startsWith("validation.request.parameter")) {
                errors.add(ProblemException.field(parameterName(message), parameterMessage(message)));
            } else if (key.startsWith("validation.request.body.schema")) {
                errors.addAll(bodyErrors(message));
            } else {
                errors.add(ProblemException.field("(request)", message.getMessage()));
            }
        }
        return answer(exchange, type, errors, detail);
    }

    private ValidationError answer(Exchange exchange, ProblemType type, List<FieldError> errors, String detail) {
        if (type == ProblemType.INVALID_REQUEST) {
            errors.sort(Comparator.comparing(FieldError::getField));
            detail = ProblemException.invalid(errors).getMessage();
        } else {
            errors.clear();
        }
        String path = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        ResponseHeaders.answerProblem(exchange);
        return new ValidationError(type.status().value(), problems.json(type, detail, errors, stripQuery(path)));
    }

    private ApiOperationResolver resolverFor(OpenAPI spec) {
        validatorFor(spec);
        return resolver;
    }

    private OpenApiInteractionValidator validatorFor(OpenAPI spec) {
        // Building the validator parses and indexes the whole spec: do it once, not per request.
        if (validatedSpec != spec) {
            synchronized (this) {
                if (validatedSpec != spec) {
                    validator = OpenApiInteractionValidator.createFor(spec)
                            .withLevelResolver(LevelResolver.create()
                                    // Spring Security has already authenticated the caller.
                                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                                    .build())
                            .build();
                    resolver = new ApiOperationResolver(spec, null, false);
                    validatedSpec = spec;
                }
            }
        }
        return validator;
    }

    private static Request toRequest(Exchange exchange) {
        var message = exchange.getMessage();
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        if (path == null || path.isEmpty()) {
            path = stripQuery(message.getHeader(Exchange.HTTP_URI, String.class));
        }
        if (path != null && path.startsWith(BASE_PATH)) {
            path = path.substring(BASE_PATH.length());
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path, false);
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null) {
            request.withContentType(contentType);
        }
        String body = MessageHelper.extractBodyAsString(exchange.getIn());
        if (body != null && !body.isEmpty()) {
            request.withBody(body);
        }
        // Every header the caller sent (Camel's own and the credentials aside), so that any header parameter the
        // contract declares is checked.
        message.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && value != null && !UNCHECKED_HEADERS.contains(name)) {
                request.withHeader(name, value.toString());
            }
        });
        String query = message.getHeader(Exchange.HTTP_QUERY, String.class);
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                request.withQueryParam(name, value);
            }
        }
        return request.build();
    }

    private static List<FieldError> bodyErrors(ValidationReport.Message message) {
        String pointer = message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .orElse("");
        String text = firstLine(message.getMessage());
        String keyword = message.getKey().substring("validation.request.body.schema.".length());
        List<FieldError> errors = new ArrayList<>();
        if (keyword.equals("required")) {
            for (String missing : quotedNames(text)) {
                errors.add(ProblemException.field(FieldPaths.of(pointer + "/" + missing), "is required"));
            }
        } else if (keyword.equals("additionalProperties")) {
            for (String extra : quotedNames(text)) {
                errors.add(ProblemException.field(FieldPaths.of(pointer + "/" + extra), "is not a known field"));
            }
        }
        if (errors.isEmpty()) {
            errors.add(ProblemException.field(FieldPaths.of(pointer), SchemaMessages.readable(text)));
        }
        return errors;
    }

    private static String parameterName(ValidationReport.Message message) {
        return message.getContext()
                .flatMap(ValidationReport.MessageContext::getParameter)
                .map(io.swagger.v3.oas.models.parameters.Parameter::getName)
                .orElseGet(() -> quotedNames(message.getMessage().replace('\'', '"')).stream().findFirst()
                        .orElse("(parameter)"));
    }

    private static String parameterMessage(ValidationReport.Message message) {
        if (message.getKey().endsWith(".missing")) {
            return "is required";
        }
        return SchemaMessages.readable(firstLine(message.getMessage()));
    }

    private static List<String> quotedNames(String text) {
        int bracket = text.indexOf('[');
        String list = bracket < 0 ? text : text.substring(bracket);
        List<String> names = new ArrayList<>();
        Matcher matcher = QUOTED_NAMES.matcher(list);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").trim();
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }

    /** A malformed escape ('%zz') is left as sent, for the contract to refuse as the value it is. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static String stripQuery(String uri) {
        if (uri == null) {
            return null;
        }
        int question = uri.indexOf('?');
        return question < 0 ? uri : uri.substring(0, question);
    }
}
