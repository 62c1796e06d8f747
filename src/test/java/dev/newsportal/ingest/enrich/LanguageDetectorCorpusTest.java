package dev.newsportal.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures {@link LanguageDetector} on real articles from the shared corpus ({@code ../shared/corpus}, or
 * {@code -Dcorpus.dir=...}), to choose {@link LanguageDetector#DEFAULT_MIN_CONFIDENCE}. Skipped when the corpus
 * is absent. Prints a report: accuracy, "und" share and wrong share per language and threshold, for whole
 * articles (title + body), leads (the first ~150 characters of the body: a sentence) and titles alone.
 *
 * <p>By default a seeded sample of {@value #SAMPLE} articles per language keeps it a fast unit test (~2 s);
 * {@code -Dcorpus.full=true} measures the whole corpus (30,216 articles, ~15 s). The full figures are in the
 * comment of {@link LanguageDetector#DEFAULT_MIN_CONFIDENCE}. When building in a copy of the project elsewhere,
 * point it at the corpus with {@code -Dcorpus.dir=/path/to/shared/corpus}.
 */
class LanguageDetectorCorpusTest {

    static final int SAMPLE = 200;
    static final double[] THRESHOLDS = {0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99};

    private static LanguageDetector detector;
    private static final Map<String, List<CorpusSample.Article>> corpus = new LinkedHashMap<>();

    @BeforeAll
    static void load() {
        assumeTrue(CorpusSample.available(), "shared corpus not found at " + CorpusSample.dir().toAbsolutePath());
        int max = Boolean.getBoolean("corpus.full") ? 0 : SAMPLE;
        for (String lang : CorpusSample.LANGUAGES) {
            corpus.put(lang, CorpusSample.sample(lang, max, 17));
        }
        detector = new LanguageDetector();
    }

    @Test
    void wholeArticlesKeepTheirLanguageAtTheDefaultThreshold() {
        Map<String, Outcomes> outcomes = measure("articles (title + body)", a -> new String[] {a.title(), a.body()});
        outcomes.forEach((lang, o) -> assertThat(o.accuracy(LanguageDetector.DEFAULT_MIN_CONFIDENCE))
                .as("accuracy on %s articles", lang).isGreaterThanOrEqualTo(0.99));
    }

    @Test
    void leadSentences() {
        Map<String, Outcomes> outcomes = measure("leads (first ~150 chars of the body)", a -> new String[] {null, lead(a.body())});
        outcomes.forEach((lang, o) -> assertThat(o.wrong(LanguageDetector.DEFAULT_MIN_CONFIDENCE))
                .as("wrong answers on %s leads", lang).isLessThanOrEqualTo(0.03));
    }

    @Test
    void titlesAlone() {
        Map<String, Outcomes> outcomes = measure("titles alone", a -> a.title() == null || a.title().isBlank() ? null
                : new String[] {a.title(), null});
        outcomes.forEach((lang, o) -> assertThat(o.wrong(LanguageDetector.DEFAULT_MIN_CONFIDENCE))
                .as("wrong answers on %s titles", lang).isLessThanOrEqualTo(0.10));
    }

    @Test
    void kanaShareOfJapaneseArticles() {
        double[] shares = corpus.get("ja").stream().mapToDouble(a -> {
            LanguageDetector.Scripts s = LanguageDetector.Scripts.count(LanguageDetector.sample(a.title(), a.body()));
            return s.han + s.kana == 0 ? 1 : (double) s.kana / (s.han + s.kana);
        }).sorted().toArray();
        System.out.printf(Locale.ROOT, "%n== kana / (kanji + kana) in ja articles: min %.3f p1 %.3f p50 %.3f (rule: >= %.2f)%n",
                shares[0], pct(shares, 1), pct(shares, 50), LanguageDetector.JAPANESE_KANA_SHARE);
        assertThat(pct(shares, 1)).isGreaterThan(LanguageDetector.JAPANESE_KANA_SHARE);
    }

    @Test
    void shortStringsReport() {
        List<String> strings = List.of("Kopf hoch", "Generation Covid", "Foxx and Swank win US awards",
                "Court rejects $280bn tobacco case", "De Tomaso SLC", "Audi A8 L 60 TFSI e quattro", "ok ok ok",
                "zzz zzz zzz zzz zzz", "xq zv kj wq pf zx jv qw xk vb", "qwertzuiop asdfghjkl yxcvbnm",
                "lorem ipsum dolor sit amet consectetur adipiscing elit", "asdkjh qwpoeiru zxmcnv lkjasd fpoiqwe",
                "Rząd zapowiedział w poniedziałek nowe przepisy", "Regeringen presenterade nya regler",
                "Die regering het Maandag nuwe reëls aangekondig", "O goberno anunciou o luns novas normas",
                "Уряд оголосив нові правила захисту довкілля");
        StringBuilder r = new StringBuilder("\n== short strings: best supported candidate and confidence (threshold "
                + LanguageDetector.DEFAULT_MIN_CONFIDENCE + ")\n");
        for (String s : strings) {
            Detection raw = detector.classify(s, null);
            r.append(String.format(Locale.ROOT, "  %-56s %s %.3f -> %s%n", '"' + s + '"', raw.language(), raw.confidence(),
                    detector.detect(s, null).language()));
        }
        System.out.print(r);
    }

    /** Per language: the best candidate and its confidence for every text, and how long classifying took. */
    private Map<String, Outcomes> measure(String what, Function<CorpusSample.Article, String[]> input) {
        Map<String, Outcomes> all = new LinkedHashMap<>();
        for (var e : corpus.entrySet()) {
            Outcomes o = new Outcomes(e.getKey());
            for (CorpusSample.Article a : e.getValue()) {
                String[] in = input.apply(a);
                if (in == null) {
                    continue;
                }
                long t0 = System.nanoTime();
                Detection d = detector.classify(in[0], in[1]);
                o.nanos += System.nanoTime() - t0;
                o.add(d, in);
            }
            all.put(e.getKey(), o);
        }
        StringBuilder r = new StringBuilder(String.format(Locale.ROOT, "%n== %s: right / und / wrong by threshold (default %.2f)%n",
                what, LanguageDetector.DEFAULT_MIN_CONFIDENCE));
        r.append("          ");
        all.forEach((lang, o) -> r.append(String.format(Locale.ROOT, "  %-2s n=%-5d %5.0f µs    ", lang, o.size(), o.micros())));
        r.append('\n');
        for (double t : THRESHOLDS) {
            r.append(String.format(Locale.ROOT, "  t=%.2f  ", t));
            all.values().forEach(o -> r.append(String.format(Locale.ROOT, "  %.3f/%.3f/%.3f", o.accuracy(t), o.und(t), o.wrong(t))));
            r.append('\n');
        }
        all.values().forEach(o -> {
            double[] c = o.rightConfidences();
            r.append(String.format(Locale.ROOT, "  %s confidence of right answers: p1 %.3f p5 %.3f p50 %.3f; misses at default:%n",
                    o.lang, pct(c, 1), pct(c, 5), pct(c, 50)));
            o.misses.stream().limit(4).forEach(m -> r.append("     ").append(m).append('\n'));
        });
        System.out.print(r);
        return all;
    }

    static String lead(String body) {
        String b = body == null ? "" : body.strip();
        int end = Math.min(b.length(), 150);
        while (end < b.length() && end < 200 && !Character.isWhitespace(b.charAt(end))) {
            end++;
        }
        return b.substring(0, end);
    }

    static final class Outcomes {
        final String lang;
        final List<Detection> results = new ArrayList<>();
        final List<String> misses = new ArrayList<>();
        long nanos;

        Outcomes(String lang) {
            this.lang = lang;
        }

        void add(Detection d, String[] in) {
            results.add(d);
            boolean accepted = !d.isUndetermined() && d.confidence() >= LanguageDetector.DEFAULT_MIN_CONFIDENCE;
            if (!(accepted && d.language().equals(lang)) && misses.size() < 20) {
                misses.add(d.language() + String.format(Locale.ROOT, " %.3f", d.confidence()) + " <- " + snippet(in));
            }
        }

        int size() {
            return results.size();
        }

        double micros() {
            return nanos / 1000.0 / Math.max(1, size());
        }

        double accuracy(double t) {
            return ratio(results.stream().filter(d -> accepted(d, t) && d.language().equals(lang)).count());
        }

        double und(double t) {
            return ratio(results.stream().filter(d -> !accepted(d, t)).count());
        }

        double wrong(double t) {
            return ratio(results.stream().filter(d -> accepted(d, t) && !d.language().equals(lang)).count());
        }

        double[] rightConfidences() {
            return results.stream().filter(d -> d.language().equals(lang)).mapToDouble(Detection::confidence).sorted().toArray();
        }

        private static boolean accepted(Detection d, double t) {
            return !d.isUndetermined() && d.confidence() >= t;
        }

        private double ratio(long n) {
            return results.isEmpty() ? Double.NaN : (double) n / results.size();
        }
    }

    static String snippet(String[] in) {
        String s = (in[0] == null ? "" : in[0] + " | ") + (in[1] == null ? "" : in[1]);
        s = s.replaceAll("\\s+", " ");
        return s.length() > 90 ? s.substring(0, 90) + "…" : s;
    }

    static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p / 100.0 * sorted.length))];
    }
}
