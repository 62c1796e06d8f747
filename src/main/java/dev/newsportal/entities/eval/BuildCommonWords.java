package dev.newsportal.entities.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@code src/main/resources/entities/common-words-LANG.txt} from the news corpus (never from the evaluation
 * sets): the words written in lower case in at least 80 % of their occurrences that do not start a sentence, with
 * their count and lower-case share, most frequent first.
 *
 * <pre>BuildCommonWords CORPUS_DIR OUTPUT_DIR en de fr es</pre>
 * reads {@code CORPUS_DIR/news-LANG.jsonl.gz} (one JSON article a line with a {@code body}).
 */
public final class BuildCommonWords {

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:['’-][\\p{L}\\p{M}]+)*");
    static final String SENTENCE_END = ".!?:;»\"“”„«";
    static final int MIN_COUNT = 3;
    static final double MIN_LOWER_SHARE = 0.8;
    static final int MAX_WORDS = 40_000;

    private BuildCommonWords() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        JsonMapper json = JsonMapper.builder().build();
        for (int a = 2; a < args.length; a++) {
            String lang = args[a];
            Map<String, int[]> counts = new HashMap<>(); // word -> {lower, capitalised}
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    Files.newInputStream(corpus.resolve("news-" + lang + ".jsonl.gz"))), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    JsonNode article = json.readTree(line);
                    String body = article.path("body").isString() ? article.path("body").asString() : "";
                    for (String paragraph : body.split("\n")) {
                        count(paragraph, counts);
                    }
                }
            }
            List<Map.Entry<String, int[]>> words = new ArrayList<>();
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                int total = e.getValue()[0] + e.getValue()[1];
                if (total >= MIN_COUNT && e.getValue()[0] >= MIN_LOWER_SHARE * total && e.getKey().length() > 1) {
                    words.add(e);
                }
            }
            words.sort(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -(e.getValue()[0] + e.getValue()[1]))
                    .thenComparing(Map.Entry::getKey));
            try (Writer w = Files.newBufferedWriter(out.resolve("common-words-" + lang + ".txt"), StandardCharsets.UTF_8)) {
                w.write("# Words written in lower case in at least 80 % of their non-sentence-initial occurrences in the\n"
                        + "# project's " + lang + " news corpus (shared/corpus/news-" + lang
                        + ", not the evaluation sets), most frequent first.\n"
                        + "# A capitalised one at the start of a sentence or in a headline is most likely not a name.\n"
                        + "# Built by dev.newsportal.entities.eval.BuildCommonWords.\n"
                        + "# Columns: word, occurrences, per mille of them in lower case.\n");
                for (Map.Entry<String, int[]> e : words.subList(0, Math.min(MAX_WORDS, words.size()))) {
                    int total = e.getValue()[0] + e.getValue()[1];
                    w.write(e.getKey() + "\t" + total + "\t" + Math.round(1000.0 * e.getValue()[0] / total) + "\n");
                }
            }
            System.out.println(lang + ": " + Math.min(MAX_WORDS, words.size()) + " words");
        }
    }

    /** Counts the words of a paragraph that do not start a sentence, by case of their first letter. */
    static void count(String paragraph, Map<String, int[]> counts) {
        Matcher m = WORD.matcher(paragraph);
        while (m.find()) {
            if (sentenceInitial(paragraph, m.start())) {
                continue;
            }
            int first = m.group().codePointAt(0);
            if (Character.isUpperCase(first)) {
                counts.computeIfAbsent(m.group().toLowerCase(Locale.ROOT), k -> new int[2])[1]++;
            } else if (Character.isLowerCase(first)) {
                counts.computeIfAbsent(m.group().toLowerCase(Locale.ROOT), k -> new int[2])[0]++;
            }
        }
    }

    static boolean sentenceInitial(String paragraph, int start) {
        int i = start - 1;
        while (i >= 0 && start - i <= 3 && Character.isWhitespace(paragraph.charAt(i))) {
            i--;
        }
        return i < 0 || SENTENCE_END.indexOf(paragraph.charAt(i)) >= 0;
    }
}
