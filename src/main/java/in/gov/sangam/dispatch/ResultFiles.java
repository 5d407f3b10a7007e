package in.gov.sangam.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the result-file route (routes/connector-sftp-batch.yaml) calls for each row of a department's result file,
 * once Camel has read it (the csv data format, or one JSON object a line) and split it: the row is applied through
 * the one state machine, its columns found as the department's {@code batch.resultColumns} says. A row that cannot be
 * applied (malformed, an unknown application or code, an illegal step) becomes a dead letter naming the file and the
 * line, and the rest of the file still goes through.
 */
@Component("resultFiles")
public class ResultFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ResultFiles.class);
    public static final String ROW_TYPE = "ResultRow";
    private static final String LAYOUT = "SangamResultLayout";
    private static final String JSON_LINES = "jsonl";
    /** How a row replayed from a dead letter is read again: as the route's csv data format reads a file. */
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

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

    /** Where each of the hub's fields is in a CSV file, found by the department's column names in its header. */
    private record Layout(List<String> header, Map<String, Integer> positions) {

        static Layout of(List<String> fields, Map<String, String> columns) {
            List<String> header = new ArrayList<>(fields);
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
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

    /**
     * Reads the header of a CSV file (the first of its rows, as the csv data format gave them) and keeps where the
     * department's columns are for its rows. Without it no row can be read: the whole file is kept as a dead letter,
     * and a replay reads it again. Whether the rows are to be applied.
     */
    public boolean readHeader(Exchange exchange) throws IOException {
        List<List<String>> records = exchange.getMessage().getBody(List.class);
        if (records == null) {
            return false;
        }
        Layout layout = layout(department(exchange), file(exchange), records,
                exchange.getProperty("SangamResultFile", String.class));
        exchange.setProperty(LAYOUT, layout);
        return layout != null;
    }

    /** One row of a CSV file, its line the index of the split (the header is line 1). */
    public void applyCsvRow(Exchange exchange) throws IOException {
        List<String> fields = exchange.getMessage().getBody(List.class);
        applyCsvRow(department(exchange), file(exchange), exchange.getProperty(LAYOUT, Layout.class),
                lineNumber(exchange), fields);
    }

    /** One line of a JSON-lines file: an object whose fields are named as the department's result columns. */
    public void applyJsonLine(Exchange exchange) throws IOException {
        applyJsonLine(department(exchange), file(exchange), lineNumber(exchange),
                exchange.getMessage().getBody(String.class));
    }

    /** A file the csv data format could not read at all: kept whole, with what was wrong. */
    public void rejectFile(Exchange exchange) throws IOException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        reject(department(exchange), file(exchange), 1, "", exchange.getProperty("SangamResultFile", String.class),
                "not a CSV file (" + (failure == null ? "unreadable" : failure.getMessage())
                        + "); the whole file is kept", null);
    }

    /**
     * A row (or a whole file without its header) replayed from the dead letters, once its cause is fixed. If it
     * still cannot be applied it is a dead letter again, with the new reason.
     */
    public void applyReplayed(Exchange exchange) throws IOException {
        JsonNode row = objectMapper.readTree(exchange.getMessage().getBody(String.class));
        String department = row.path("department").asText();
        String file = row.path("file").asText();
        int lineNumber = row.path("lineNumber").asInt();
        String line = row.path("line").asText();
        if (JSON_LINES.equals(row.path("format").asText())) {
            applyJsonLine(department, file, lineNumber, line);
            return;
        }
        if (lineNumber == 1) {
            List<List<String>> records;
            try {
                records = records(line);
            } catch (IOException | UncheckedIOException | IllegalStateException notCsv) {
                reject(department, file, 1, "", line, "not a CSV file (" + notCsv.getMessage()
                        + "); the whole file is kept", null);
                return;
            }
            Layout layout = layout(department, file, records, line);
            for (int i = 1; layout != null && i < records.size(); i++) {
                applyCsvRow(department, file, layout, i + 1, records.get(i));
            }
            return;
        }
        String header = row.path("header").asText();
        try {
            applyCsvRow(department, file, Layout.of(records(header).get(0),
                    connectors.settings(department).resultColumns()), lineNumber, records(line).get(0));
        } catch (IllegalArgumentException | UncheckedIOException | IllegalStateException unusable) {
            reject(department, file, lineNumber, header, line, unusable.getMessage(), null);
        }
    }

    /** The layout of a file's header, or null once the whole file is kept as a dead letter. */
    private Layout layout(String department, String file, List<List<String>> records, String content)
            throws IOException {
        try {
            return Layout.of(records.isEmpty() ? List.of() : records.get(0),
                    connectors.settings(department).resultColumns());
        } catch (IllegalArgumentException noHeader) {
            reject(department, file, 1, "", content, noHeader.getMessage() + "; the whole file is kept", null);
            return null;
        }
    }

    private void applyCsvRow(String department, String file, Layout layout, int lineNumber, List<String> fields)
            throws IOException {
        if (fields.size() == 1 && fields.get(0).isBlank()) {
            return;
        }
        try {
            if (fields.size() != layout.header().size()) {
                throw new IllegalArgumentException("expected " + layout.header().size() + " fields ("
                        + String.join(",", layout.header()) + "), found " + fields.size());
            }
            apply(department, layout.field(fields, "applicationId"), layout.field(fields, "reference"),
                    layout.field(fields, "status"), layout.field(fields, "remark"), layout.field(fields, "reason"));
        } catch (IllegalArgumentException | Refused unusable) {
            reject(department, file, lineNumber, CSV.format(layout.header().toArray()), CSV.format(fields.toArray()),
                    why(unusable), null);
        }
    }

    private void applyJsonLine(String department, String file, int lineNumber, String line) throws IOException {
        if (line == null || line.isBlank()) {
            return;
        }
        try {
            JsonNode row;
            try {
                row = objectMapper.readTree(line);
            } catch (JsonProcessingException notJson) {
                throw new IllegalArgumentException("not a JSON object: " + notJson.getOriginalMessage());
            }
            if (!row.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            Map<String, String> columns = connectors.settings(department).resultColumns();
            apply(department, text(row, columns.get("applicationId")), text(row, columns.get("reference")),
                    text(row, columns.get("status")), text(row, columns.get("remark")),
                    text(row, columns.get("reason")));
        } catch (IllegalArgumentException | Refused unusable) {
            reject(department, file, lineNumber, "", line.strip(), why(unusable), JSON_LINES);
        }
    }

    /** The application a rejected JSON line names, when it can be read. */
    private String jsonApplicationId(String department, String line) {
        try {
            return text(objectMapper.readTree(line), connectors.settings(department).resultColumns()
                    .get("applicationId"));
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = field == null ? null : row.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private void apply(String department, String applicationId, String reference, String status, String remark,
            String reason) {
        if (applicationId == null || status == null) {
            throw new IllegalArgumentException("the application and the status must not be empty");
        }
        statusUpdates.apply(new StatusUpdate(department, applicationId, reference, status, remark, reason, null,
                AuditChannel.RESULT_FILE, AuditEvent.HUB));
    }

    private void reject(String department, String file, int lineNumber, String header, String line, String why,
            String format) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("department", department);
        row.put("file", file);
        row.put("lineNumber", lineNumber);
        row.put("header", header);
        row.put("line", line);
        if (format != null) {
            row.put("format", format);
        }
        String firstField = JSON_LINES.equals(format) ? jsonApplicationId(department, line)
                : line == null || line.isBlank() ? null : line.split(",", 2)[0].strip();
        // The same row of the same file is the same dead letter, however often the file is read.
        String messageId = UUID.nameUUIDFromBytes((department + "/" + file + "#" + lineNumber)
                .getBytes(StandardCharsets.UTF_8)).toString();
        deadLetters.record(messageId, department, ApplicationIds.isApplicationId(firstField) ? firstField : null,
                "result-file", file + " line " + lineNumber + ": " + why, 1,
                "queue:" + Addresses.RESULT_ROWS, ROW_TYPE, objectMapper.writeValueAsString(row));
        LOG.warn("Result file {} of {}, line {}: {} (kept as a dead letter)", file, department, lineNumber, why);
    }

    private static List<List<String>> records(String text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSV.parse(new StringReader(text))) {
            parser.forEach(record -> records.add(record.toList()));
        }
        return records;
    }

    private static String department(Exchange exchange) {
        return exchange.getProperty("SangamDepartment", String.class);
    }

    private static String file(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
    }

    /** The row's line in its file: the split's index counts from the first line (a CSV file's header). */
    private static int lineNumber(Exchange exchange) {
        return exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) + 1;
    }

    /** The reason in full: a validation problem names each field and what is wrong with it. */
    private static String why(RuntimeException unusable) {
        return unusable instanceof Refused refused ? refused.describe() : unusable.getMessage();
    }
}
