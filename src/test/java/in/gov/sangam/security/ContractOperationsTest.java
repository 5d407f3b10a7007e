package in.gov.sangam.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Access rules as the contract declares them, read from a contract written for the test. */
@Timeout(10)
class ContractOperationsTest {

    private static final String CONTRACT = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            servers: [{url: /api/v1}]
            paths:
              /catalogue:
                get: {operationId: catalogue, security: [], responses: {'200': {description: ok}}}
              /secrets:
                get: {operationId: undeclared, responses: {'200': {description: ok}}}
              /departments/{department}/reports:
                post:
                  operationId: report
                  security: [{oauth2: ['department:{department}']}, {oauth2: [admin]}]
                  parameters: [{name: department, in: path, required: true, schema: {type: string}}]
                  responses: {'200': {description: ok}}
              /records/{id}:
                get:
                  operationId: record
                  security: [{oauth2: [portal]}, {oauth2: ['department:{department}']}]
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'200': {description: ok}}
              /links/{token}:
                post:
                  operationId: capability
                  security: []
                  parameters: [{name: token, in: path, required: true, schema: {type: string}}]
                  responses: {'200': {description: ok}}
              /links/replies:
                post: {operationId: replies, security: [{oauth2: [gateway]}], responses: {'200': {description: ok}}}
              /links/replies/basic:
                get: {operationId: basicReplies, security: [{gatewayBasic: []}], responses: {'200': {description: ok}}}
              /both:
                get:
                  operationId: both
                  security: [{oauth2: [portal, admin]}]
                  responses: {'200': {description: ok}}
            components:
              securitySchemes:
                gatewayBasic: {type: http, scheme: basic}
            """;

    private final ContractOperations operations =
            new ContractOperations(new OpenAPIV3Parser().readContents(CONTRACT).getOpenAPI());

    @ParameterizedTest(name = "{0} {1} with [{2}] (token: {3}) -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/v1/catalogue                 |                            | false | true
            GET  | /api/v1/catalogue                 | admin                      | true  | true
            GET  | /api/v1/secrets                   | admin                      | true  | false
            POST | /api/v1/departments/health/reports | department:health          | true  | true
            POST | /api/v1/departments/health/reports | department:revenue         | true  | false
            POST | /api/v1/departments/health/reports | department:healthcare      | true  | false
            POST | /api/v1/departments/health/reports | department:{department}    | true  | false
            POST | /api/v1/departments/health/reports | admin                      | true  | true
            POST | /api/v1/departments/health/reports |                            | false | false
            POST | /api/v1/departments/health/reports | department:health          | false | false
            GET  | /api/v1/records/7                  | department:revenue         | true  | true
            GET  | /api/v1/records/7                  | portal                     | true  | true
            GET  | /api/v1/records/7                  | admin                      | true  | false
            GET  | /api/v1/records/7                  | department:                | true  | false
            GET  | /api/v1/both                       | portal                     | true  | false
            GET  | /api/v1/both                       | portal admin               | true  | true
            """)
    void anOperationOpensOnlyToTheScopesItDeclares(String method, String path, String scopes, boolean authenticated,
            boolean allowed) {
        var match = operations.find(method, path).orElseThrow();
        List<String> held = scopes == null ? List.of() : List.of(scopes.split(" "));

        assertThat(match.operation().allows(authenticated, held, match.pathVariables())).isEqualTo(allowed);
    }

    @Test
    void aPathIsMatchedOnlyAsTheContractWritesIt() {
        assertThat(operations.find("POST", "/api/v1/departments/health/reports")).isPresent();
        assertThat(operations.find("POST", "/api/v1/departments/health/reports/")).isEmpty();
        assertThat(operations.find("POST", "/api/v1/Departments/health/reports")).isEmpty();
        assertThat(operations.find("GET", "/api/v1/departments/health/reports")).isEmpty();
        assertThat(operations.find("HEAD", "/api/v1/catalogue")).isEmpty();
        assertThat(operations.methodsOn("/api/v1/departments/health/reports")).containsExactly("POST");
        assertThat(operations.canonicalSpelling("/API/V1/Departments/health/REPORTS"))
                .contains("/api/v1/departments/health/reports");
    }

    @Test
    void aPathIsMatchedByItsMostSpecificOperationWhateverTheOrderOfTheContract() {
        assertThat(operations.find("POST", "/api/v1/links/replies").orElseThrow().operation().operationId())
                .isEqualTo("replies");
        assertThat(operations.find("POST", "/api/v1/links/AbCdEfGhIjKlMnOp").orElseThrow().operation()
                .operationId()).isEqualTo("capability");
    }

    @Test
    void anHttpBasicSchemeOpensOnlyToBasicCredentialsAndABearerSchemeOnlyToABearerToken() {
        var basic = operations.find("GET", "/api/v1/links/replies/basic").orElseThrow();
        var bearer = operations.find("POST", "/api/v1/links/replies").orElseThrow();

        assertThat(basic.operation().allows(ContractOperation.Credentials.BASIC, List.of(), basic.pathVariables()))
                .isTrue();
        assertThat(basic.operation().allows(ContractOperation.Credentials.BEARER, List.of("gateway", "admin"),
                basic.pathVariables())).isFalse();
        assertThat(basic.operation().allows(ContractOperation.Credentials.NONE, List.of(), basic.pathVariables()))
                .isFalse();
        assertThat(bearer.operation().allows(ContractOperation.Credentials.BASIC, List.of("gateway"),
                bearer.pathVariables())).isFalse();
        assertThat(bearer.operation().allows(ContractOperation.Credentials.BEARER, List.of("gateway"),
                bearer.pathVariables())).isTrue();
    }

    @Test
    void aForbiddenAnswerNamesTheScopesWithTheirPathVariables() {
        var match = operations.find("POST", "/api/v1/departments/education/reports").orElseThrow();
        var undeclared = operations.find("GET", "/api/v1/secrets").orElseThrow();

        assertThat(match.operation().requiredScopes(match.pathVariables()))
                .isEqualTo("This operation needs the scope 'department:education' or 'admin'.");
        assertThat(undeclared.operation().requiredScopes(undeclared.pathVariables())).contains("nobody");
    }
}
