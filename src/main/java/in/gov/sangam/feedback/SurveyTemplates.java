package in.gov.sangam.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * The survey SMS texts ({@code feedback/survey-sms.yaml}), checked when they are read: every language and outcome
 * has one, each names a DLT template id in the registered format, uses only the known variables, and fits
 * {@link #MAX_PARTS} parts with the longest values its variables can take.
 */
public final class SurveyTemplates {

    /** What a survey may cost: two parts, so that one SMS never becomes three on the bill. */
    public static final int MAX_PARTS = 2;
    public static final Set<String> LANGUAGES = Set.of("en", "hi", "ur");
    public static final Set<String> OUTCOMES = Set.of("DELIVERED", "REJECTED");
    /** The longest value of a variable a template may use (DLT rules limit variables too). */
    public static final int SERVICE_NAME_LENGTH = 30;
    private static final String LONGEST_APPLICATION_ID = "SGM-2026-0000001";
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final Set<String> VARIABLES = Set.of("applicationId", "service", "link");
    private static final Pattern DLT_TEMPLATE_ID = Pattern.compile("\\d{19}");

    /** One registered text. */
    public record Template(String language, String outcome, String dltTemplateId, String text) {
    }

    private final Map<String, Template> templates;

    private SurveyTemplates(Map<String, Template> templates) {
        this.templates = templates;
    }

    /**
     * @param longestLink the longest survey link the hub makes (the configured base and a token)
     * @throws IllegalStateException naming every template that is missing or wrong
     */
    public static SurveyTemplates read(Resource file, int longestLink) {
        JsonNode root;
        try (InputStream in = file.getInputStream()) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The survey SMS templates cannot be read from " + file, e);
        }
        Map<String, Template> templates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String language : LANGUAGES.stream().sorted().toList()) {
            for (String outcome : OUTCOMES.stream().sorted().toList()) {
                String where = "templates." + language + "." + outcome;
                JsonNode entry = root == null ? null : root.path("templates").path(language).path(outcome);
                if (entry == null || entry.isMissingNode()) {
                    problems.add(where + ": is missing");
                    continue;
                }
                Template template = new Template(language, outcome, entry.path("dltTemplateId").asText(""),
                        entry.path("text").asText(""));
                check(where, template, longestLink, problems);
                templates.put(key(language, outcome), template);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The survey SMS templates (" + file.getDescription() + ") have "
                    + problems.size() + " problem(s):\n- " + String.join("\n- ", problems));
        }
        return new SurveyTemplates(templates);
    }

    private static void check(String where, Template template, int longestLink, List<String> problems) {
        if (!DLT_TEMPLATE_ID.matcher(template.dltTemplateId()).matches()) {
            problems.add(where + ".dltTemplateId: must be the 19-digit id the template is registered under (found '"
                    + template.dltTemplateId() + "')");
        }
        Matcher variable = VARIABLE.matcher(template.text());
        while (variable.find()) {
            if (!VARIABLES.contains(variable.group(1))) {
                problems.add(where + ".text: {" + variable.group(1) + "} is not a variable (known: " + VARIABLES + ")");
            }
        }
        if (!template.text().contains("{link}")) {
            problems.add(where + ".text: must hold {link}, the survey's own link");
        }
        SmsText longest = SmsText.of(fill(template.text(), LONGEST_APPLICATION_ID, "W".repeat(SERVICE_NAME_LENGTH),
                "h".repeat(longestLink)));
        if (longest.parts() > MAX_PARTS) {
            problems.add(where + ".text: takes " + longest.parts() + " parts with the longest values ("
                    + longest.units() + " " + longest.encoding() + " units); at most " + MAX_PARTS + " are allowed");
        }
    }

    /** The template of a language and outcome; a language without one gets English. */
    public Template template(String language, String outcome) {
        Template template = templates.get(key(LANGUAGES.contains(language) ? language : "en", outcome));
        if (template == null) {
            throw new IllegalArgumentException("No survey for the outcome " + outcome);
        }
        return template;
    }

    /** The survey's text for one application, the service's name shortened to what the template allows. */
    public SmsText render(Template template, String applicationId, String serviceName, String link) {
        String service = serviceName.length() <= SERVICE_NAME_LENGTH ? serviceName
                : serviceName.substring(0, SERVICE_NAME_LENGTH - 1).strip() + ".";
        return SmsText.of(fill(template.text(), applicationId, service, link));
    }

    private static String fill(String text, String applicationId, String service, String link) {
        return text.replace("{applicationId}", applicationId).replace("{service}", service).replace("{link}", link);
    }

    private static String key(String language, String outcome) {
        return language + "/" + outcome;
    }
}
