package in.gov.sangam.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An H2 trigger that refuses the outbox message of any application whose applicant is named {@link #APPLICANT}, as a
 * database failing at that moment would: a test shows that the application it announces rolls back with it. Every
 * other application, and the relay's work on the outbox, goes on untouched on the shared hub's database.
 */
public final class RefusedOutboxRows implements Trigger {

    /** The applicant whose application's outbox message the database refuses. */
    public static final String APPLICANT = "Outbox Refuses Me";
    private static final String NAME = "REFUSE_OUTBOX_ROWS";

    private int aggregateColumn = -1;

    /** Puts the trigger on the hub's outbox table; {@link #remove} takes it off. */
    public static void install(JdbcClient jdbc) {
        jdbc.sql("CREATE TRIGGER " + NAME + " BEFORE INSERT ON outbox_message FOR EACH ROW CALL \""
                + RefusedOutboxRows.class.getName() + "\"").update();
    }

    public static void remove(JdbcClient jdbc) {
        jdbc.sql("DROP TRIGGER IF EXISTS " + NAME).update();
    }

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                if (columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT).equals("aggregate_id")) {
                    aggregateColumn = columns.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
        if (aggregateColumn < 0) {
            throw new SQLException("outbox_message has no aggregate_id column");
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement applicant = connection.prepareStatement(
                "SELECT applicant_name FROM application WHERE application_id = ?")) {
            applicant.setObject(1, newRow[aggregateColumn]);
            try (ResultSet found = applicant.executeQuery()) {
                if (found.next() && APPLICANT.equals(found.getString(1))) {
                    throw new SQLException("The outbox refuses the message of " + newRow[aggregateColumn]);
                }
            }
        }
    }
}
