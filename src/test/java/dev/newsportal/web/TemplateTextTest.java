package dev.newsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * No hard-coded UI text in templates: every piece of text with a letter in it is a placeholder
 * that th:text / th:utext replaces with a message (or document data) when the page renders.
 */
class TemplateTextTest {

    @Test
    void everyVisibleTextComesFromMessages() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                for (Element element : Jsoup.parse(Files.readString(template)).getAllElements()) {
                    if (element.tagName().equals("script") || element.tagName().equals("style")) {
                        continue;
                    }
                    for (TextNode text : element.textNodes()) {
                        if (text.text().codePoints().anyMatch(Character::isLetter) && !replaced(element)) {
                            hardCoded.add(template.getFileName() + ": \"" + text.text().strip() + "\"");
                        }
                    }
                }
            }
        }
        assertThat(hardCoded).isEmpty();
    }

    /** The element's text is replaced at render time: th:text/th:utext, or a fragment inserted below the page root. */
    private static boolean replaced(Element element) {
        for (Element e = element; e != null && !e.tagName().equals("html"); e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:insert") || e.hasAttr("th:replace")) {
                return true;
            }
        }
        return false;
    }
}
