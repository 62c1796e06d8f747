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
import java.util.Map;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@code src/main/resources/entities/common-katakana-ja.txt} from the Japanese news corpus (never from the
 * evaluation sets): katakana words (maximal runs of katakana, not joined to others by a middle dot) seen at least
 * {@value #MIN_COUNT} times and almost never in a name context, that is directly followed by an honorific or role
 * word ({@code さん}, {@code 氏}, {@code 監督} ... see {@code KuromojiExtractor.PERSON_SUFFIXES}) or next to a middle
 * dot. Such words are loanwords and katakana-written common nouns ({@code ブログ}, {@code カラダ}), not names.
 *
 * <pre>BuildKatakanaWords CORPUS_DIR OUTPUT_DIR [SKIP]</pre>
 * reads {@code CORPUS_DIR/news-ja.jsonl.gz}, skipping its first SKIP articles (default 1000, kept for checking).
 */
public final class BuildKatakanaWords {

    static final int MIN_COUNT = 5;
    /** Largest share of name contexts, per mille. */
    static final int MAX_NAME_PER_MILLE = 100;
    static final List<String> NAME_CONTEXT = List.of("さん", "氏", "様", "君", "くん", "ちゃん", "殿", "社長", "会長",
            "監督", "選手", "容疑者", "被告", "議員", "知事", "大統領", "首相", "教授", "博士", "夫人", "外相", "長官",
            "代表", "総裁", "将軍", "王", "卿", "師", "投手", "捕手", "内野手", "外野手", "市長", "議長", "委員長",
            "副社長", "取締役", "主将", "コーチ", "弁護士", "記者", "医師", "院長", "所長", "陛下", "殿下", "夫妻", "本人");

    private BuildKatakanaWords() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int skip = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        JsonMapper json = JsonMapper.builder().build();
        Map<String, int[]> counts = new HashMap<>(); // word -> {occurrences, in a name context}
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(corpus.resolve("news-ja.jsonl.gz"))), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                if (++n <= skip) {
                    continue;
                }
                JsonNode article = json.readTree(line);
                for (String field : List.of("title", "body")) {
                    if (article.path(field).isString()) {
                        count(article.path(field).asString(), counts);
                    }
                }
            }
        }
        List<Map.Entry<String, int[]>> words = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            if (c[0] >= MIN_COUNT && c[1] * 1000L <= (long) MAX_NAME_PER_MILLE * c[0]) {
                words.add(e);
            }
        }
        words.sort(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        try (Writer w = Files.newBufferedWriter(out.resolve("common-katakana-ja.txt"), StandardCharsets.UTF_8)) {
            w.write("# Katakana words seen at least " + MIN_COUNT + " times in the project's ja news corpus (shared/corpus/"
                    + "news-ja, articles after the first " + skip + ", not the evaluation sets) and at most "
                    + MAX_NAME_PER_MILLE + " per mille of them\n# directly followed by an honorific or role word or next"
                    + " to a middle dot: loanwords and katakana-written common nouns, not names.\n"
                    + "# Built by dev.newsportal.entities.eval.BuildKatakanaWords.\n"
                    + "# Columns: word, occurrences, per mille of them in a name context.\n");
            for (Map.Entry<String, int[]> e : words) {
                int[] c = e.getValue();
                w.write(e.getKey() + "\t" + c[0] + "\t" + Math.round(1000.0 * c[1] / c[0]) + "\n");
            }
        }
        System.out.println("ja: " + words.size() + " katakana words");
    }

    static void count(String text, Map<String, int[]> counts) {
        int i = 0;
        while (i < text.length()) {
            if (!katakana(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < text.length() && katakana(text.charAt(j))) {
                j++;
            }
            if (j - i >= 2) {
                String word = text.substring(i, j);
                boolean dotted = i > 0 && dot(text.charAt(i - 1)) || j < text.length() && dot(text.charAt(j));
                boolean named = dotted;
                for (String suffix : NAME_CONTEXT) {
                    named |= text.startsWith(suffix, j);
                }
                int[] c = counts.computeIfAbsent(word, k -> new int[2]);
                c[0]++;
                if (named) {
                    c[1]++;
                }
            }
            i = j;
        }
    }

    static boolean katakana(char c) {
        return c >= '\u30a1' && c <= '\u30fa' || c == 'ー' || c >= '\uff66' && c <= '\uff9d';
    }

    static boolean dot(char c) {
        return c == '・' || c == '･' || c == '=' || c == '＝';
    }
}
