package in.gov.sangam.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import in.gov.sangam.feedback.SmsText;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The appeal's notice texts are checked when read: a mistake stops the start-up, naming every one. */
class AppealNoticeTextsTest {

    private static final AppealNoticeTexts SHIPPED = new AppealNoticeTexts(
            new ClassPathResource("appeal/notices.yaml"));

    @Test
    void theShippedTextsFitTwoPartsInEveryLanguageAndFallBackToEnglish() {
        Map<String, String> values = Map.of("applicationId", "SGM-2026-0000001", "appealId", "APL-2026-0000001-1",
                "service", "Birth Registration and Certificate", "date", "15-01-2027");
        for (String kind : AppealNoticeTexts.CITIZEN_SMS) {
            for (String language : AppealNoticeTexts.CITIZEN_LANGUAGES) {
                AppealNoticeTexts.Sms sms = SHIPPED.citizenSms(kind, language, values);
                assertThat(sms.language()).isEqualTo(language);
                assertThat(sms.dltTemplateId()).matches("\\d{19}");
                assertThat(sms.text()).as(kind + "/" + language).contains("SGM-2026-0000001").doesNotContain("{");
                assertThat(SmsText.of(sms.text()).parts()).isLessThanOrEqualTo(AppealNoticeTexts.MAX_PARTS);
            }
        }
        AppealNoticeTexts.Sms kashmiri = SHIPPED.citizenSms("appeal-filed", "ks", values);
        assertThat(kashmiri.language()).isEqualTo("en");
        // The service's name shortened to what the text allows.
        assertThat(kashmiri.text()).contains("Birth Registration and Certif.");
        assertThat(SHIPPED.citizenSms("appeal-filed", null, values).language()).isEqualTo("en");
    }

    @Test
    void aValueTheNoticeDoesNotHaveShowsAsADash() {
        AppealNoticeTexts.Email email = SHIPPED.email("appeal-decided", Map.of("appealId", "APL-2026-0000001-1",
                "outcome", "DISMISSED"));

        assertThat(email.subject()).isEqualTo("PSGA appeal APL-2026-0000001-1 decided: DISMISSED");
        assertThat(email.body()).contains("Penalty ordered on the designated officer: Rs -");
    }

    @Test
    void everyMistakeIsNamed() {
        String texts = """
                sms:
                  citizen:
                    appeal-filed:
                      en: {dltTemplateId: "123", text: "Appeal {appealId} by {officer}"}
                      hi: {dltTemplateId: "1107170000000000302", text: "%s {appealId}"}
                    appeal-filled: {}
                  officer:
                    warning:
                      en: {dltTemplateId: "1107170000000000313", text: "Due {date}"}
                email:
                  warning: {subject: "Warning {applicationId}", body: "Due {whenever}"}
                """.formatted("अपील".repeat(40));

        assertThatThrownBy(() -> new AppealNoticeTexts(new ByteArrayResource(texts.getBytes(StandardCharsets.UTF_8),
                "test texts")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sms.citizen.appeal-filled: is not a known notice or language")
                .hasMessageContaining("sms.citizen.appeal-filed.en.dltTemplateId: must be the 19-digit id")
                .hasMessageContaining("sms.citizen.appeal-filed.en.text: {officer} is not a variable")
                .hasMessageContaining("sms.citizen.appeal-filed.hi.text: takes 3 parts with the longest values")
                .hasMessageContaining("sms.citizen.appeal-filed.ur: is missing")
                .hasMessageContaining("sms.citizen.appeal-escalated.en: is missing")
                .hasMessageContaining("email.warning.body: {whenever} is not a variable")
                .hasMessageContaining("email.appeal-moved: is missing");
    }
}
