package in.gov.sangam.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads an application's state straight from the store, for tests that wait on it. */
public final class ApplicationRows {

    private final JdbcClient jdbc;

    public ApplicationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String status(String id) {
        return jdbc.sql("SELECT status FROM application WHERE application_id = :id").param("id", id)
                .query(String.class).single();
    }

    /** The department's reference, or null while the application has none. */
    public String reference(String id) {
        return jdbc.sql("SELECT department_reference FROM application WHERE application_id = :id").param("id", id)
                .query((rs, row) -> rs.getString(1)).list().get(0);
    }

    public int historySize(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM application_history WHERE application_id = :id").param("id", id)
                .query(Integer.class).single();
    }

    /** The reason of the application's dead letter, or null while it has none. */
    public String deadLetterReason(String id) {
        return jdbc.sql("SELECT reason FROM dead_letter WHERE application_id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }
}
