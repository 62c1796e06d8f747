package dev.newsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every UI language has every message, and templates use only messages that exist. */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)");

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "ja"})
    void translationHasExactlyTheEnglishKeys(String language) throws IOException {
        Set<String> english = keys("messages.properties");
        Set<String> translated = keys("messages_" + language + ".properties");
        assertThat(translated).as("keys of messages_%s.properties", language).isEqualTo(english);
    }

    @Test
    void templatesReferenceOnlyExistingKeys() throws IOException {
        Set<String> english = keys("messages.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(template));
                while (m.find()) {
                    used.add(m.group(1).replaceAll("\\.$", ""));
                }
            }
        }
        // Keys built at run time (#{'admin.outcome.' + ...}) end with a dot and are checked by prefix.
        for (String key : used) {
            assertThat(english.contains(key) || english.stream().anyMatch(k -> k.startsWith(key + ".")))
                    .as("message key %s", key).isTrue();
        }
        assertThat(used).isNotEmpty();
    }

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(file))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
