package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThat;

import in.gov.sangam.applications.ApplicationStatus;
import in.gov.sangam.applications.ClockStops;
import in.gov.sangam.applications.StoredApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CallerTest {

    private static StoredApplication application(String department, String submittedBy) {
        return new StoredApplication("SGM-2026-0000001", "s", department, ApplicationStatus.SUBMITTED, "n", "m", "1234",
                "Srinagar", "ur", null, null, null, "f", submittedBy, ClockStops.NONE);
    }

    @Test
    void eachReadsWhatIsItsOwn() {
        StoredApplication health = application("health", "portal");

        assertThat(Caller.of("portal", "portal").mayRead(health)).isTrue();
        assertThat(Caller.of("mobile-app", "portal").mayRead(health)).isFalse();
        assertThat(Caller.of("dept-health", "department:health").mayRead(health)).isTrue();
        assertThat(Caller.of("dept-revenue", "department:revenue").mayRead(health)).isFalse();
        assertThat(Caller.of("ops", "admin").mayRead(health)).isTrue();
        assertThat(Caller.of(null, null).mayRead(health)).isFalse();
        // The portal's scope alone does not make a department, nor does a client id that names one.
        assertThat(Caller.of("dept-health", "portal").mayRead(health)).isFalse();
    }

    @Test
    void aHeaderMergedWithARequestParameterOfTheSameNameGrantsNothing() {
        Caller merged = Caller.of("mobile-app", List.of("portal", " admin "));
        Caller mergedId = Caller.of(List.of("mobile-app", "portal"), "portal");

        assertThat(merged.isAdmin()).isFalse();
        assertThat(merged.scopes()).isEmpty();
        assertThat(mergedId.mayRead(application("health", "portal"))).isFalse();
        assertThat(mergedId.clientId()).isNull();
    }
}
