package dev.newsportal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import dev.newsportal.PortalApplication;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command end to end on a tiny corpus the test writes: every step reports, and no bench index is left. */
class BenchmarkCommandIT {

    @Test
    void benchmarksATinyCorpusAndCleansUp(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        write(corpus.resolve("news-de.jsonl.gz"), "de", "Regierung beschließt Haushalt",
                "Die Regierung in Berlin hat den Haushalt für das kommende Jahr beschlossen.");
        write(corpus.resolve("news-en.jsonl.gz"), "en", "Harbour reopens after storm",
                "The harbour in Dover reopened on Monday after the storm had closed it for three days.");
        Path outFile = dir.resolve("bench.jsonl");
        String[] args = {"--corpus=" + corpus, "--docs=20", "--queries=5", "--warm-up=5", "--out=" + outFile,
                "--portal.elasticsearch.uris=" + TestCluster.get().uri(), "--portal.data-dir=" + dir.resolve("data")};

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = BenchmarkCommand.run(PortalApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(exit).as(String.join("\n", lines)).isZero();
        assertThat(Files.readAllLines(outFile)).isEqualTo(lines);
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> byStep = new HashMap<>();
        for (String line : lines) {
            JsonNode row = json.readTree(line);
            String step = row.path("step").asString();
            byStep.put(step.equals("search") ? "search-" + row.path("endpoint").asString() : step, row);
        }
        assertThat(byStep).containsOnlyKeys("indexing", "entities", "search-raw", "search-page", "search-api", "ratio",
                "memory");
        assertThat(byStep.get("indexing").path("documents").asInt()).isEqualTo(20);
        assertThat(byStep.get("entities").path("documents").asInt()).isEqualTo(20);
        for (String endpoint : List.of("raw", "page", "api")) {
            JsonNode search = byStep.get("search-" + endpoint);
            assertThat(search.path("requests").asInt()).isEqualTo(5);
            assertThat(search.path("p50Ms").asDouble()).isPositive().isLessThanOrEqualTo(search.path("p99Ms").asDouble());
        }
        assertThat(byStep.get("memory").path("heapUsedAfterGcMb").asLong()).isPositive();
        assertThat(TestCluster.get().client().indices().get(g -> g.index("bench-*").allowNoIndices(true)
                .expandWildcards(ExpandWildcard.All)).result()).isEmpty();
    }

    private static void write(Path file, String lang, String title, String body) throws Exception {
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            for (int i = 0; i < 10; i++) {
                w.write(JsonMapper.builder().build().writeValueAsString(Map.of("id", lang + "-" + i, "lang", lang,
                        "title", title + " " + i, "body", body, "source", "Bench " + lang)) + "\n");
            }
        }
    }
}
