package in.gov.sangam.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class SurveyTemplatesTest {

    /** https://sangam.jk.gov.in/f/ and a 16-character token. */
    private static final int LINK = 43;
    private static final SurveyTemplates SHIPPED = SurveyTemplates.read(new ClassPathResource("feedback/survey-sms.yaml"),
            LINK);

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "en, DELIVERED, GSM_7",
        "en, REJECTED, GSM_7",
        "hi, DELIVERED, UCS_2",
        "hi, REJECTED, UCS_2",
        "ur, DELIVERED, UCS_2",
        "ur, REJECTED, UCS_2"
    })
    void everyShippedSurveyFitsTwoPartsWithTheLongestValues(String language, String outcome, SmsEncoding encoding) {
        SurveyTemplates.Template template = SHIPPED.template(language, outcome);

        SmsText longest = SHIPPED.render(template, "SGM-2026-0000001", "Permanent Residence Certificate (Domicile)",
                "https://sangam.jk.gov.in/f/" + "Z".repeat(16));

        assertThat(longest.encoding()).isEqualTo(encoding);
        assertThat(longest.parts()).isLessThanOrEqualTo(SurveyTemplates.MAX_PARTS);
        assertThat(longest.text()).contains("SGM-2026-0000001").contains("https://sangam.jk.gov.in/f/ZZZZ")
                .doesNotContain("{");
        assertThat(template.dltTemplateId()).matches("\\d{19}");
    }

    @Test
    void aLongServiceNameIsShortenedToWhatTheTemplateAllows() {
        SmsText text = SHIPPED.render(SHIPPED.template("en", "DELIVERED"), "SGM-2026-0000001",
                "Permanent Residence Certificate (Domicile)", "https://s.example/f/abc");

        assertThat(text.text()).contains("your Permanent Residence Certifica. application");
    }

    @Test
    void aLanguageWithoutSurveysGetsEnglish() {
        assertThat(SHIPPED.template("ks", "DELIVERED")).isEqualTo(SHIPPED.template("en", "DELIVERED"));
    }

    @Test
    void aTemplateTooLongForTwoPartsOrWronglyRegisteredIsRefusedByName() {
        String file = SHIPPED_TEXT
                .replace("1107170000000000103", "12345")
                .replace("आवेदन {applicationId}: सेवा दी गई।", "आवेदन {applicationId}: सेवा दी गई। धन्यवाद, आपकी राय हमारे लिए महत्वपूर्ण है।")
                .replace("(STOP to opt out)", "(STOP to opt out) {officer}");

        assertThatThrownBy(() -> SurveyTemplates.read(new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8)), LINK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("templates.hi.DELIVERED.dltTemplateId: must be the 19-digit id")
                .hasMessageContaining("templates.hi.DELIVERED.text: takes 3 parts with the longest values")
                .hasMessageContaining("templates.en.DELIVERED.text: {officer} is not a variable")
                .hasMessageContaining("templates.en.REJECTED.text: {officer} is not a variable");
    }

    @Test
    void aMissingSurveyIsNamed() {
        String file = SHIPPED_TEXT.substring(0, SHIPPED_TEXT.indexOf("  ur:"));

        assertThatThrownBy(() -> SurveyTemplates.read(new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8)), LINK))
                .hasMessageContaining("templates.ur.DELIVERED: is missing")
                .hasMessageContaining("templates.ur.REJECTED: is missing");
    }

    private static final String SHIPPED_TEXT = read();

    private static String read() {
        try {
            return new ClassPathResource("feedback/survey-sms.yaml").getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
