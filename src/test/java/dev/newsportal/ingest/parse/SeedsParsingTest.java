package dev.newsportal.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The project's seed articles (plain text, the working directory is the project folder). */
class SeedsParsingTest {

    private static final Path SEEDS = Path.of("seeds");

    @Test
    void everySeedGivesOneDocumentTitledByItsFirstMeaningfulLine() throws IOException {
        long seedFiles;
        try (Stream<Path> files = Files.list(SEEDS)) {
            seedFiles = files.filter(p -> p.toString().endsWith(".txt")).count();
        }
        RecordingListener result = new RecordingListener();
        new FolderParser(2 * 1024 * 1024).parse(SEEDS, result);

        assertThat(result.skipped).isEmpty();
        assertThat(result.warnings).isEmpty();
        assertThat(result.documents).hasSize((int) seedFiles).hasSizeGreaterThanOrEqualTo(5);
        assertThat(result.seen).hasSize((int) seedFiles).isSorted();

        assertThat(result.document("000_0299def07b6d01cf.txt").title())
                .startsWith("Exklusives Interview mit Meta GenAI Ingenieur");
        assertThat(result.document("001_de68011143cfdca3.txt").title())
                .isEqualTo("メタのGenAIエンジニアが語る舞台裏:人員削減の中で");
        assertThat(result.document("002_a06a652be89fc666.txt").title()).startsWith("Entretien exclusif");
        assertThat(result.document("003_b92fdfd5275aa39f.txt").title())
                .startsWith("Zuckerbergs KI-Team ist im Chaos");
        assertThat(result.document("004_431757f0bb79bfda.txt").title())
                .isEqualTo("Inside Meta AI: Uncovering Challenges in Big Tech’s R&D Culture");

        for (ParsedDocument doc : result.documents) {
            String raw = Files.readString(SEEDS.resolve(doc.locator()), StandardCharsets.UTF_8);
            assertThat(doc.title()).hasSizeLessThanOrEqualTo(300);
            // The body is the text after the title line: the headline line is not repeated.
            // (003 repeats its headline with a " - 235" suffix in the file itself; that line stays.)
            assertThat(doc.body()).isNotBlank().doesNotStartWith(doc.title() + "\n");
            assertThat(raw.strip()).endsWith(doc.body().substring(doc.body().lastIndexOf('\n') + 1));
            assertThat(doc.id()).isNull();
            assertThat(doc.language()).isNull();
        }
        // 002 has a lone byline word ("Par") right after the headline: it stays in the body.
        assertThat(result.document("002_a06a652be89fc666.txt").body()).startsWith("Par\nCTOL Editors - Xia");
    }
}
