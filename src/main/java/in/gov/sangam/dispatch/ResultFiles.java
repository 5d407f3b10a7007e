package in.gov.sangam.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.applications.ApplicationIds;
import in.gov.sangam.applications.Refused;
import in.gov.sangam.applications.StatusUpdate;
import in.gov.sangam.applications.StatusUpdates;
import in.gov.sangam.audit.AuditChannel;
import in.gov.sangam.audit.AuditEvent;
import in.gov.sangam.deadletters.DeadLetters;
import in.gov.sangam.messaging.Addresses;
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
 * Reads a department's result file (a CSV whose header names its columns, as the department's
 * {@code batch.resultColumns} says) and applies each row through the one state machine. A row that cannot be applied
 * (malformed, an unknown application or code, an illegal step) becomes a dead letter naming the file and the line,
 * and the rest of the file still goes through.
 */
@Component("resultFiles")
public class ResultFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ResultFiles.class);
    public static final String ROW_TYPE = "ResultRow";

    private final Connectors connectors;
    private final StatusUpdates statusUpdates;
    private final DeadLetters deadLetters;
    private final ObjectMapper objectMapper;

    public ResultFiles(Connectors connectors, StatusUpdates statusUpdates, DeadLetters deadLetters,
            ObjectMapper objectMapper) {
        this.connectors = connectors;
        this.statusUpdates = statusUpdates;
        this.deadLetters = deadLetters;
        this.objectMapper = objectMapper;
    }

    /** Where each of the hub's fields is in a file, found by the department's column names in its header. */
    private record Layout(List<String> header, Map<String, Integer> positions) {

        static Layout of(String headerLine, Map<String, String> columns) {
            List<String> header = CsvRows.fields(headerLine.startsWith("\uFEFF") ? headerLine.substring(1).strip()
                    : headerLine.strip());
            Map<String, Integer> positions = new LinkedHashMap<>();
            columns.forEach((field, column) -> {
                int position = header.indexOf(column);
                if (position >= 0) {
                    positions.put(field, position);
                }
            });
            if (!positions.containsKey("applicationId") || !positions.containsKey("status")) {
                throw new IllegalArgumentException("the header must name the columns " + columns.get("applicationId")
                        + " and " + columns.get("status") + " (found " + String.join(",", header) + ")");
            }
            return new Layout(header, positions);
        }

        String field(List<String> row, String field) {
            Integer position = positions.get(field);
            String value = position == null ? null : row.get(position);
            return value == null || value.isBlank() ? null : value;
        }
    }

    public void apply(Exchange exchange) throws IOException {
        String department = exchange.getProperty("SangamDepartment", String.class);
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        applyFile(department, file, exchange.getMessage().getBody(String.class));
    }

    private void applyFile(String department, String file, String content) throws IOException {
        List<String> lines = content.lines().toList();
        Layout layout;
        try {
            layout = Layout.of(lines.isEmpty() ? "" : lines.get(0), connectors.settings(department).resultColumns());
        } catch (IllegalArgumentException noHeader) {
            // Without its header no row can be read: the whole file is kept, and a replay reads it again.
            reject(department, file, 1, "", content, noHeader.getMessage() + "; the whole file is kept");
            return;
        }
        int applied = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                applyRow(department, layout, line);
                applied++;
            } catch (IllegalArgumentException | Refused unusable) {
                reject(department, file, i + 1, lines.get(0), line, why(unusable));
            }
        }
        LOG.info("Result file {} of {}: {} rows applied", file, department, applied);
    }

    /**
     * A row (or a whole file without its header) replayed from the dead letters, once its cause is fixed. If it
     * still cannot be applied it is a dead letter again, with the new reason.
     */
    public void applyReplayed(Exchange exchange) throws IOException {
        JsonNode row = objectMapper.readTree(exchange.getMessage().getBody(String.class));
        String department = row.path("department").asText();
        String file = row.path("file").asText();
        if (row.path("lineNumber").asInt() == 1) {
            applyFile(department, file, row.path("line").asText());
            return;
        }
        try {
            applyRow(department, Layout.of(row.path("header").asText(),
                    connectors.settings(department).resultColumns()), row.path("line").asText());
        } catch (IllegalArgumentException | Refused unusable) {
            reject(department, file, row.path("lineNumber").asInt(), row.path("header").asText(),
                    row.path("line").asText(), why(unusable));
        }
    }

    private void applyRow(String department, Layout layout, String line) {
        List<String> fields = CsvRows.fields(line.strip());
        if (fields.size() != layout.header().size()) {
            throw new IllegalArgumentException("expected " + layout.header().size() + " fields ("
                    + String.join(",", layout.header()) + "), found " + fields.size());
        }
        String applicationId = layout.field(fields, "applicationId");
        String status = layout.field(fields, "status");
        if (applicationId == null || status == null) {
            throw new IllegalArgumentException("the application and the status must not be empty");
        }
        statusUpdates.apply(new StatusUpdate(department, applicationId, layout.field(fields, "reference"), status,
                layout.field(fields, "remark"), layout.field(fields, "reason"), null, AuditChannel.RESULT_FILE,
                AuditEvent.HUB));
    }

    private void reject(String department, String file, int lineNumber, String header, String line, String why)
            throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("department", department);
        row.put("file", file);
        row.put("lineNumber", lineNumber);
        row.put("header", header);
        row.put("line", line);
        String firstField = line.isBlank() ? null : line.split(",", 2)[0].strip();
        // The same row of the same file is the same dead letter, however often the file is read.
        String messageId = UUID.nameUUIDFromBytes((department + "/" + file + "#" + lineNumber)
                .getBytes(StandardCharsets.UTF_8)).toString();
        deadLetters.record(messageId, department, ApplicationIds.isApplicationId(firstField) ? firstField : null,
                "result-file", file + " line " + lineNumber + ": " + why, 1,
                "queue:" + Addresses.RESULT_ROWS, ROW_TYPE, objectMapper.writeValueAsString(row));
        LOG.warn("Result file {} of {}, line {}: {} (kept as a dead letter)", file, department, lineNumber, why);
    }

    /** The reason in full: a validation problem names each field and what is wrong with it. */
    private static String why(RuntimeException unusable) {
        return unusable instanceof Refused refused ? refused.describe() : unusable.getMessage();
    }
}
