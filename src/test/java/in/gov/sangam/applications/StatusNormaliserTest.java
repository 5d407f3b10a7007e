package in.gov.sangam.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.gov.sangam.catalogue.CatalogueDepartment;
import in.gov.sangam.catalogue.CatalogueLoader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each department's own status codes, read from its shipped {@code connector.yaml}, and what each means in the hub's
 * one vocabulary.
 */
class StatusNormaliserTest {

    private static final Map<String, CatalogueDepartment> DEPARTMENTS = new CatalogueLoader()
            .load("classpath*:connectors").stream()
            .collect(Collectors.toMap(CatalogueDepartment::code, department -> department));

    private final StatusNormaliser normaliser = new StatusNormaliser();

    @ParameterizedTest(name = "{0} ''{1}'' -> {2}")
    @CsvSource({
        // The departments' own codes.
        "revenue,   RECEIVED,             FORWARDED",
        "revenue,   UNDER_VERIFICATION,   IN_PROCESS",
        "revenue,   PENDING_WITH_PATWARI, IN_PROCESS",
        "revenue,   DOCUMENTS_REQUIRED,   RETURNED_TO_CITIZEN",
        "revenue,   ISSUED,               DELIVERED",
        "revenue,   REJECTED,             REJECTED",
        "health,    REG,                  FORWARDED",
        "health,    SCR,                  IN_PROCESS",
        "health,    QRY,                  RETURNED_TO_CITIZEN",
        "health,    APR,                  DELIVERED",
        "health,    REJ,                  REJECTED",
        "education, ACCEPTED,             FORWARDED",
        "education, PROCESSING,           IN_PROCESS",
        "education, INCOMPLETE,           RETURNED_TO_CITIZEN",
        "education, COMPLETED,            DELIVERED",
        "education, DENIED,               REJECTED",
        // Written as a department's system writes them: any case, padded.
        "health,    apr,                  DELIVERED",
        "health,    '  Scr  ',            IN_PROCESS",
        "revenue,   issued,               DELIVERED",
        // The hub's own names are understood from every department.
        "health,    IN_PROCESS,           IN_PROCESS",
        "health,    delivered,            DELIVERED",
        "education, RETURNED_TO_CITIZEN,  RETURNED_TO_CITIZEN",
        "education, REJECTED,             REJECTED",
        "revenue,   SUBMITTED,            SUBMITTED",
        "revenue,   FORWARDED,            FORWARDED"})
    void aDepartmentsCodeMeansOneHubStatus(String department, String code, ApplicationStatus expected) {
        assertThat(normaliser.normalise(DEPARTMENTS.get(department), code)).isEqualTo(expected);
    }

    @Test
    void aDepartmentsOwnCodeWinsOverAHubNameSpelledTheSame() {
        // A department whose system says DELIVERED when the post office has taken the certificate, not the citizen.
        CatalogueDepartment post = new CatalogueDepartment("post", "Post", List.of(),
                Map.of("DELIVERED", "IN_PROCESS"), null);

        assertThat(normaliser.normalise(post, "delivered")).isEqualTo(ApplicationStatus.IN_PROCESS);
        assertThat(normaliser.normalise(post, "REJECTED")).isEqualTo(ApplicationStatus.REJECTED);
    }

    @ParameterizedTest(name = "{0} ''{1}'' is refused")
    @CsvSource({
        "health,    ISSUED,     'APR, DELIVERED, FORWARDED, IN_PROCESS, QRY, REG, REJ, REJECTED, RETURNED_TO_CITIZEN, SCR, SUBMITTED'",
        "revenue,   TELEPORTED, 'DELIVERED, DOCUMENTS_REQUIRED, FORWARDED, IN_PROCESS, ISSUED, PENDING_WITH_PATWARI, RECEIVED, REJECTED, RETURNED_TO_CITIZEN, SUBMITTED, UNDER_VERIFICATION'",
        "education, ''        , 'ACCEPTED, COMPLETED, DELIVERED, DENIED, FORWARDED, INCOMPLETE, IN_PROCESS, PROCESSING, REJECTED, RETURNED_TO_CITIZEN, SUBMITTED'"})
    void anUnknownCodeIsRefusedNamingTheDepartmentAndEveryCodeItKnows(String department, String code, String known) {
        assertThatThrownBy(() -> normaliser.normalise(DEPARTMENTS.get(department), code))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.describe())
                        .isEqualTo("status '" + code + "' is not a status code of " + department
                                + " (known: " + known + ")"));
    }
}
