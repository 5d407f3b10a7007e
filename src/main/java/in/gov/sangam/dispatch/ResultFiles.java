package in.gov.sangam.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.ProblemException;
import in.gov.sangam.applications.StatusUpdate;
import in.gov.sangam.applications.StatusUpdates;
import in.gov.sangam.deadletters.DeadLetters;
import in.gov.sangam.messaging.Addresses;
import in.gov.sangam.applications.ApplicationIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a department's result file ({@code hub_ref,board_ref,status,remark,reason}, with a header) and applies each
 * row through the one state machine. A row that cannot be applied (malformed, an unknown application or code, an
 * illegal step) becomes a dead letter naming the file and the line, and the rest of the file still goes through.
 */
@Component("resultFiles")
public class ResultFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ResultFiles.class);
    static final List<String> COLUMNS = List.of("hub_ref", "board_ref", "status", "remark", "reason");
    public static final String ROW_TYPE = "ResultRow";

    private final StatusUpdates statusUpdates;
    private final DeadLetters deadLetters;
    private final ObjectMapper objectMapper;

    public ResultFiles(StatusUpdates statusUpdates, DeadLetters deadLetters, ObjectMapper objectMapper) {
        this.statusUpdates = statusUpdates;
        this.deadLetters = deadLetters;
        this.objectMapper = objectMapper;
    }

    public void apply(Exchange exchange) throws IOException {
        String department = exchange.getProperty("SangamDepartment", String.class);
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        String content = exchange.getMessage().getBody(String.class);
        applyFile(department, file, content);
    }

    private void applyFile(String department, String file, String content) throws IOException {
        List<String> lines = content.lines().toList();
        if (lines.isEmpty() || !CsvRows.fields(withoutByteOrderMark(lines.get(0)).strip()).equals(COLUMNS)) {
            // Without a header its rows cannot be read: the whole file is kept, and a replay reads it again.
            reject(department, file, 1, content, "the header must be " + String.join(",", COLUMNS)
                    + "; the whole file is kept");
            return;
        }
        int applied = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                applyRow(department, CsvRows.fields(line.strip()));
                applied++;
            } catch (IllegalArgumentException | ProblemException unusable) {
                reject(department, file, i + 1, line, why(unusable));
            }
        }
        LOG.info("Result file {} of {}: {} rows applied", file, department, applied);
    }

    /**
     * A row replayed from the dead letters (after the operator fixed its cause). If it still cannot be applied it
     * is a dead letter again, with the new reason.
     */
    public void applyReplayed(Exchange exchange) throws IOException {
        JsonNode row = objectMapper.readTree(exchange.getMessage().getBody(String.class));
        String department = row.path("department").asText();
        if (row.path("lineNumber").asInt() == 1) {
            applyFile(department, row.path("file").asText(), row.path("line").asText());
            return;
        }
        try {
            applyRow(department, CsvRows.fields(row.path("line").asText()));
        } catch (IllegalArgumentException | ProblemException unusable) {
            reject(department, row.path("file").asText(), row.path("lineNumber").asInt(), row.path("line").asText(),
                    why(unusable));
        }
    }

    private void applyRow(String department, List<String> fields) {
        if (fields.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " fields (" + String.join(",", COLUMNS)
                    + "), found " + fields.size());
        }
        if (fields.get(0).isBlank() || fields.get(2).isBlank()) {
            throw new IllegalArgumentException("hub_ref and status must not be empty");
        }
        statusUpdates.apply(new StatusUpdate(department, fields.get(0), blankToNull(fields.get(1)), fields.get(2),
                blankToNull(fields.get(3)), blankToNull(fields.get(4)), null));
    }

    private void reject(String department, String file, int lineNumber, String line, String why) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("department", department);
        row.put("file", file);
        row.put("lineNumber", lineNumber);
        row.put("line", line);
        String applicationId = line.isBlank() ? null : line.split(",", 2)[0].strip();
        // The same row of the same file is the same dead letter, however often the file is read.
        String messageId = UUID.nameUUIDFromBytes((department + "/" + file + "#" + lineNumber)
                .getBytes(StandardCharsets.UTF_8)).toString();
        deadLetters.record(messageId, department, ApplicationIds.isApplicationId(applicationId) ? applicationId : null,
                "result-file", file + " line " + lineNumber + ": " + why, 1,
                "queue:" + Addresses.RESULT_ROWS, ROW_TYPE, objectMapper.writeValueAsString(row));
        LOG.warn("Result file {} of {}, line {}: {} (kept as a dead letter)", file, department, lineNumber, why);
    }

    /** The reason in full: a validation problem names each field and what is wrong with it. */
    private static String why(RuntimeException unusable) {
        return unusable instanceof ProblemException problem ? problem.describe() : unusable.getMessage();
    }

    private static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
