package dev.newsportal.ingest.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the shared news corpus ({@code ../shared/corpus/news-<lang>.jsonl.gz}, beside the project; never copied
 * into it). The directory can be overridden with {@code -Dcorpus.dir=...}. Test scope only.
 */
final class CorpusSample {

    static final List<String> LANGUAGES = List.of("de", "en", "es", "fr", "ja");

    record Article(String lang, String title, String body, String source) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CorpusSample() {
    }

    static Path dir() {
        String configured = System.getProperty("corpus.dir");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "corpus");
    }

    static boolean available() {
        return LANGUAGES.stream().allMatch(l -> Files.isReadable(file(l)));
    }

    static Path file(String lang) {
        return dir().resolve("news-" + lang + ".jsonl.gz");
    }

    /** A seeded reservoir sample of at most {@code max} articles ({@code max <= 0}: all of them). */
    static List<Article> sample(String lang, int max, long seed) {
        List<String> kept = new ArrayList<>();
        Random random = new Random(seed);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file(lang)), 1 << 16), StandardCharsets.UTF_8))) {
            long seen = 0;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                seen++;
                if (max <= 0 || kept.size() < max) {
                    kept.add(line);
                } else {
                    long j = (long) (random.nextDouble() * seen);
                    if (j < max) {
                        kept.set((int) j, line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Article> articles = new ArrayList<>(kept.size());
        for (String line : kept) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(line, Map.class);
            articles.add(new Article((String) m.get("lang"), (String) m.get("title"), (String) m.get("body"),
                    (String) m.get("source")));
        }
        return articles;
    }
}
