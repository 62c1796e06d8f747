package dev.newsportal.entities.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import dev.newsportal.entities.DocumentEntity;
import dev.newsportal.entities.EntityRecognizer;
import dev.newsportal.entities.EntityRegistry;
import dev.newsportal.entities.EntityType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Manual harness (not a test): the person and company facet values of real articles, to compare the recogniser's
 * precision before and after a change.
 *
 * <pre>
 * ./mvnw -B -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.newsportal.entities.eval.FacetReport -Dexec.args="FILE [SKIP [LIMIT]] [--top N]"
 * </pre>
 * FILE: JSON lines ({@code lang}, {@code title}, {@code body}), plain or {@code .gz}; SKIP articles per language are
 * skipped and at most LIMIT per language read (all by default). Prints, per facet, the top N (60) keys by the number
 * of documents, with the language(s) they came from and one display form.
 */
public final class FacetReport {

    private FacetReport() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        System.setOut(System.err);
        List<String> positional = new ArrayList<>();
        int top = 60;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--top")) {
                top = Integer.parseInt(args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        Path file = Path.of(positional.get(0));
        int skip = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 0;
        int limit = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : Integer.MAX_VALUE;
        EntityRecognizer recognizer = EntityRecognizer.withDefaultModels(EntityRegistry.starter(), null);
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Integer> seen = new HashMap<>();
        Map<EntityType, Map<String, int[]>> counts = new HashMap<>();
        Map<String, String> display = new HashMap<>();
        Map<String, Set<String>> languages = new HashMap<>();
        int documents = 0;
        InputStream raw = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            raw = new GZIPInputStream(raw);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode doc = json.readTree(line);
                String lang = doc.path("lang").asString("");
                int n = seen.merge(lang, 1, Integer::sum);
                if (n <= skip || n > skip + limit) {
                    continue;
                }
                String title = doc.path("title").isString() ? doc.path("title").asString() : "";
                String body = doc.path("body").isString() ? doc.path("body").asString() : "";
                documents++;
                for (DocumentEntity e : recognizer.recognize(title + "\n" + body, lang)) {
                    if (e.type() != EntityType.PERSON && e.type() != EntityType.COMPANY) {
                        continue;
                    }
                    counts.computeIfAbsent(e.type(), t -> new HashMap<>()).computeIfAbsent(e.key(), k -> new int[1])[0]++;
                    display.putIfAbsent(e.type() + e.key(), e.name());
                    languages.computeIfAbsent(e.type() + e.key(), k -> new java.util.TreeSet<>()).add(lang);
                }
            }
        }
        out.println(documents + " documents");
        for (EntityType type : List.of(EntityType.PERSON, EntityType.COMPANY)) {
            out.println("== " + type);
            List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.getOrDefault(type, Map.of()).entrySet());
            entries.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? b.getValue()[0] - a.getValue()[0]
                    : a.getKey().compareTo(b.getKey()));
            for (Map.Entry<String, int[]> e : entries.subList(0, Math.min(top, entries.size()))) {
                out.println(e.getValue()[0] + "\t" + e.getKey() + "\t" + display.get(type + e.getKey()) + "\t"
                        + String.join(",", languages.getOrDefault(type + e.getKey(), new HashSet<>())));
            }
        }
    }
}
