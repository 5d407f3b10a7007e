package in.gov.sangam.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/** Applications and their history, in plain SQL that runs on H2 and PostgreSQL alike. */
@Repository
public class ApplicationStore {

    private static final String COLUMNS = """
            application_id, service_code, department, status, applicant_name, applicant_mobile,
            applicant_aadhaar_last4, applicant_district, applicant_language, acknowledged_at, due_by,
            department_reference, request_fingerprint, client_id, clock_stopped_since, clock_stopped_seconds""";

    private final JdbcClient jdbc;
    private final DataFieldMaxValueIncrementer applicationNumbers;

    public ApplicationStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.applicationNumbers = sequence(dataSource);
    }

    /** The next application number from a database sequence, so numbers are unique across hub nodes. */
    public long nextApplicationNumber() {
        return applicationNumbers.nextLongValue();
    }

    public void insert(NewApplication a) {
        jdbc.sql("""
                INSERT INTO application (application_id, service_code, department, status, applicant_name,
                    applicant_mobile, applicant_aadhaar_enc, applicant_aadhaar_last4, applicant_email,
                    applicant_district, applicant_language, form_data, acknowledged_at, due_by, warn_at, client_id,
                    idempotency_key, request_fingerprint)
                VALUES (:id, :service, :department, :status, :name, :mobile, :aadhaarEnc, :aadhaarLast4, :email,
                    :district, :language, :formData, :acknowledgedAt, :dueBy, :warnAt, :clientId, :key, :fingerprint)""")
                .param("id", a.applicationId())
                .param("service", a.serviceCode())
                .param("department", a.department())
                .param("status", ApplicationStatus.SUBMITTED.name())
                .param("name", a.applicantName())
                .param("mobile", a.applicantMobile())
                .param("aadhaarEnc", a.applicantAadhaarEncrypted())
                .param("aadhaarLast4", a.applicantAadhaarLastFour())
                .param("email", a.applicantEmail())
                .param("district", a.applicantDistrict())
                .param("language", a.applicantLanguage())
                .param("formData", a.formDataJson())
                .param("acknowledgedAt", utc(a.acknowledgedAt()))
                .param("dueBy", utc(a.dueBy()))
                .param("warnAt", utc(a.warnAt()))
                .param("clientId", a.clientId())
                .param("key", a.idempotencyKey())
                .param("fingerprint", a.requestFingerprint())
                .update();
    }

    public void appendHistory(String applicationId, ApplicationStatus status, Instant at, String remark) {
        appendHistory(applicationId, status, at, remark, null);
    }

    public void appendHistory(String applicationId, ApplicationStatus status, Instant at, String remark,
            String reason) {
        jdbc.sql("""
                INSERT INTO application_history (application_id, status, changed_at, remark, reason)
                VALUES (:id, :status, :at, :remark, :reason)""")
                .param("id", applicationId)
                .param("status", status.name())
                .param("at", utc(at))
                .param("remark", remark)
                .param("reason", reason)
                .update();
    }

    /**
     * Moves the application from {@code from} to {@code to}, only if it still is {@code from}: two updates racing
     * for the same application cannot both apply.
     *
     * @return whether this call made the change
     */
    public boolean changeStatus(String applicationId, ApplicationStatus from, ApplicationStatus to,
            String departmentReference) {
        return jdbc.sql("""
                UPDATE application SET status = :to, version = version + 1,
                    department_reference = COALESCE(department_reference, :reference)
                WHERE application_id = :id AND status = :from""")
                .param("to", to.name())
                .param("reference", departmentReference)
                .param("id", applicationId)
                .param("from", from.name())
                .update() == 1;
    }

    /**
     * Keeps the department's reference of an application that has none yet (a report of the status it already has
     * may be the first to carry it); a reference it has already is never replaced.
     *
     * @return whether this call stored it
     */
    public boolean keepDepartmentReference(String applicationId, String departmentReference) {
        return jdbc.sql("""
                UPDATE application SET department_reference = :reference, version = version + 1
                WHERE application_id = :id AND department_reference IS NULL""")
                .param("reference", departmentReference)
                .param("id", applicationId)
                .update() == 1;
    }

    /** Stops the application's PSGA clock: it is with the citizen from {@code at}. */
    public void stopClock(String applicationId, Instant at) {
        jdbc.sql("UPDATE application SET clock_stopped_since = :at WHERE application_id = :id")
                .param("at", utc(at))
                .param("id", applicationId)
                .update();
    }

    /**
     * Starts the application's PSGA clock again, with its new due date, the officer's warning moved with it, and how
     * long it has been stopped in all.
     */
    public void restartClock(String applicationId, Duration stoppedInAll, Instant dueBy, Instant warnAt) {
        jdbc.sql("""
                UPDATE application SET clock_stopped_since = NULL, clock_stopped_seconds = :seconds, due_by = :dueBy,
                    warn_at = :warnAt
                WHERE application_id = :id""")
                .param("seconds", stoppedInAll.toSeconds())
                .param("dueBy", utc(dueBy))
                .param("warnAt", utc(warnAt))
                .param("id", applicationId)
                .update();
    }

    /**
     * Notes that the application's department has it, while it may stay SUBMITTED until the department says so
     * later (a department working in batch files): it is not waiting for the hub.
     */
    public void markHandedOver(String applicationId, Instant at) {
        jdbc.sql("UPDATE application SET handed_over_at = :at WHERE application_id = :id")
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("id", applicationId)
                .update();
    }

    /** Everything a department's system needs about an application, the Aadhaar number still encrypted. */
    public Optional<DispatchRecord> findForDispatch(String applicationId) {
        return jdbc.sql("""
                SELECT application_id, service_code, department, status, applicant_name, applicant_mobile,
                    applicant_aadhaar_enc, applicant_email, applicant_district, applicant_language, form_data,
                    acknowledged_at, due_by
                FROM application WHERE application_id = :id""")
                .param("id", applicationId)
                .query((rs, row) -> new DispatchRecord(rs.getString("application_id"), rs.getString("service_code"),
                        rs.getString("department"), ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getString("applicant_name"), rs.getString("applicant_mobile"),
                        rs.getString("applicant_aadhaar_enc"), rs.getString("applicant_email"),
                        rs.getString("applicant_district"), rs.getString("applicant_language"),
                        rs.getString("form_data"), instant(rs, "acknowledged_at"), instant(rs, "due_by")))
                .optional();
    }

    /**
     * The department's references of its open applications (with it, not yet final), those polled longest ago
     * first, and notes them as polled now.
     */
    public List<String> nextToPoll(String department, int batchSize, Instant now) {
        List<String> references = jdbc.sql("""
                SELECT department_reference FROM application
                WHERE department = :department AND department_reference IS NOT NULL
                  AND status IN ('FORWARDED', 'IN_PROCESS', 'RETURNED_TO_CITIZEN')
                ORDER BY last_polled_at NULLS FIRST, application_id
                FETCH FIRST :limit ROWS ONLY""")
                .param("department", department)
                .param("limit", batchSize)
                .query(String.class)
                .list();
        if (!references.isEmpty()) {
            jdbc.sql("""
                    UPDATE application SET last_polled_at = :now
                    WHERE department = :department AND department_reference IN (:references)""")
                    .param("now", utc(now)).param("department", department).param("references", references)
                    .update();
        }
        return references;
    }

    public Optional<StoredApplication> findByDepartmentReference(String department, String departmentReference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE department = :department"
                        + " AND department_reference = :reference")
                .param("department", department)
                .param("reference", departmentReference)
                .query(ApplicationStore::toApplication)
                .optional();
    }

    public Optional<StoredApplication> find(String applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE application_id = :id")
                .param("id", applicationId)
                .query(ApplicationStore::toApplication)
                .optional();
    }

    public Optional<StoredApplication> findByIdempotencyKey(String clientId, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE client_id = :client AND idempotency_key = :key")
                .param("client", clientId)
                .param("key", idempotencyKey)
                .query(ApplicationStore::toApplication)
                .optional();
    }

    public List<StatusChange> history(String applicationId) {
        return jdbc.sql("""
                SELECT status, changed_at, remark, reason FROM application_history
                WHERE application_id = :id ORDER BY id""")
                .param("id", applicationId)
                .query((rs, row) -> new StatusChange(ApplicationStatus.valueOf(rs.getString("status")),
                        instant(rs, "changed_at"), rs.getString("remark"), rs.getString("reason")))
                .list();
    }

    private static StoredApplication toApplication(ResultSet rs, int row) throws SQLException {
        return new StoredApplication(
                rs.getString("application_id"),
                rs.getString("service_code"),
                rs.getString("department"),
                ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("applicant_name"),
                rs.getString("applicant_mobile"),
                rs.getString("applicant_aadhaar_last4"),
                rs.getString("applicant_district"),
                rs.getString("applicant_language"),
                instant(rs, "acknowledged_at"),
                instant(rs, "due_by"),
                rs.getString("department_reference"),
                rs.getString("request_fingerprint"),
                rs.getString("client_id"),
                new ClockStops(instant(rs, "clock_stopped_since"),
                        Duration.ofSeconds(rs.getLong("clock_stopped_seconds"))));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static DataFieldMaxValueIncrementer sequence(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                    metaData -> metaData.getDatabaseProductName());
            return "PostgreSQL".equalsIgnoreCase(product)
                    ? new PostgresSequenceMaxValueIncrementer(dataSource, "application_number_seq")
                    : new H2SequenceMaxValueIncrementer(dataSource, "application_number_seq");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot tell which database holds the applications", e);
        }
    }
}
