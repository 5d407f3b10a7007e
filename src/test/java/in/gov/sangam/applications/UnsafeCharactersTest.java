package in.gov.sangam.applications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import in.gov.sangam.support.Applications;
import in.gov.sangam.support.HubClient.Answer;
import in.gov.sangam.support.HubIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Characters no department's format can carry (XML cannot hold control characters, unpaired surrogates, U+FFFE or
 * U+FFFF; bidirectional overrides disguise text) are refused at submission, each field named, and nothing is stored.
 */
class UnsafeCharactersTest extends HubIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachUnsafeCharacterInTheFormIsRefusedNamingTheField() {
        // As the JSON escapes a client sends: a raw control character would not even be JSON.
        String[][] cases = {{"\\u0000", "U+0000"}, {"\\u0007", "U+0007"}, {"\\t", "U+0009"}, {"\\n", "U+000A"},
                {"\\r", "U+000D"}, {"\\u007f", "U+007F"}, {"\\u0085", "U+0085"}, {"\\ud800", "U+D800"},
                {"\\udfff", "U+DFFF"}, {"\\ufffe", "U+FFFE"}, {"\\uffff", "U+FFFF"}, {"\\u202e", "U+202E"},
                {"\\u202a", "U+202A"}, {"\\u2066", "U+2066"}, {"\\u2069", "U+2069"}};
        int[] before = stored();
        for (String[] unsafe : cases) {
            Answer answer = hub.submit("portal", key(), Applications.domicile("Ghulam " + unsafe[0] + "Bhat"));

            assertThat(answer.status()).as(unsafe[1]).isEqualTo(400);
            assertThat(answer.json().path("type").asText()).isEqualTo("urn:sangam:problem:invalid-request");
            assertThat(fields(answer)).as(unsafe[1]).containsExactly("formData.fatherName");
            assertThat(answer.json().path("errors").get(0).path("message").asText()).contains(unsafe[1]);
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void everyFieldHoldingOneIsNamedNestedOrInAFieldsName() {
        String body = Applications.domicile("Ghulam\\u0000Bhat").replace("\"tehsil\": \"Khanyar\"",
                "\"tehsil\": \"Khan\\u202eyar\", \"extra\": {\"children\": [{\"name\": \"fine\"}, "
                        + "{\"name\": \"bad\\ud800\"}]}, \"evil\\u2066key\": 1");
        int[] before = stored();

        Answer answer = hub.submit("portal", key(), body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).contains("formData.fatherName", "formData.tehsil",
                "formData.extra.children[1].name", "formData.evil\\u2066key");
        assertThat(answer.json().path("detail").asText()).contains("fields are not valid");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anApplicantsNameWithAControlCharacterIsRefused() {
        int[] before = stored();

        Answer answer = hub.submit("portal", key(), Applications.domicile("Ghulam Nabi Bhat")
                .replace("\"name\": \"Aisha Bhat\"", "\"name\": \"Aisha\\u0000Bhat\""));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("applicant.name");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anyScriptStillPassesOutsideTheBasicPlaneAndWithCombiningMarks() {
        // Urdu, Devanagari with its combining signs, a character outside the basic plane: all plain text.
        for (String name : List.of("غلام نبی بھٹ", "गुलाम नबी भट्ट", "𑀕𑀼𑀮𑀸𑀫", "Zoe\u0308 Bhat")) {
            Answer answer = hub.submit("portal", key(), Applications.domicile(name));

            assertThat(answer.status()).as(name).isEqualTo(201);
        }
    }

    /** Rows a submission adds. (Not its history: dispatch adds to that for earlier applications meanwhile.) */
    /**
     * Applications, and what a submission puts in the outbox (the hub's subsystems write other messages there in the
     * background, survey SMS and notices among them, which no submission here could cause).
     */
    private int[] stored() {
        return new int[] {count("SELECT COUNT(*) FROM application"),
            count("SELECT COUNT(*) FROM outbox_message WHERE message_type = 'DispatchRequested'")};
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static List<String> fields(Answer answer) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : answer.json().path("errors")) {
            fields.add(error.path("field").asText());
        }
        return fields;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
