package in.gov.sangam.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.api.ProblemException;
import in.gov.sangam.applications.StatusUpdate;
import in.gov.sangam.applications.StatusUpdates;
import in.gov.sangam.deadletters.DeadLetters;
import in.gov.sangam.messaging.Addresses;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
        List<String> lines = exchange.getMessage().getBody(String.class).lines().toList();
        if (lines.isEmpty() || !CsvRows.fields(lines.get(0).strip()).equals(COLUMNS)) {
            reject(department, file, 1, lines.isEmpty() ? "" : lines.get(0),
                    "the header must be " + String.join(",", COLUMNS));
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
        deadLetters.record(UUID.randomUUID().toString(), department,
                applicationId != null && applicationId.matches("SGM-\\d{4}-\\d{7,}") ? applicationId : null,
                "result-file", file + " line " + lineNumber + ": " + why, 1,
                "queue:" + Addresses.RESULT_ROWS, ROW_TYPE, objectMapper.writeValueAsString(row));
        LOG.warn("Result file {} of {}, line {}: {} (kept as a dead letter)", file, department, lineNumber, why);
    }

    /** The reason in full: a validation problem names each field and what is wrong with it. */
    private static String why(RuntimeException unusable) {
        if (unusable instanceof ProblemException problem && !problem.errors().isEmpty()) {
            return problem.errors().stream().map(e -> e.getField() + " " + e.getMessage())
                    .collect(Collectors.joining("; "));
        }
        return unusable.getMessage();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
