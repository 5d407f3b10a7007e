package in.gov.sangam.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import in.gov.sangam.feedback.SurveyTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The survey page's texts ({@code feedback/survey-page.yaml}), checked when the hub starts: every language the
 * survey SMS goes out in has a writing direction and every text English has.
 */
@Component
class SurveyPageTexts {

    /** The page's language when no survey is known, and the one every other must match. */
    static final String FALLBACK = "en";

    /** One language's texts. */
    record Language(String code, String direction, Map<String, String> texts) {

        String text(String key) {
            return texts.get(key);
        }
    }

    private final Map<String, Language> languages;

    SurveyPageTexts(@Value("classpath:feedback/survey-page.yaml") Resource file) {
        this.languages = read(file);
    }

    /** The survey's language, or English for a language the page does not have. */
    Language of(String language) {
        return languages.getOrDefault(language, languages.get(FALLBACK));
    }

    static Map<String, Language> read(Resource file) {
        JsonNode root;
        try (InputStream in = file.getInputStream()) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The survey page's texts cannot be read from " + file, e);
        }
        Set<String> expected = new TreeSet<>();
        root.path(FALLBACK).path("texts").fieldNames().forEachRemaining(expected::add);
        Map<String, Language> languages = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (expected.isEmpty()) {
            problems.add(FALLBACK + " has no texts");
        }
        for (String code : new TreeSet<>(SurveyTemplates.LANGUAGES)) {
            JsonNode language = root.path(code);
            String direction = language.path("direction").asText();
            if (!direction.equals("ltr") && !direction.equals("rtl")) {
                problems.add(code + ": direction must be ltr or rtl");
            }
            Map<String, String> texts = new LinkedHashMap<>();
            language.path("texts").fields()
                    .forEachRemaining(text -> texts.put(text.getKey(), text.getValue().asText()));
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(texts.keySet());
            if (!missing.isEmpty()) {
                problems.add(code + ": no text for " + String.join(", ", missing));
            }
            languages.put(code, new Language(code, direction, Map.copyOf(texts)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The survey page's texts in " + file + " are not complete: "
                    + String.join("; ", problems));
        }
        return Map.copyOf(languages);
    }
}
