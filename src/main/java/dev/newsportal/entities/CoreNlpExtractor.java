package dev.newsportal.entities;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.TokenizerAnnotator;
import edu.stanford.nlp.util.CoreMap;

/**
 * Statistical names for English, German, French and Spanish: Stanford CoreNLP's tokenizer and sentence splitter for
 * the language and its CRF NER classifier (4.5.x models from the {@code stanford-corenlp} model jars). Only the CRF
 * is run (no POS tagging, no SUTime, no regexner): the classifier files are the only model data needed.
 *
 * <p>A language's model is loaded on first use (or by {@link #load(String)}) and kept: 8-16 s and 150-500 MB of heap
 * each. The classifier is looked up by its path as a classpath resource, or under the directory given to the
 * constructor (with its path or its bare file name). Thread-safe: models are immutable once loaded.
 */
public final class CoreNlpExtractor implements EntityExtractor {

    private static final Logger log = LoggerFactory.getLogger(CoreNlpExtractor.class);

    /** The classifier per language (paths inside the CoreNLP model jars). */
    public static final Map<String, String> DEFAULT_MODELS = Map.of(
            "en", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz",
            "de", "edu/stanford/nlp/models/ner/german.distsim.crf.ser.gz",
            "fr", "edu/stanford/nlp/models/ner/french-wikiner-4class.crf.ser.gz",
            "es", "edu/stanford/nlp/models/ner/spanish.kbp.ancora.distsim.s512.crf.ser.gz");

    /** Since CoreNLP 4.5 the tokenizer annotator also splits sentences. */
    private record Model(TokenizerAnnotator tokenizer, List<CRFClassifier<CoreLabel>> crfs) {
    }

    private final Map<String, String> models;
    private final Path modelsDir;
    private final Map<String, Model> loaded = new ConcurrentHashMap<>();

    /** Default models, from the classpath. */
    public CoreNlpExtractor() {
        this(DEFAULT_MODELS, null);
    }

    /**
     * @param models    classifier path per language; several, comma-separated: each further model only adds names
     *                  where the ones before it found none
     * @param modelsDir a directory to look in before the classpath, or null
     */
    public CoreNlpExtractor(Map<String, String> models, Path modelsDir) {
        this.models = Map.copyOf(models);
        this.modelsDir = modelsDir;
    }

    /** Whether there is a model for the language and it can be found. */
    public boolean supports(String language) {
        String path = models.get(language);
        if (path == null) {
            return false;
        }
        if (loaded.containsKey(language)) {
            return true;
        }
        for (String one : path.split(",")) {
            if (locate(one.strip()) == null && getClass().getClassLoader().getResource(one.strip()) == null) {
                return false;
            }
        }
        return true;
    }

    /** Loads a language's model now (otherwise it loads on first use). */
    public void load(String language) {
        model(language);
    }

    @Override
    public List<EntitySpan> extract(String text, String language) {
        if (text == null || text.isBlank() || !models.containsKey(language)) {
            return List.of();
        }
        Model model = model(language);
        Annotation document = new Annotation(text);
        model.tokenizer().annotate(document);
        List<EntitySpan> spans = new ArrayList<>();
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens.isEmpty()) {
                continue;
            }
            List<EntitySpan> sentenceSpans = new ArrayList<>();
            for (CRFClassifier<CoreLabel> crf : model.crfs()) {
                for (EntitySpan span : classify(text, crf, tokens)) {
                    // a further model only adds names where the ones before it found none
                    if (sentenceSpans.stream().noneMatch(s -> s.overlaps(span.start(), span.end()))) {
                        sentenceSpans.add(span);
                    }
                }
            }
            sentenceSpans.sort(java.util.Comparator.comparingInt(EntitySpan::start));
            spans.addAll(sentenceSpans);
        }
        return extendPersons(text, joinHyphenated(text, spans, !language.equals("de")));
    }

    /** En dash between two names without spaces: "Stefan–Boltzmann", "Kennedy–Khrushchev", "Zermelo–Fraenkel". */
    private static final java.util.regex.Pattern DASH_AFTER = java.util.regex.Pattern.compile("\u2013\\p{Lu}[\\p{L}'’]*");
    private static final java.util.regex.Pattern DASH_BEFORE = java.util.regex.Pattern.compile("\\p{Lu}[\\p{L}'’]*\u2013$");
    /**
     * What follows a person's name and belongs to it: a regnal number ("Elizabeth I", "Henry Ford II", "Murad IV") or
     * a generational suffix ("James Renwick, Jr.", "Ken Griffey Sr.").
     */
    private static final java.util.regex.Pattern PERSON_TAIL = java.util.regex.Pattern.compile(
            "(?:\\s+(?:X{0,2}(?:IX|IV|V?I{0,3}))(?=[\\s,.;:)!?]|$)|\\s*,?\\s+(?:Jr|Sr)\\b\\.?)");
    private static final java.util.regex.Pattern LOWER_WORD_NEXT = java.util.regex.Pattern.compile("\\s+\\p{Ll}");

    /** Extends persons over a regnal number or Jr./Sr. and joins names linked by an en dash. */
    static List<EntitySpan> extendPersons(String text, List<EntitySpan> spans) {
        List<EntitySpan> out = new ArrayList<>(spans.size());
        for (int k = 0; k < spans.size(); k++) {
            EntitySpan span = spans.get(k);
            if (span.type() != EntityType.PERSON) {
                out.add(span);
                continue;
            }
            int start = span.start();
            int end = span.end();
            int limit = k + 1 < spans.size() ? spans.get(k + 1).start() : text.length();
            EntitySpan last = out.isEmpty() ? null : out.get(out.size() - 1);
            // "Weber–Fechner": two persons (or a person and an untagged capitalised word) joined by an en dash
            while (k + 1 < spans.size() && spans.get(k + 1).type() == EntityType.PERSON
                    && spans.get(k + 1).start() == end + 1 && text.charAt(end) == '\u2013') {
                end = spans.get(++k).end();
                limit = k + 1 < spans.size() ? spans.get(k + 1).start() : text.length();
            }
            java.util.regex.Matcher after = DASH_AFTER.matcher(text).region(end, limit);
            if (after.lookingAt()) {
                end = after.end();
            }
            int from = last == null ? 0 : last.end();
            java.util.regex.Matcher before = DASH_BEFORE.matcher(text).region(Math.max(from, start - 40), start);
            if (before.find() && (before.start() == 0 || !Character.isLetterOrDigit(text.charAt(before.start() - 1)))) {
                start = before.start();
            }
            java.util.regex.Matcher tail = PERSON_TAIL.matcher(text).region(end, limit);
            if (tail.lookingAt() && tail.end() > end && !text.substring(end, tail.end()).isBlank()) {
                String numeral = text.substring(end, tail.end()).strip();
                // not the pronoun: "... Smith I think"
                boolean pronoun = numeral.equals("I") && LOWER_WORD_NEXT.matcher(text).region(tail.end(), limit).lookingAt();
                if (!pronoun) {
                    end = tail.end();
                }
            }
            out.add(start == span.start() && end == span.end() ? span : EntitySpan.of(text, EntityType.PERSON, start, end));
        }
        return out;
    }

    private static List<EntitySpan> classify(String text, CRFClassifier<CoreLabel> crf, List<CoreLabel> tokens) {
        List<EntitySpan> spans = new ArrayList<>();
        {
            List<CoreLabel> answers = crf.classifySentence(tokens);
            EntityType open = null;
            int openStart = -1;
            int openEnd = -1;
            for (int i = 0; i < tokens.size(); i++) {
                String label = answers.get(i).get(CoreAnnotations.AnswerAnnotation.class);
                EntityType type = typeOf(label);
                boolean begins = label != null && label.startsWith("B-");
                CoreLabel token = tokens.get(i);
                if (open != null && (type != open || begins)) {
                    spans.add(EntitySpan.of(text, open, openStart, openEnd));
                    open = null;
                }
                if (type != null && open == null) {
                    open = type;
                    openStart = token.beginPosition();
                }
                if (type != null) {
                    openEnd = token.endPosition();
                }
            }
            if (open != null) {
                spans.add(EntitySpan.of(text, open, openStart, openEnd));
            }
        }
        return spans;
    }

    /**
     * CoreNLP splits hyphenated words, and its models then tag the parts ("Pierre" and "Simon Laplace" for
     * "Pierre-Simon Laplace"): names of one type joined by a hyphen are one name, and (except in German, where a name
     * is often the first part of a compound: "Meta-Chef") a name that is part of a hyphenated word takes in the word.
     */
    static List<EntitySpan> joinHyphenated(String text, List<EntitySpan> spans, boolean expand) {
        List<EntitySpan> joined = new ArrayList<>(spans.size());
        for (EntitySpan span : spans) {
            EntitySpan last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.type() == span.type() && span.start() - last.end() == 1
                    && isHyphen(text.charAt(last.end()))) {
                joined.set(joined.size() - 1, EntitySpan.of(text, span.type(), last.start(), span.end()));
            } else {
                joined.add(span);
            }
        }
        joined = joinParticles(text, joined);
        if (!expand) {
            return expandGermanPersons(text, joined);
        }
        List<EntitySpan> expanded = new ArrayList<>(joined.size());
        int previousEnd = 0;
        for (int k = 0; k < joined.size(); k++) {
            EntitySpan span = joined.get(k);
            int start = span.start();
            int end = span.end();
            while (start >= 2 && isHyphen(text.charAt(start - 1)) && Character.isLetterOrDigit(text.charAt(start - 2))) {
                int s = start - 2;
                while (s > 0 && Character.isLetterOrDigit(text.charAt(s - 1))) {
                    s--;
                }
                start = s;
            }
            int limit = k + 1 < joined.size() ? joined.get(k + 1).start() : text.length();
            while (end + 1 < limit && isHyphen(text.charAt(end)) && Character.isLetterOrDigit(text.charAt(end + 1))) {
                int e = end + 1;
                while (e < limit && Character.isLetterOrDigit(text.charAt(e))) {
                    e++;
                }
                end = e;
            }
            if (start < previousEnd) {
                start = span.start();
            }
            expanded.add(start == span.start() && end == span.end() ? span : EntitySpan.of(text, span.type(), start, end));
            previousEnd = end;
        }
        return expanded;
    }

    private static final java.util.regex.Pattern HYPHEN_PART_BEFORE = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}-])\\p{Lu}\\p{Ll}+-$");
    private static final java.util.regex.Pattern HYPHEN_PART_AFTER = java.util.regex.Pattern.compile(
            "-\\p{L}[\\p{L}'’]*(?![\\p{L}\\p{N}-])");
    /** Prefixes of German compounds with a name ("Ex-Kanzler", "Anti-Trump-Kurs"). */
    private static final java.util.Set<String> GERMAN_NAME_PREFIXES = java.util.Set.of("ex", "anti", "pro", "neo",
            "post", "prä", "vize", "pseudo", "super", "mega", "top", "nicht", "nazi", "team", "fan");

    /**
     * In German a name is often the first part of a compound ("Merkel-Regierung"), so hyphenated words are only taken
     * in where they are parts of a person's name: a capitalised first part before a person ("Pierre-" + "Antoine
     * Dossevi"), or a hyphenated last part of a full name ("Alec Douglas" + "-Home", "Lee Chang" + "-dong").
     */
    static List<EntitySpan> expandGermanPersons(String text, List<EntitySpan> spans) {
        List<EntitySpan> out = new ArrayList<>(spans.size());
        int previousEnd = 0;
        for (int k = 0; k < spans.size(); k++) {
            EntitySpan span = spans.get(k);
            int start = span.start();
            int end = span.end();
            if (span.type() == EntityType.PERSON) {
                java.util.regex.Matcher before = HYPHEN_PART_BEFORE.matcher(text).region(Math.max(previousEnd,
                        start - 30), start);
                before.useTransparentBounds(true);
                boolean compound = end < text.length() && isHyphen(text.charAt(end)); // "Anne-Frank-Haus"
                if (!compound && before.find() && !GERMAN_NAME_PREFIXES.contains(
                        text.substring(before.start(), start - 1).toLowerCase(java.util.Locale.ROOT))) {
                    start = before.start();
                }
                int limit = k + 1 < spans.size() ? spans.get(k + 1).start() : text.length();
                java.util.regex.Matcher after = HYPHEN_PART_AFTER.matcher(text).region(end, limit);
                after.useTransparentBounds(true);
                if (span.surface().strip().contains(" ") && after.lookingAt()) {
                    end = after.end();
                }
            }
            out.add(start == span.start() && end == span.end() ? span : EntitySpan.of(text, span.type(), start, end));
            previousEnd = end;
        }
        return out;
    }

    private static final java.util.regex.Pattern PARTICLE = java.util.regex.Pattern.compile(
            " (?:von|van|von der|van der|van den|de|du|da|di|del|della|de la|bin|ibn|al|el|ben|ter|zu|von und zu) ");
    private static final java.util.regex.Pattern ARABIC_ARTICLE = java.util.regex.Pattern.compile(
            "^ (?:al|el|ul|ad|ar|as|at|az|ash|ud)-\\p{Lu}\\p{L}*");

    /**
     * A person's name split at a particle ("August" + "von" + "Mackensen", "Rafiq" + "al-Hariri") is one name: a person
     * followed by a particle and a person or place name, or by an Arabic article joined to a capitalised word.
     */
    static List<EntitySpan> joinParticles(String text, List<EntitySpan> spans) {
        List<EntitySpan> out = new ArrayList<>(spans.size());
        for (int k = 0; k < spans.size(); k++) {
            EntitySpan span = spans.get(k);
            if (span.type() == EntityType.PERSON) {
                java.util.regex.Matcher article = ARABIC_ARTICLE.matcher(text).region(span.end(), text.length());
                if (article.lookingAt()) {
                    int end = article.end();
                    while (k + 1 < spans.size() && spans.get(k + 1).start() < end) {
                        end = Math.max(end, spans.get(++k).end());
                    }
                    span = EntitySpan.of(text, EntityType.PERSON, span.start(), end);
                } else if (k + 1 < spans.size()) {
                    EntitySpan next = spans.get(k + 1);
                    java.util.regex.Matcher particle = PARTICLE.matcher(text).region(span.end(), next.start());
                    // not "Sundar Pichai von Google", "Zuckerberg de Meta": a person or a place after the particle
                    if (particle.matches() && (next.type() == EntityType.PERSON || next.type() == EntityType.LOCATION)) {
                        span = EntitySpan.of(text, EntityType.PERSON, span.start(), next.end());
                        k++;
                    }
                }
            }
            out.add(span);
        }
        return out;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    /** CoreNLP's labels (PERSON, I-PER, B-ORG, PERS, LUG, OTROS, ...) to ours; null for O. */
    static EntityType typeOf(String label) {
        if (label == null || label.equals("O")) {
            return null;
        }
        String l = label.substring(label.indexOf('-') + 1);
        if (l.startsWith("PER")) {
            return EntityType.PERSON;
        }
        if (l.startsWith("ORG")) {
            return EntityType.COMPANY;
        }
        if (l.startsWith("LOC") || l.startsWith("LUG")) {
            return EntityType.LOCATION;
        }
        return EntityType.MISC;
    }

    private Model model(String language) {
        return loaded.computeIfAbsent(language, this::loadModel);
    }

    private Model loadModel(String language) {
        String path = models.get(language);
        long t0 = System.nanoTime();
        Properties props = new Properties();
        props.setProperty("tokenize.language", language);
        props.setProperty("tokenize.keepeol", "true");
        props.setProperty("ssplit.newlineIsSentenceBreak", "always");
        if (language.equals("de")) {
            props.setProperty("tokenize.postProcessor",
                    "edu.stanford.nlp.international.german.process.GermanTokenizerPostProcessor");
        }
        TokenizerAnnotator tokenizer = new TokenizerAnnotator(false, props);
        List<CRFClassifier<CoreLabel>> crfs = new ArrayList<>();
        for (String one : path.split(",")) {
            try (InputStream in = open(one.strip());
                    ObjectInputStream ois = new ObjectInputStream(new BufferedInputStream(
                            new GZIPInputStream(new BufferedInputStream(in, 1 << 16), 1 << 16), 1 << 16))) {
                crfs.add(CRFClassifier.getClassifier(ois));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load NER model " + one, e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load NER model " + one, e);
            }
        }
        log.info("Loaded NER model for {} ({}) in {} ms", language, path, (System.nanoTime() - t0) / 1_000_000);
        return new Model(tokenizer, List.copyOf(crfs));
    }

    private Path locate(String path) {
        if (modelsDir == null) {
            return null;
        }
        for (Path candidate : List.of(modelsDir.resolve(path), modelsDir.resolve(Path.of(path).getFileName()))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private InputStream open(String path) throws IOException {
        Path file = locate(path);
        if (file != null) {
            return Files.newInputStream(file);
        }
        InputStream in = getClass().getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("NER model not found on the classpath" + (modelsDir == null ? "" : " nor under "
                    + modelsDir) + ": " + path);
        }
        return in;
    }
}
