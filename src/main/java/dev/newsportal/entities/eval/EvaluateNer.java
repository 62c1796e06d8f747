package dev.newsportal.entities.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsportal.entities.CoreNlpExtractor;
import dev.newsportal.entities.EntityExtractor;
import dev.newsportal.entities.EntityRecognizer;
import dev.newsportal.entities.EntityRegistry;
import dev.newsportal.entities.EntitySpan;
import dev.newsportal.entities.EntityType;
import dev.newsportal.entities.KuromojiExtractor;

/**
 * Evaluation command: runs the project's extractor on the raw sentences of annotated files and prints exact-span
 * precision, recall and F1 for PER and ORG (stockmark: 人名 and 法人名), one JSON object per set and type.
 *
 * <pre>
 * EvaluateNer [--extractor portal|statistical|registry] [--limit N] [--errors FILE] [--lang xx] [--model xx=PATH] FILE...
 * </pre>
 * <ul>
 *   <li>FILE: CoNLL-style ({@code index TAB token TAB BIO-tag}, blank line between sentences; the tokens joined with
 *       spaces are the raw sentence) or stockmark JSON ({@code .json}). The language comes from the file name
 *       ({@code wikineural-de.val.conllu}, {@code stockmark-ja.dev.json}) unless {@code --lang} says it.</li>
 *   <li>{@code --extractor}: {@code portal} (default: registry, statistical recognition, filters and in-document
 *       linking, as ingestion runs it), {@code statistical} (CoreNLP or kuromoji alone), {@code registry}.</li>
 *   <li>{@code --limit N}: an evenly spread sample of N sentences per file (the whole file by default).</li>
 *   <li>{@code --errors FILE}: writes every false positive and false negative, for error analysis.</li>
 *   <li>{@code --model xx=PATH}: another CoreNLP classifier for language xx (classpath path or file).</li>
 * </ul>
 */
public final class EvaluateNer {

    static final List<String> TYPES = List.of("PER", "ORG");
    private static final Pattern LANGUAGE = Pattern.compile("(?:^|[-_.])(en|de|fr|es|ja|it|pt|nl)(?:[-_.]|$)");

    private EvaluateNer() {
    }

    public static void main(String[] args) throws IOException {
        // results alone on standard output; logging (console appenders write to System.out) goes to standard error
        PrintStream out = System.out;
        System.setOut(System.err);
        String extractorName = "portal";
        int limit = 0;
        Path errors = null;
        String forcedLanguage = null;
        List<Path> files = new ArrayList<>();
        Map<String, String> models = new java.util.HashMap<>(CoreNlpExtractor.DEFAULT_MODELS);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--extractor" -> extractorName = args[++i];
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--errors" -> errors = Path.of(args[++i]);
                case "--lang" -> forcedLanguage = args[++i];
                case "--model" -> {
                    String[] kv = args[++i].split("=", 2);
                    models.put(kv[0], kv[1]);
                }
                case "-h", "--help" -> {
                    out.println("usage: EvaluateNer [--extractor portal|statistical|registry] [--limit N] "
                            + "[--errors FILE] [--lang xx] [--model xx=PATH] FILE...");
                    return;
                }
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("no input files (see --help)");
            System.exit(2);
        }
        EntityExtractor extractor = extractor(extractorName, models);
        PrintStream err = errors == null ? null : new PrintStream(errors.toFile(), StandardCharsets.UTF_8);
        try {
            for (Path file : files) {
                String language = forcedLanguage != null ? forcedLanguage : languageOf(file);
                List<NerDataset.Sentence> sentences = sample(NerDataset.read(file), limit);
                long t0 = System.nanoTime();
                NerScore score = evaluate(extractor, sentences, language, err);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                String set = file.getFileName().toString().replaceAll("\\.(conllu|conll|json)$", "");
                for (String line : score.toJsonLines(set)) {
                    out.println(line.substring(0, line.length() - 1) + String.format(Locale.ROOT,
                            ",\"language\":\"%s\",\"extractor\":\"%s\",\"ms\":%d}", language, extractorName, ms));
                }
                out.flush();
            }
        } finally {
            if (err != null) {
                err.close();
            }
        }
    }

    static EntityExtractor extractor(String name, Map<String, String> models) {
        EntityRegistry registry = EntityRegistry.starter();
        return switch (name) {
            case "portal" -> EntityRecognizer.withModels(registry, models, null);
            case "registry" -> new EntityRecognizer(registry, Map.of());
            case "statistical" -> {
                CoreNlpExtractor coreNlp = new CoreNlpExtractor(models, null);
                KuromojiExtractor kuromoji = new KuromojiExtractor();
                yield (text, language) -> "ja".equals(language) ? kuromoji.extract(text, language)
                        : coreNlp.extract(text, language);
            }
            default -> throw new IllegalArgumentException("unknown extractor " + name);
        };
    }

    /** Scores an extractor on sentences; writes false positives and negatives to {@code errors} when given. */
    public static NerScore evaluate(EntityExtractor extractor, List<NerDataset.Sentence> sentences, String language,
            PrintStream errors) {
        NerScore score = new NerScore(TYPES);
        for (NerDataset.Sentence sentence : sentences) {
            List<NerDataset.Span> predicted = new ArrayList<>();
            for (EntitySpan span : extractor.extract(sentence.text(), language)) {
                predicted.add(new NerDataset.Span(label(span.type()), span.start(), span.end()));
            }
            score.add(sentence.spans(), predicted);
            if (errors != null) {
                for (NerDataset.Span p : predicted) {
                    if (TYPES.contains(p.type()) && !sentence.spans().contains(p)) {
                        errors.println("FP\t" + p.type() + "\t" + sentence.text().substring(p.start(), p.end())
                                + "\t" + goldAt(sentence, p) + "\t" + sentence.text());
                    }
                }
                for (NerDataset.Span g : sentence.spans()) {
                    if (TYPES.contains(g.type()) && !predicted.contains(g)) {
                        errors.println("FN\t" + g.type() + "\t" + sentence.text().substring(g.start(), g.end())
                                + "\t" + predictedAt(predicted, sentence, g) + "\t" + sentence.text());
                    }
                }
            }
        }
        return score;
    }

    private static String goldAt(NerDataset.Sentence sentence, NerDataset.Span p) {
        for (NerDataset.Span g : sentence.spans()) {
            if (g.start() < p.end() && p.start() < g.end()) {
                return "gold " + g.type() + " '" + sentence.text().substring(g.start(), g.end()) + "'";
            }
        }
        return "gold none";
    }

    private static String predictedAt(List<NerDataset.Span> predicted, NerDataset.Sentence sentence,
            NerDataset.Span g) {
        for (NerDataset.Span p : predicted) {
            if (g.start() < p.end() && p.start() < g.end()) {
                return "predicted " + p.type() + " '" + sentence.text().substring(p.start(), p.end()) + "'";
            }
        }
        return "predicted none";
    }

    /** Our types as the datasets name them. */
    static String label(EntityType type) {
        return switch (type) {
            case PERSON -> "PER";
            case COMPANY -> "ORG";
            case LOCATION -> "LOC";
            case MISC -> "MISC";
        };
    }

    static String languageOf(Path file) {
        Matcher m = LANGUAGE.matcher(file.getFileName().toString());
        if (!m.find()) {
            throw new IllegalArgumentException("cannot tell the language of " + file + ": use --lang");
        }
        return m.group(1);
    }

    /** An evenly spread sample of {@code limit} sentences (all when limit is 0 or larger than the list). */
    static List<NerDataset.Sentence> sample(List<NerDataset.Sentence> sentences, int limit) {
        if (limit <= 0 || limit >= sentences.size()) {
            return sentences;
        }
        List<NerDataset.Sentence> sample = new ArrayList<>(limit);
        double step = (double) sentences.size() / limit;
        for (int i = 0; i < limit; i++) {
            sample.add(sentences.get((int) (i * step)));
        }
        return sample;
    }
}
