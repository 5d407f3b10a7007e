package in.gov.sangam.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Health applications written straight into the hubs' PostgreSQL, their deadlines one after another over a span of
 * PSGA time still to come, as if portals had submitted them days ago: the appeal sweep does not care how they got
 * there. Most are open with their clock running, for a service with auto-appeal, and must be appealed once; among them,
 * in the same stretch of deadlines, are some the sweep must pass by.
 */
final class OverdueSoonApplications {

    /** 7 calendar days, auto-appeal on. */
    static final String AUTO_APPEALED = "health-birth-registration";
    /** 7 calendar days, auto-appeal off. */
    static final String NOT_AUTO_APPEALED = "health-death-registration";
    private static final Duration TIMELINE = Duration.ofDays(7);

    /** What each application is at its deadline. */
    enum Kind {
        /** Open, its clock running, auto-appealed: to be appealed. */
        OPEN,
        /** Delivered before its deadline. */
        DELIVERED,
        /** With the citizen at its deadline: its clock stands. */
        WITH_THE_CITIZEN,
        /** Open, for a service without auto-appeal. */
        NOT_AUTO_APPEALED
    }

    private final DataSource postgres;

    OverdueSoonApplications(DataSource postgres) {
        this.postgres = postgres;
    }

    /**
     * Writes {@code count} applications in one transaction, their deadlines evenly from {@code firstDue} to
     * {@code lastDue}; one in ten of each kind the sweep must pass by, the rest {@link Kind#OPEN}. Each has a mobile
     * number of its own, so that what an SMS gateway receives can be counted per application.
     *
     * @param batch 1 to 9, tells these applications from those of another call ({@code SGM-2091-0000001}, ...): the
     *     year 2090 and the batch, far from the years of the applications the hub numbers itself
     * @return the ids written, by kind
     */
    Map<Kind, List<String>> write(int batch, int count, Instant firstDue, Instant lastDue) {
        Map<Kind, List<String>> written = new EnumMap<>(Kind.class);
        Duration step = Duration.between(firstDue, lastDue).dividedBy(Math.max(1, count - 1));
        try (Connection connection = postgres.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO application (application_id, service_code, department, status, applicant_name,
                            applicant_mobile, applicant_district, applicant_language, form_data, acknowledged_at,
                            due_by, client_id, idempotency_key, request_fingerprint, clock_stopped_since)
                        VALUES (?, ?, 'health', ?, 'Aisha Bhat', ?, 'Anantnag', 'hi', '{}', ?, ?, 'portal', ?,
                            'written-by-the-test', ?)""")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                Kind kind = switch (i % 10) {
                    case 7 -> Kind.DELIVERED;
                    case 8 -> Kind.WITH_THE_CITIZEN;
                    case 9 -> Kind.NOT_AUTO_APPEALED;
                    default -> Kind.OPEN;
                };
                String id = "SGM-209%d-%07d".formatted(batch, i + 1);
                // PostgreSQL keeps microseconds: the test compares what it wrote with what the sweep read.
                Instant dueBy = firstDue.plus(step.multipliedBy(i)).truncatedTo(ChronoUnit.MICROS);
                insert.setString(1, id);
                insert.setString(2, kind == Kind.NOT_AUTO_APPEALED ? NOT_AUTO_APPEALED : AUTO_APPEALED);
                insert.setString(3, switch (kind) {
                    case DELIVERED -> "DELIVERED";
                    case WITH_THE_CITIZEN -> "RETURNED_TO_CITIZEN";
                    default -> "SUBMITTED";
                });
                insert.setString(4, "+919%d%08d".formatted(batch, i + 1));
                insert.setObject(5, utc(dueBy.minus(TIMELINE)));
                insert.setObject(6, utc(dueBy));
                insert.setString(7, id);
                insert.setObject(8, kind == Kind.WITH_THE_CITIZEN ? utc(dueBy.minus(Duration.ofDays(1))) : null,
                        Types.TIMESTAMP_WITH_TIMEZONE);
                insert.addBatch();
                written.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The applications could not be written", e);
        }
        return written;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
