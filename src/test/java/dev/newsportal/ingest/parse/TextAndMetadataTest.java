package dev.newsportal.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextAndMetadataTest {

    @ParameterizedTest
    @CsvSource({
        "2024-03-05T10:15:30Z,           2024-03-05T10:15:30Z",
        "2024-03-05T10:15:30.123Z,       2024-03-05T10:15:30.123Z",
        "2024-03-05T10:15:30+02:00,      2024-03-05T08:15:30Z",
        "2024-03-05T10:15:30+0200,       2024-03-05T08:15:30Z",
        "2024-03-05T10:15:30,            2024-03-05T10:15:30Z",
        "2024-03-05 10:15:30,            2024-03-05T10:15:30Z",
        "2024-03-05T10:15+01:00[Europe/Paris], 2024-03-05T09:15:00Z",
        "2024-03-05,                     2024-03-05T00:00:00Z",
    })
    void publishedAcceptsIsoForms(String raw, String expected) {
        List<String> warnings = new ArrayList<>();

        assertThat(Metadata.published(raw, warnings::add)).isEqualTo(Instant.parse(expected));
        assertThat(warnings).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "05.03.2024", "2024-13-01", "1709633730"})
    void unparseablePublishedIsNullWithAWarning(String raw) {
        List<String> warnings = new ArrayList<>();

        assertThat(Metadata.published(raw, warnings::add)).isNull();
        assertThat(warnings).singleElement().asString().contains(raw);
    }

    @ParameterizedTest
    @CsvSource({"de, de", "DE, de", "de-DE, de", "pt_BR, pt", "' ja ', ja"})
    void languageIsTheLowerCasePrimaryTag(String raw, String expected) {
        assertThat(Metadata.language(raw, w -> { throw new AssertionError(w); })).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"german", "deu", "x", "12"})
    void otherLanguageValuesAreDroppedWithAWarning(String raw) {
        List<String> warnings = new ArrayList<>();

        assertThat(Metadata.language(raw, warnings::add)).isNull();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void meaningfulLinesNeedThreeLettersAndNoLoneByline() {
        assertThat(TextCleaner.isMeaningful("Par")).isFalse();
        assertThat(TextCleaner.isMeaningful("  Von: ")).isFalse();
        assertThat(TextCleaner.isMeaningful("Por")).isFalse();
        assertThat(TextCleaner.isMeaningful("By")).isFalse();
        assertThat(TextCleaner.isMeaningful("12:30 — 1")).isFalse();
        assertThat(TextCleaner.isMeaningful("Paris")).isTrue();
        assertThat(TextCleaner.isMeaningful("東京都")).isTrue();
        assertThat(TextCleaner.isMeaningful("By Lois Lane")).isTrue();
    }

    @Test
    void longTitlesWithoutSpacesAreCutHard() {
        String japanese = "日本語".repeat(150);

        String title = TextCleaner.title(japanese);

        assertThat(title).hasSize(300).endsWith("…").startsWith("日本語日本語");
    }

    @Test
    void cleanNormalisesLineEndingsAndWhitespace() {
        assertThat(TextCleaner.clean("\n\na\r\nb \t\rc\u00A0\n\n\n\n\u0007d\u2028e\n\n"))
                .isEqualTo("a\nb\nc\n\nd\ne");
    }

    @Test
    void siteSuffixIsOnlyStrippedWhenItIsTheSiteName() {
        assertThat(HtmlExtractor.withoutSiteSuffix("Headline | Le Monde", "Le Monde")).isEqualTo("Headline");
        assertThat(HtmlExtractor.withoutSiteSuffix("Left - Right - Site", "site")).isEqualTo("Left - Right");
        assertThat(HtmlExtractor.withoutSiteSuffix("Brexit - what now", "Site")).isEqualTo("Brexit - what now");
        assertThat(HtmlExtractor.withoutSiteSuffix("Headline | Le Monde", null)).isEqualTo("Headline | Le Monde");
    }

    @Test
    void humanSizes() {
        assertThat(FolderParser.humanSize(500)).isEqualTo("500 bytes");
        assertThat(FolderParser.humanSize(2048)).isEqualTo("2 KB");
        assertThat(FolderParser.humanSize(5L * 1024 * 1024)).isEqualTo("5 MB");
        assertThat(FolderParser.humanSize(2_621_440)).isEqualTo("2.5 MB");
    }
}
