package in.gov.sangam.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.gov.sangam.dispatch.RequestTemplates.CanonicalApplication;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code connectors/education/mappings/request.csv.ftl}: the request file the education department's batch job
 * reads, a CSV with a header and one row; read back here as a department's CSV reader reads it.
 */
class EducationMappingTest {

    private static final String HEADER = "hub_ref,service,applicant_name,mobile,district,received_on,form";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestTemplates templates;

    @BeforeAll
    static void camel() {
        templates = new RequestTemplates();
    }

    @AfterAll
    static void stop() {
        templates.close();
    }

    private static List<String> lines(CanonicalApplication application) {
        return templates.render("education", "mappings/request.csv.ftl",
                RequestTemplates.model("education", application)).lines().filter(line -> !line.isEmpty()).toList();
    }

    /** One line split into its fields by a CSV reader (Commons CSV, as the hub's csv data format uses). */
    private static List<String> fields(String line) {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(line))) {
            return parser.getRecords().get(0).toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The row's fields by the header's column names. */
    private static Map<String, String> row(CanonicalApplication application) {
        List<String> lines = lines(application);
        assertThat(lines).hasSize(2);
        List<String> columns = fields(lines.get(0));
        List<String> values = fields(lines.get(1));
        assertThat(values).hasSameSizeAs(columns);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values.get(i));
        }
        return row;
    }

    @Test
    void aRequestFileIsTheHeaderAndOneRowPerApplication() throws Exception {
        List<String> lines = lines(CanonicalApplication.valid());

        assertThat(lines.get(0)).isEqualTo(HEADER);
        Map<String, String> row = row(CanonicalApplication.valid());
        assertThat(row).containsEntry("hub_ref", "SGM-2026-0000042")
                .containsEntry("service", "revenue-domicile-certificate")
                .containsEntry("applicant_name", "Aisha Bhat")
                .containsEntry("mobile", "9876543210")
                .containsEntry("district", "Srinagar")
                .containsEntry("received_on", "29-11-2026");
        assertThat(JSON.readTree(row.get("form"))).isEqualTo(JSON.readTree(
                "{\"fatherName\":\"Ghulam Nabi Bhat\",\"residentSinceYear\":1998,\"tehsil\":\"Khanyar\"}"));
    }

    @Test
    void theReceivedDateIsTheDayInIndia() {
        assertThat(row(CanonicalApplication.valid().withAcknowledgedAt(Instant.parse("2026-11-29T18:31:00Z"))))
                .containsEntry("received_on", "30-11-2026");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Bhat, Aisha", "She said \"no\"", "\"", ",,,", "a\"\",\"b", "आयशा भट"})
    void textWithCommasAndQuotesStaysInItsCell(String name) {
        assertThat(row(CanonicalApplication.valid().withName(name))).containsEntry("applicant_name", name)
                .containsEntry("mobile", "9876543210");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "=HYPERLINK(\"http://evil.example/x\";\"Click\") # '=HYPERLINK(\"http://evil.example/x\";\"Click\")",
        "+cmd|' /C calc'!A0                              # '+cmd|' /C calc'!A0",
        "-2+3                                            # '-2+3",
        "@SUM(A1:A9)                                     # '@SUM(A1:A9)",
        "Aisha = Bhat                                    # Aisha = Bhat",
        "'quoted already                                 # 'quoted already"})
    void aCellAFormulaWouldStartIsWrittenAsText(String name, String cell) {
        assertThat(row(CanonicalApplication.valid().withName(name))).containsEntry("applicant_name", cell);
    }

    @Test
    void aFormulaBehindATabOrCarriageReturnIsWrittenAsTextToo() {
        assertThat(row(CanonicalApplication.valid().withName("\t=1+1"))).containsEntry("applicant_name", "'\t=1+1");
    }

    @Test
    void theFormsJsonColumnKeepsItsBraceAndItsQuotes() throws Exception {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("rollNumber", "=2024,\"A\"");
        form.put("passingYear", 2024);

        String cell = row(CanonicalApplication.valid().withForm(form)).get("form");

        assertThat(cell).startsWith("{");
        assertThat(JSON.readTree(cell).path("rollNumber").asText()).isEqualTo("=2024,\"A\"");
        assertThat(JSON.readTree(cell).path("passingYear").asInt()).isEqualTo(2024);
    }
}
