package dev.newsportal.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's entity extractor: registry matches, statistical names, filters for the known error classes of the
 * statistical recognisers, and in-document linking.
 *
 * <ol>
 *   <li><b>Registry</b> ({@link EntityRegistry#find}): a registry match wins over any overlapping statistical name,
 *       with the registry's type (CoreNLP's "Meta" as a person, "Zuckerberg" as a place).</li>
 *   <li><b>Statistical</b> names for the language ({@link CoreNlpExtractor}, {@link KuromojiExtractor}), cleaned:
 *       <ul>
 *         <li>leading honorifics and role words are cut off a person ("CEO", "Herr", "M.");</li>
 *         <li>pronouns and determiners are never names ("He", "His", "Er", "Il");</li>
 *         <li>a one-word name at the start of a sentence that is normally written in lower case ({@link CommonWords})
 *             is a capitalised ordinary word: French sentence-initial verbs ("Lisez", "Pourriez"), "Inside";</li>
 *         <li>a French word followed by an inverted pronoun ("Va-t-elle", "Pourriez-vous") is a verb;</li>
 *         <li>in an English title-case line (a headline) a name made only of ordinary words is a fragment of the
 *             headline ("Uncovering Challenges");</li>
 *         <li>types are repaired by how names are built ({@link OrganisationRules}: "... Records" or "Partido ..." is
 *             an organisation, "... Valley" a place, "Saab 93" a product) and country names ({@link PlaceNames}) are
 *             places, never persons or companies.</li>
 *       </ul></li>
 *   <li><b>In-document linking</b>: a one-word name (of any type) whose form, or whose form without a genitive
 *       ending, is a registry alias or the last or first word of a person's full name in the same text joins that
 *       entity or name ("Zuckerbergs" with "Mark Zuckerberg", "Wang" with "Alexandr Wang"). An unlinked name's key is
 *       its {@link NameNormalizer#key normalised} form.</li>
 * </ol>
 */
public final class EntityRecognizer implements EntityExtractor {

    private static final Logger log = LoggerFactory.getLogger(EntityRecognizer.class);

    private static final Pattern INVERTED_PRONOUN = Pattern.compile(
            "^-(t-)?(il|elle|on|ils|elles|vous|nous|je|tu|moi|toi|ce)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    /** Generic abbreviations of the news domain that recognisers take for organisations. */
    static final java.util.Set<String> GENERIC = java.util.Set.of("ai", "ki", "ia", "genai", "agi", "llm", "llms", "ceo",
            "cto", "cfo", "coo", "api", "gpu", "gpus", "cpu", "it", "pdg", "ki-team", "ai-team", "r&d", "faq", "tv", "pc");
    private static final Pattern VERB_WITH_PRONOUN = Pattern.compile(
            "\\p{L}+-(t-)?(il|elle|on|ils|elles|vous|nous|je|tu|moi|toi|ce)", Pattern.CASE_INSENSITIVE);
    private static final String OPENERS = "\"'«»“”„‘’([{¿¡-–—•*";

    private volatile EntityRegistry registry;
    private final Map<String, EntityExtractor> statistical;

    /**
     * @param registry    the registry (replaceable with {@link #setRegistry})
     * @param statistical recogniser per language (ISO 639-1); languages without one get registry matches only
     */
    public EntityRecognizer(EntityRegistry registry, Map<String, EntityExtractor> statistical) {
        this.registry = Objects.requireNonNull(registry);
        this.statistical = Map.copyOf(statistical);
    }

    /**
     * CoreNLP for en, de, fr and es (where its model is on the classpath or in {@code modelsDir}), kuromoji for ja.
     *
     * @param modelsDir directory with the CoreNLP NER classifier files, or null for the classpath only
     */
    public static EntityRecognizer withDefaultModels(EntityRegistry registry, java.nio.file.Path modelsDir) {
        return withModels(registry, CoreNlpExtractor.DEFAULT_MODELS, modelsDir);
    }

    /** Like {@link #withDefaultModels} with other CoreNLP classifiers (path per language). */
    public static EntityRecognizer withModels(EntityRegistry registry, Map<String, String> models,
            java.nio.file.Path modelsDir) {
        CoreNlpExtractor coreNlp = new CoreNlpExtractor(models, modelsDir);
        Map<String, EntityExtractor> byLanguage = new HashMap<>();
        for (String language : models.keySet()) {
            if (coreNlp.supports(language)) {
                byLanguage.put(language, coreNlp);
            } else {
                log.warn("No CoreNLP NER model for {}: registry matches only", language);
            }
        }
        byLanguage.put("ja", new KuromojiExtractor());
        return new EntityRecognizer(registry, byLanguage);
    }

    public EntityRegistry registry() {
        return registry;
    }

    /** Replaces the registry (admin edits); documents recognised afterwards use the new one. */
    public void setRegistry(EntityRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    /** Languages with a statistical recogniser. */
    public java.util.Set<String> statisticalLanguages() {
        return statistical.keySet();
    }

    @Override
    public List<EntitySpan> extract(String text, String language) {
        return recognizeNames(text, language).stream().map(RecognizedName::span).toList();
    }

    /**
     * The persons and companies of a document, each once, in order of first mention.
     *
     * @param text     title and body (for example joined by a newline)
     * @param language the document's language
     */
    public List<DocumentEntity> recognize(String text, String language) {
        Map<String, List<RecognizedName>> byKey = new LinkedHashMap<>();
        for (RecognizedName name : recognizeNames(text, language)) {
            if (name.key() != null && name.type().isFacet()) {
                byKey.computeIfAbsent(name.type() + " " + name.key(), k -> new ArrayList<>()).add(name);
            }
        }
        List<DocumentEntity> entities = new ArrayList<>();
        for (List<RecognizedName> mentions : byKey.values()) {
            RecognizedName first = mentions.get(0);
            String display = first.surface();
            if (first.entityId() != null) {
                display = registry().get(first.entityId()).map(e -> e.label(language)).orElse(display);
            } else {
                display = mentions.stream().map(RecognizedName::surface).map(s -> displayForm(s, first.key()))
                        .max(Comparator.comparingInt(String::length)).orElse(display);
            }
            entities.add(new DocumentEntity(first.key(), first.type(), first.entityId(), display, List.copyOf(mentions)));
        }
        return entities;
    }

    /** Every name found, with its key, in text order. */
    public List<RecognizedName> recognizeNames(String text, String language) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        EntityRegistry reg = registry;
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        List<Mention> mentions = reg.find(text, lang);
        List<EntitySpan> found = List.of();
        EntityExtractor extractor = statistical.get(lang);
        if (extractor != null) {
            try {
                found = extractor.extract(text, lang);
            } catch (RuntimeException e) {
                log.warn("Statistical recognition failed for a {} text: {}", lang, e.toString());
            }
        }
        List<RecognizedName> names = new ArrayList<>();
        for (Mention m : mentions) {
            names.add(new RecognizedName(m.type(), m.start(), m.end(), m.surface(), m.entityId(), m.entityId()));
        }
        List<EntitySpan> patterns = OrganisationRules.patterns(text, lang);
        if (!patterns.isEmpty()) {
            List<EntitySpan> merged = new ArrayList<>(patterns);
            for (EntitySpan span : found) {
                if (patterns.stream().noneMatch(p -> p.overlaps(span.start(), span.end()))) {
                    merged.add(span);
                }
            }
            merged.sort(Comparator.comparingInt(EntitySpan::start));
            found = merged;
        }
        List<EntitySpan> headed = OrganisationRules.headed(text, lang, found);
        if (!headed.isEmpty()) {
            List<EntitySpan> merged = new ArrayList<>(found);
            merged.addAll(headed);
            merged.sort(Comparator.comparingInt(EntitySpan::start));
            found = merged;
        }
        List<EntitySpan> kept = new ArrayList<>();
        for (EntitySpan span : found) {
            EntitySpan cleaned = clean(text, span, lang);
            if (cleaned == null) {
                continue;
            }
            boolean overlapped = false;
            for (Mention m : mentions) {
                if (cleaned.overlaps(m.start(), m.end())) {
                    boolean longerSameType = cleaned.type() == m.type() && cleaned.start() <= m.start()
                            && cleaned.end() >= m.end() && cleaned.end() - cleaned.start() > m.end() - m.start();
                    if (!longerSameType) {
                        overlapped = true;
                        break;
                    }
                }
            }
            if (!overlapped) {
                kept.add(cleaned);
            }
        }
        // names that contain a registry mention replace it
        names.removeIf(n -> kept.stream().anyMatch(k -> k.overlaps(n.start(), n.end())));
        link(text, kept, names, reg);
        names.sort(Comparator.comparingInt(RecognizedName::start));
        return names;
    }

    /** Trims honorifics; null when the span is not a name (pronoun, ordinary word, headline fragment, verb). */
    EntitySpan clean(String text, EntitySpan span, String language) {
        int start = span.start();
        int end = span.end();
        if (span.type() == EntityType.PERSON) {
            // leading honorifics and role words
            while (true) {
                int space = indexOfSpace(text, start, end);
                if (space < 0) {
                    break;
                }
                String first = text.substring(start, space).toLowerCase(Locale.ROOT);
                if (first.endsWith(".")) {
                    first = first.substring(0, first.length() - 1);
                }
                if (!NameNormalizer.PERSON_PREFIXES.contains(first)) {
                    break;
                }
                start = space + 1;
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
            }
        }
        if (start >= end) {
            return null;
        }
        if (!"ja".equals(language)) {
            int[] trimmed = OrganisationRules.trim(text, start, end, language);
            if (trimmed == null) {
                return null;
            }
            start = trimmed[0];
            end = trimmed[1];
        }
        // ordinary words in front of a name at the start of a sentence or in a headline ("Unlike Esperanto")
        boolean headline = "en".equals(language) && titleCaseLine(text, start);
        while (sentenceInitial(text, start) || headline) {
            int space = indexOfSpace(text, start, end);
            String first = stripOuter(text.substring(start, space < 0 ? end : space));
            if (space < 0 || !(headline ? CommonWords.isCommon(first, language) : CommonWords.isNeverName(first, language))) {
                break;
            }
            start = space + 1;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        if (headline) {
            // and behind it in a headline ("Meta's Artificial Intelligence")
            while (true) {
                int space = text.lastIndexOf(' ', end - 1);
                if (space <= start || !CommonWords.isCommon(stripOuter(text.substring(space + 1, end)), language)) {
                    break;
                }
                end = space;
            }
        }
        String surface = text.substring(start, end);
        if (GENERIC.contains(NameNormalizer.basic(surface))) {
            return null;
        }
        String[] words = surface.split("\\s+");
        if (words.length == 1 && CommonWords.isPronoun(stripOuter(surface), language)) {
            return null;
        }
        boolean latin = surface.codePoints().anyMatch(NameNormalizer::isWordChar);
        if (latin) {
            boolean allCommon = true;
            for (String w : words) {
                for (String part : w.split("[-']")) {
                    if (!part.isEmpty() && !CommonWords.isCommon(stripOuter(part), language)) {
                        allCommon = false;
                    }
                }
            }
            if (allCommon && (sentenceInitial(text, start) || "en".equals(language) && titleCaseLine(text, start))) {
                return null;
            }
            if ("fr".equals(language) && words.length == 1 && (INVERTED_PRONOUN.matcher(text).region(end, text.length())
                    .lookingAt() || VERB_WITH_PRONOUN.matcher(surface).matches())) {
                return null;
            }
        }
        EntityType type = OrganisationRules.retype(EntitySpan.of(text, span.type(), start, end), text, language);
        if (type == EntityType.COMPANY && "en".equals(language) && start >= 4 && text.startsWith("The ", start - 4)
                && !sentenceInitial(text, start - 4)) {
            start -= 4; // "The Beatles", "The CW": a capital "The" inside a sentence belongs to the name
        }
        if ((type == EntityType.COMPANY || type == EntityType.PERSON) && PlaceNames.isCountry(surface)) {
            type = EntityType.LOCATION;
        }
        return start == span.start() && end == span.end() && type == span.type() ? span
                : EntitySpan.of(text, type, start, end);
    }

    /** Links names to registry entities and to fuller names of the same text, and gives each its key. */
    private void link(String text, List<EntitySpan> spans, List<RecognizedName> names, EntityRegistry reg) {
        // full person names of the document: word -> key of the full name
        Map<String, RecognizedName> fullNames = new HashMap<>();
        List<RecognizedName> multi = new ArrayList<>();
        for (RecognizedName n : names) {
            if (n.type() == EntityType.PERSON) {
                multi.add(n);
            }
        }
        List<RecognizedName> fromSpans = new ArrayList<>();
        for (EntitySpan s : spans) {
            if (s.type().isFacet()) {
                String key = NameNormalizer.key(s.surface(), s.type());
                java.util.Optional<Entity> entity = reg.byKey(key);
                if (entity.isPresent() && entity.get().type() == s.type()) {
                    fromSpans.add(new RecognizedName(s.type(), s.start(), s.end(), s.surface(), entity.get().id(),
                            entity.get().id()));
                    continue;
                }
            }
            fromSpans.add(null);
        }
        for (int i = 0; i < spans.size(); i++) {
            EntitySpan s = spans.get(i);
            if (fromSpans.get(i) == null && s.type() == EntityType.PERSON
                    && NameNormalizer.key(s.surface(), EntityType.PERSON).contains(" ")) {
                String key = NameNormalizer.key(s.surface(), EntityType.PERSON);
                multi.add(new RecognizedName(s.type(), s.start(), s.end(), s.surface(),
                        DocumentEntity.UNLINKED_PREFIX + key, null));
            }
        }
        for (RecognizedName full : multi) {
            String key = NameNormalizer.key(full.surface(), EntityType.PERSON);
            String[] parts = key.split(" ");
            if (parts.length < 2) {
                continue;
            }
            for (String part : List.of(parts[parts.length - 1], parts[0])) {
                if (part.length() > 1) {
                    fullNames.putIfAbsent(part, full);
                }
            }
            for (String base : NameNormalizer.genitiveBases(key)) {
                fullNames.putIfAbsent(base, full);
            }
        }
        Map<String, String> unlinkedKeys = new HashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            EntitySpan s = spans.get(i);
            RecognizedName linked = fromSpans.get(i);
            if (linked != null) {
                names.add(linked);
                continue;
            }
            String basic = NameNormalizer.key(s.surface(), s.type().isFacet() ? s.type() : EntityType.PERSON);
            List<String> forms = new ArrayList<>();
            forms.add(basic);
            forms.addAll(NameNormalizer.genitiveBases(basic));
            RecognizedName result = null;
            for (String form : forms) {
                java.util.Optional<Entity> entity = reg.byKey(form);
                if (entity.isPresent() && (form.equals(basic) ? !basic.contains(" ") : true)) {
                    Entity e = entity.get();
                    result = new RecognizedName(e.type(), s.start(), s.end(), s.surface(), e.id(), e.id());
                    break;
                }
                if (!form.contains(" ") && fullNames.containsKey(form)) {
                    RecognizedName full = fullNames.get(form);
                    if (full.start() != s.start()) {
                        result = new RecognizedName(EntityType.PERSON, s.start(), s.end(), s.surface(), full.key(),
                                full.entityId());
                        break;
                    }
                }
            }
            if (result == null) {
                String key = null;
                if (s.type().isFacet()) {
                    String k = NameNormalizer.key(s.surface(), s.type());
                    // genitive of a name seen elsewhere in the text
                    for (String base : NameNormalizer.genitiveBases(k)) {
                        if (unlinkedKeys.containsKey(s.type() + base)) {
                            k = base;
                            break;
                        }
                    }
                    unlinkedKeys.put(s.type() + k, k);
                    key = DocumentEntity.UNLINKED_PREFIX + k;
                }
                result = new RecognizedName(s.type(), s.start(), s.end(), s.surface(), key, null);
            }
            names.add(result);
        }
    }

    /** The surface without a genitive ending when the key says so. */
    private static String displayForm(String surface, String key) {
        String s = NameNormalizer.trim(surface.strip());
        String k = key.startsWith(DocumentEntity.UNLINKED_PREFIX) ? key.substring(1) : key;
        String basic = NameNormalizer.basic(s);
        if (!basic.equals(k) && basic.length() > k.length() && basic.startsWith(k)
                && NameNormalizer.genitiveBases(basic).contains(k)) {
            return s.substring(0, s.length() - (basic.length() - k.length()));
        }
        return s;
    }

    private static String stripOuter(String word) {
        return NameNormalizer.trim(word);
    }

    private static int indexOfSpace(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether only openers (quotes, dashes, bullets) stand between the start of a sentence or line and here. */
    static boolean sentenceInitial(String text, int start) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00a0'
                || OPENERS.indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char c = text.charAt(i);
        return c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '…';
    }

    /** Whether the line around {@code at} is written in title case (a headline). */
    static boolean titleCaseLine(String text, int at) {
        int from = text.lastIndexOf('\n', at) + 1;
        int to = text.indexOf('\n', at);
        String line = text.substring(from, to < 0 ? text.length() : to);
        int words = 0;
        int capitalised = 0;
        for (String w : line.split("[^\\p{L}]+")) {
            if (w.length() >= 4) {
                words++;
                if (Character.isUpperCase(w.codePointAt(0))) {
                    capitalised++;
                }
            }
        }
        return words >= 3 && capitalised >= 0.75 * words;
    }
}
