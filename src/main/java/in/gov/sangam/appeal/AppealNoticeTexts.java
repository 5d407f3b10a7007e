package in.gov.sangam.appeal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import in.gov.sangam.feedback.SmsText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The PSGA notices' texts ({@code appeal/notices.yaml}, whose comment documents them), checked when read: every
 * notice the appeal sends has its text, each SMS in every language it is sent in, with a DLT template id in the
 * registered format, only the known variables, and at most {@link #MAX_PARTS} parts with the longest values its
 * variables can take; each e-mail has a subject of one line and a body. A mistake stops the start-up with every
 * mistake named, rather than an officer or a citizen going untold later.
 */
@Component
public class AppealNoticeTexts {

    /** What an SMS may cost: two parts, as a survey. */
    public static final int MAX_PARTS = 2;
    /** The SMS sent to citizens, in their language. */
    public static final List<String> CITIZEN_SMS = List.of("appeal-filed", "appeal-escalated", "appeal-allowed",
            "appeal-dismissed");
    /** The SMS sent to officers, in English. */
    public static final List<String> OFFICER_SMS = List.of("warning");
    public static final List<String> EMAILS = List.of("warning", "appeal-filed", "appeal-moved", "appeal-decided");
    public static final List<String> CITIZEN_LANGUAGES = List.of("en", "hi", "ur");
    /** The longest service name an SMS carries; a longer one is shortened. */
    public static final int SERVICE_NAME_LENGTH = 30;
    /** What a variable stands for when the notice has no value for it. */
    public static final String NONE = "-";

    private static final Map<String, String> LONGEST_SMS_VALUES = Map.of("applicationId", "SGM-2026-0000001",
            "appealId", "APL-2026-0000001-2R", "service", "W".repeat(SERVICE_NAME_LENGTH), "date", "29-11-2026");
    private static final Set<String> EMAIL_VARIABLES = Set.of("applicationId", "appealId", "secondAppealId", "service",
            "serviceCode", "department", "district", "officer", "authority", "secondAuthority", "level", "grounds",
            "acknowledgedAt", "dueBy", "filedAt", "decideBy", "secondDecideBy", "outcome", "directions", "penalty",
            "compensation", "decidedAt", "decidedBy");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final Pattern DLT_TEMPLATE_ID = Pattern.compile("\\d{19}");

    /** An SMS as it goes out: its text filled in, the language it is in and the template it was filled from. */
    public record Sms(String text, String language, String dltTemplateId) {
    }

    /** An e-mail as it goes out (in English). */
    public record Email(String subject, String body) {
    }

    private record SmsTemplate(String dltTemplateId, String text) {
    }

    private final Map<String, SmsTemplate> sms = new HashMap<>();
    private final Map<String, Email> emails = new HashMap<>();

    public AppealNoticeTexts(@Value("${sangam.appeal.notice-texts}") Resource file) {
        JsonNode root = null;
        List<String> problems = new ArrayList<>();
        try (InputStream in = file.getInputStream()) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            problems.add("is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root != null) {
            readSms(root.path("sms").path("citizen"), "sms.citizen", CITIZEN_SMS, CITIZEN_LANGUAGES, problems);
            readSms(root.path("sms").path("officer"), "sms.officer", OFFICER_SMS, List.of("en"), problems);
            readEmails(root.path("email"), problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The appeal's notice texts (" + file.getDescription() + ") have "
                    + problems.size() + " problem(s):\n- " + String.join("\n- ", problems));
        }
    }

    private void readSms(JsonNode group, String where, List<String> kinds, List<String> languages,
            List<String> problems) {
        unknown(group, where, kinds, problems);
        for (String kind : kinds) {
            unknown(group.path(kind), where + "." + kind, languages, problems);
            for (String language : languages) {
                String at = where + "." + kind + "." + language;
                JsonNode entry = group.path(kind).path(language);
                if (!entry.isObject()) {
                    problems.add(at + ": is missing");
                    continue;
                }
                SmsTemplate template = new SmsTemplate(entry.path("dltTemplateId").asText(""),
                        entry.path("text").asText(""));
                if (!DLT_TEMPLATE_ID.matcher(template.dltTemplateId()).matches()) {
                    problems.add(at + ".dltTemplateId: must be the 19-digit id the template is registered under "
                            + "(found '" + template.dltTemplateId() + "')");
                }
                if (template.text().isBlank()) {
                    problems.add(at + ".text: is missing");
                }
                variables(template.text(), at + ".text", LONGEST_SMS_VALUES.keySet(), problems);
                SmsText longest = SmsText.of(fill(template.text(), LONGEST_SMS_VALUES));
                if (longest.parts() > MAX_PARTS) {
                    problems.add(at + ".text: takes " + longest.parts() + " parts with the longest values ("
                            + longest.units() + " " + longest.encoding() + " units); at most " + MAX_PARTS
                            + " are allowed");
                }
                sms.put(key(where, kind, language), template);
            }
        }
    }

    private void readEmails(JsonNode group, List<String> problems) {
        unknown(group, "email", EMAILS, problems);
        for (String kind : EMAILS) {
            String at = "email." + kind;
            JsonNode entry = group.path(kind);
            if (!entry.isObject()) {
                problems.add(at + ": is missing");
                continue;
            }
            Email email = new Email(entry.path("subject").asText(""), entry.path("body").asText(""));
            if (email.subject().isBlank() || email.subject().contains("\n")) {
                problems.add(at + ".subject: must be one line of text");
            }
            if (email.body().isBlank()) {
                problems.add(at + ".body: is missing");
            }
            variables(email.subject(), at + ".subject", EMAIL_VARIABLES, problems);
            variables(email.body(), at + ".body", EMAIL_VARIABLES, problems);
            emails.put(kind, email);
        }
    }

    private static void unknown(JsonNode group, String where, List<String> known, List<String> problems) {
        group.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(where + "." + name + ": is not a known notice or language (known: " + known + ")");
            }
        });
    }

    private static void variables(String text, String where, Set<String> known, List<String> problems) {
        Matcher variable = VARIABLE.matcher(text);
        while (variable.find()) {
            if (!known.contains(variable.group(1))) {
                problems.add(where + ": {" + variable.group(1) + "} is not a variable (known: "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    /**
     * A citizen's SMS in their language (English for one the texts do not have), the service's name shortened to
     * what the template allows.
     */
    public Sms citizenSms(String kind, String language, Map<String, String> values) {
        String used = language != null && CITIZEN_LANGUAGES.contains(language) ? language : "en";
        return render(key("sms.citizen", kind, used), used, values);
    }

    public Sms officerSms(String kind, Map<String, String> values) {
        return render(key("sms.officer", kind, "en"), "en", values);
    }

    public Email email(String kind, Map<String, String> values) {
        Email email = emails.get(kind);
        if (email == null) {
            throw new IllegalArgumentException("No e-mail notice " + kind);
        }
        return new Email(fill(email.subject(), values), fill(email.body(), values));
    }

    private Sms render(String key, String language, Map<String, String> values) {
        SmsTemplate template = sms.get(key);
        if (template == null) {
            throw new IllegalArgumentException("No SMS notice " + key);
        }
        Map<String, String> shortened = new HashMap<>(values);
        String service = values.getOrDefault("service", NONE);
        shortened.put("service", service.length() <= SERVICE_NAME_LENGTH ? service
                : service.substring(0, SERVICE_NAME_LENGTH - 1).strip() + ".");
        return new Sms(fill(template.text(), shortened), language, template.dltTemplateId());
    }

    private static String fill(String text, Map<String, String> values) {
        return VARIABLE.matcher(text).replaceAll(variable -> {
            String value = values.get(variable.group(1));
            return Matcher.quoteReplacement(value == null ? NONE : value);
        });
    }

    private static String key(String group, String kind, String language) {
        return group + "." + kind + "." + language;
    }
}
