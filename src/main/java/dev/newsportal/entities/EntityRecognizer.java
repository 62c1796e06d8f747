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
 *             places, never persons or companies;</li>
 *         <li>a name with a digit is not a person ("Covid-19"), and a one-word organisation that is a generic noun of
 *             the language ({@link #INSTITUTIONS}: "Gobierno", "Parlement", "Regierung", or a word nearly always
 *             written in lower case) is not a company unless the registry knows it.</li>
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
    /** Honorifics that are also common first names: kept at the start of a person's name. */
    private static final java.util.Set<String> FIRST_NAMES_TOO = java.util.Set.of("don", "doña", "earl");
    private static final Pattern INITIAL = Pattern.compile("\\s+\\p{Lu}\\.");
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
        if (!"ja".equals(lang)) {
            found = OrganisationRules.joinClubs(text, found);
        }
        found = fragments(text, found, mentions, lang);
        found = coordinated(text, found, mentions, lang);
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

    /** Words that title-case styles keep in lower case (prepositions, conjunctions). */
    private static final java.util.Set<String> HEADLINE_LOWER = java.util.Set.of("with", "from", "into", "over", "about",
            "after", "than", "that", "this", "onto", "upon", "amid", "under", "before", "between", "without", "through",
            "against", "during", "since", "until", "across", "behind", "beyond", "toward", "towards", "within", "among",
            "when", "while", "what", "your", "their", "says", "said");
    /** Titles that are not trimmed off names ("Duke Ellington", "Prince Harry") but are no name alone. */
    private static final Map<String, java.util.Set<String>> LONE_TITLES = Map.of(
            "en", java.util.Set.of("duke", "duchess", "prince", "princess", "baron", "baroness", "pope", "king", "queen",
                    "emperor", "empress", "bishop", "archbishop", "cardinal", "sultan", "tsar", "viscount", "marquess"),
            "de", java.util.Set.of("herzog", "herzogin", "prinz", "prinzessin", "graf", "gräfin", "fürst", "fürstin",
                    "könig", "königin", "kaiser", "kaiserin", "papst", "bischof", "kardinal", "sultan", "zar"),
            "fr", java.util.Set.of("duc", "duchesse", "prince", "princesse", "comte", "comtesse", "roi", "reine", "pape",
                    "empereur", "impératrice", "évêque", "cardinal", "sultan", "tsar"),
            "es", java.util.Set.of("duque", "duquesa", "príncipe", "princesa", "conde", "condesa", "rey", "reina", "papa",
                    "emperador", "emperatriz", "obispo", "cardenal", "sultán", "zar"));
    private static final Pattern GENERIC_OWNED = Pattern.compile(
            "(\\S+)\\s+(?:de|of|von|der|des|du|del|di|da|d['’])\\s*(?=\\p{Lu})");
    /** Separators of navigation, share and attribution lines ("iFanr | Originallink · Kommentare anzeigen"). */
    private static final Pattern UI_SEPARATOR = Pattern.compile("\\s[·|•]\\s");
    private static final Pattern GENITIVE_NAME = Pattern.compile(" ?['’] ?s (\\p{Lu}\\p{Ll}+)(?![\\p{L}\\p{N}])");
    private static final String QUOTES = "\"“”«»„‘’'‹›";
    /** Words after a name that do not continue it ("Apple CEO Tim Cook", "Tesla Chief Executive Elon Musk"). */
    private static final java.util.Set<String> ROLE_WORDS = java.util.Set.of("chief", "executive", "chairman", "chairwoman",
            "founder", "co-founder", "president", "boss", "spokesman", "spokeswoman", "spokesperson", "director", "head",
            "manager", "coach", "vice", "senior", "general", "secretary", "minister", "inc", "inc.", "corp", "corp.");

    /**
     * Statistical names that are a fragment or the whole of a title: a person or organisation standing alone between
     * quotes is the title of a work (" Melissa " the song, « Harry Potter » the series), and, outside German (where
     * every noun is capitalised) and title-case lines, a person or organisation directly followed by a capitalised word
     * that belongs to no other name is the start of a longer name the model cut short ("John Muir Wilderness", "FIFA
     * World Cup"). Both become MISC.
     */
    static List<EntitySpan> fragments(String text, List<EntitySpan> spans, List<Mention> mentions, String language) {
        List<EntitySpan> out = new ArrayList<>(spans.size());
        for (EntitySpan span : spans) {
            if (span.type() != EntityType.PERSON && span.type() != EntityType.COMPANY) {
                out.add(span);
                continue;
            }
            int b = span.start() - 1;
            while (b >= 0 && text.charAt(b) == ' ') {
                b--;
            }
            int a = span.end();
            while (a < text.length() && text.charAt(a) == ' ') {
                a++;
            }
            boolean enclosed = b >= 0 && a < text.length() && QUOTES.indexOf(text.charAt(b)) >= 0
                    && QUOTES.indexOf(text.charAt(a)) >= 0 && (b == 0 || !Character.isLetterOrDigit(text.charAt(b - 1)))
                    && (a + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(a + 1)));
            boolean cutShort = false;
            if (!enclosed && !"de".equals(language) && !"ja".equals(language) && a == span.end() + 1 && a < text.length()
                    && Character.isUpperCase(text.charAt(a)) && !titleCaseLine(text, span.start())) {
                int e = a;
                while (e < text.length() && !Character.isWhitespace(text.charAt(e))) {
                    e++;
                }
                String next = text.substring(a, e);
                String word = NameNormalizer.trim(next);
                final int from = a;
                boolean otherName = spans.stream().anyMatch(o -> o != span && o.start() <= from && from < o.end())
                        || mentions.stream().anyMatch(m -> m.start() <= from && from < m.end());
                cutShort = !otherName && !word.isEmpty() && Character.isUpperCase(word.charAt(0))
                        && word.length() == next.length() // no punctuation attached: "Smith, Jones"
                        && !word.equals(word.toUpperCase(Locale.ROOT)) // "Apple CEO", "Meta AI", "Smith I"
                        && !ROLE_WORDS.contains(word.toLowerCase(Locale.ROOT))
                        && !NameNormalizer.PERSON_PREFIXES.contains(word.toLowerCase(Locale.ROOT))
                        && !GENERIC.contains(word.toLowerCase(Locale.ROOT))
                        && !CommonWords.isPronoun(word, language);
            }
            if (!enclosed && !cutShort && span.type() == EntityType.PERSON && "en".equals(language)) {
                // a person's possessive starting a longer name: "Martha's Vineyard", "Jehovah's Witnesses"
                java.util.regex.Matcher genitive = GENITIVE_NAME.matcher(text).region(span.end(), text.length());
                if (genitive.lookingAt() && !titleCaseLine(text, span.start())) {
                    final int from = genitive.start(1);
                    String word = genitive.group(1);
                    cutShort = spans.stream().noneMatch(o -> o.start() <= from && from < o.end())
                            && mentions.stream().noneMatch(m -> m.start() <= from && from < m.end())
                            && !word.equals(word.toUpperCase(Locale.ROOT)) && !GENERIC.contains(word.toLowerCase(Locale.ROOT));
                }
            }
            if (span.type() == EntityType.PERSON && uiSegment(text, span)) {
                continue;
            }
            out.add(enclosed || cutShort ? EntitySpan.of(text, EntityType.MISC, span.start(), span.end()) : span);
        }
        return out;
    }

    private static final Pattern LIST_SEPARATOR = Pattern.compile(
            "\\s*(?:,|;|\\s(?:und|and|et|y|e|sowie|oder|or|ou|o|as well as)(?=\\s))\\s*");
    private static final Pattern FULL_NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}'’-]*\\.?(?:\\s+\\p{Lu}[\\p{L}'’-]*\\.?){1,2}");
    /** German abbreviations that recognisers take for a name ("v. Chr."). */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("Chr");

    /**
     * Coordinated names are of one kind: in an enumeration ("Goldie Hawn, Meryl Streep und Bruce Willis") with at least
     * two persons and more persons than anything else, an item of two or three capitalised words that the model left out
     * or typed otherwise is a person too.
     */
    static List<EntitySpan> coordinated(String text, List<EntitySpan> spans, List<Mention> mentions, String language) {
        if ("ja".equals(language)) {
            return spans;
        }
        List<EntitySpan> out = new ArrayList<>();
        for (EntitySpan span : spans) {
            if (span.type() == EntityType.PERSON && ABBREVIATIONS.contains(span.surface())
                    && span.end() < text.length() && text.charAt(span.end()) == '.') {
                continue;
            }
            out.add(span);
        }
        // items: maximal stretches between separators, sentence by sentence
        List<int[]> items = new ArrayList<>();
        java.util.regex.Matcher sep = LIST_SEPARATOR.matcher(text);
        int from = 0;
        while (sep.find()) {
            items.add(new int[] {from, sep.start()});
            from = sep.end();
        }
        items.add(new int[] {from, text.length()});
        // group consecutive items that are each a single name (or a candidate) into lists
        List<EntitySpan> added = new ArrayList<>();
        int i = 0;
        while (i < items.size()) {
            int j = i;
            List<EntitySpan> members = new ArrayList<>();
            List<int[]> candidates = new ArrayList<>();
            while (j < items.size()) {
                int[] item = items.get(j);
                int s = item[0];
                int e = item[1];
                while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || ".!?:)".indexOf(text.charAt(e - 1)) >= 0)) {
                    e--; // "... und Richard Branson."
                }
                if (e - s < 2) {
                    break;
                }
                EntitySpan exact = null;
                for (EntitySpan span : out) {
                    // the first item may begin with the clause that leads into the list ("darunter Justin Bieber")
                    if ((span.start() == s || j == i && span.start() > s) && span.end() == e) {
                        exact = span;
                    }
                }
                final int s0 = s;
                final int e0 = e;
                boolean candidate = exact == null && FULL_NAME.matcher(text).region(s, e).matches()
                        && out.stream().noneMatch(o -> o.overlaps(s0, e0))
                        && mentions.stream().noneMatch(m -> m.start() < e0 && s0 < m.end());
                if (exact == null && !candidate) {
                    break;
                }
                if (exact != null) {
                    members.add(exact);
                } else {
                    candidates.add(new int[] {s, e});
                }
                j++;
            }
            long persons = members.stream().filter(m -> m.type() == EntityType.PERSON).count();
            if (persons >= 2 && persons * 2 > members.size()) {
                for (int[] c : candidates) {
                    String surface = text.substring(c[0], c[1]);
                    boolean ordinary = false;
                    for (String w : surface.split("\\s+")) {
                        if (CommonWords.isCommon(NameNormalizer.trim(w), language)) {
                            ordinary = true;
                        }
                    }
                    if (!ordinary) {
                        added.add(EntitySpan.of(text, EntityType.PERSON, c[0], c[1]));
                    }
                }
                for (EntitySpan m : members) {
                    if (m.type() != EntityType.PERSON && m.surface().strip().contains(" ")
                            && FULL_NAME.matcher(m.surface()).matches()) {
                        out.set(out.indexOf(m), EntitySpan.of(text, EntityType.PERSON, m.start(), m.end()));
                    }
                }
            }
            i = Math.max(j, i + 1);
        }
        if (!added.isEmpty()) {
            out.addAll(added);
            out.sort(Comparator.comparingInt(EntitySpan::start));
        }
        return out;
    }

    /**
     * Whether a name is a whole item of a navigation, share or attribution line: a line of short items (at most four
     * words) separated by at least two of "·", "|" or "•" ("iFanr | Originallink · Kommentare anzeigen · Sina Weibo"),
     * where items are site names and links, not persons.
     */
    static boolean uiSegment(String text, EntitySpan span) {
        int from = text.lastIndexOf('\n', span.start()) + 1;
        int to = text.indexOf('\n', span.end());
        String line = text.substring(from, to < 0 ? text.length() : to);
        String[] items = UI_SEPARATOR.split(line, -1);
        if (items.length < 3) {
            return false;
        }
        for (String item : items) {
            if (item.strip().split("\\s+").length > 4) {
                return false;
            }
        }
        String surface = span.surface().strip();
        for (String item : items) {
            if (item.strip().equals(surface)) {
                return true;
            }
        }
        return false;
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
                if (!NameNormalizer.PERSON_PREFIXES.contains(first) || FIRST_NAMES_TOO.contains(first)
                        || first.length() == 1 && INITIAL.matcher(text).region(space, end).lookingAt()) {
                    break; // "Don DeLillo", "Earl Weaver", "M. F. Husain": a first name or an initial
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
        // "IA de Meta", "AI of Google", "KI von Meta": a generic word with its owner is the owner's name
        java.util.regex.Matcher owned = GENERIC_OWNED.matcher(text).region(start, end);
        if (owned.lookingAt() && GENERIC.contains(NameNormalizer.basic(owned.group(1)))) {
            start = owned.end();
        }
        String surface = text.substring(start, end);
        if (GENERIC.contains(NameNormalizer.basic(surface))) {
            return null;
        }
        String[] words = surface.split("\\s+");
        if (words.length == 1 && CommonWords.isPronoun(stripOuter(surface), language)) {
            return null;
        }
        if (span.type() == EntityType.PERSON && words.length == 1
                && LONE_TITLES.getOrDefault(language, java.util.Set.of()).contains(NameNormalizer.basic(surface))) {
            return null; // a title alone ("the Duke", "der Papst") names nobody in particular
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
        if (type == EntityType.PERSON && surface.codePoints().anyMatch(Character::isDigit)) {
            type = EntityType.MISC; // "Covid-19", "G7", "Windows 11": names with digits are not persons
        }
        if (type == EntityType.COMPANY && genericOrganisation(text.substring(start, end), language)) {
            type = EntityType.MISC; // "Gobierno", "Parlement", "Regierung": an institution, not a named one
        }
        return start == span.start() && end == span.end() && type == span.type() ? span
                : EntitySpan.of(text, type, start, end);
    }

    /**
     * Generic nouns for institutions, per language, that recognisers take for an organisation's name when written
     * with a capital ("el Gobierno", "le Parlement", "die Regierung"): alone they name no organisation in particular.
     * Written from general knowledge of the languages (not from any evaluation data).
     */
    static final Map<String, java.util.Set<String>> INSTITUTIONS = Map.of(
            "en", java.util.Set.of("government", "state", "parliament", "ministry", "police",
                    "military", "church", "court", "institute", "university", "commission", "council",
                    "department", "agency", "company", "firm", "group", "bank", "party", "opposition", "administration",
                    "cabinet", "assembly", "federation", "association", "foundation", "union", "authority", "board",
                    "committee", "prosecutor", "prosecutors", "city", "municipality"),
            "de", java.util.Set.of("regierung", "bundesregierung", "landesregierung", "staatsregierung", "staat",
                    "parlament", "landtag", "kongress", "senat", "ministerium", "polizei", "justiz", "armee", "militär",
                    "kirche", "gericht", "institut", "universität", "hochschule", "kommission", "rat", "behörde",
                    "verwaltung", "rathaus", "konzern", "unternehmen", "firma", "gesellschaft", "bank", "partei",
                    "gewerkschaft", "opposition", "koalition", "stadt", "gemeinde", "bund", "länder", "staatsanwaltschaft",
                    "ministerrat", "verband", "verein", "stiftung", "ausschuss", "agentur", "amt", "konzernleitung",
                    "vorstand", "aufsichtsrat"),
            "fr", java.util.Set.of("gouvernement", "état", "etat", "parlement", "sénat", "assemblée", "conseil",
                    "ministère", "gendarmerie", "police", "justice", "armée", "église", "tribunal", "cour", "institut",
                    "université", "commission", "préfecture", "mairie", "parquet", "région", "département", "agence",
                    "fondation", "compagnie", "société", "entreprise", "groupe", "banque", "syndicat", "parti",
                    "opposition", "majorité", "association", "fédération", "union", "autorité", "comité", "ville",
                    "commune", "municipalité", "administration"),
            "es", java.util.Set.of("gobierno", "estado", "congreso", "senado", "parlamento", "ministerio", "policía",
                    "ejército", "iglesia", "tribunal", "fiscalía", "ayuntamiento", "junta", "universidad", "instituto",
                    "consejo", "comisión", "cámara", "asamblea", "corte", "presidencia", "administración", "gabinete",
                    "partido", "sindicato", "banco", "empresa", "compañía", "secretaría", "procuraduría", "oposición",
                    "ejecutivo", "legislativo", "judicial", "marina", "armada", "agencia", "fundación",
                    "asociación", "federación", "unión", "autoridad", "comité", "ciudad", "municipio", "alcaldía",
                    "municipalidad"));

    /**
     * Whether a one-word organisation name is a generic noun of the language: an institution ({@link #INSTITUTIONS})
     * or a word written in lower case nearly always ({@link CommonWords#isNeverName}), unless the registry knows it.
     */
    boolean genericOrganisation(String surface, String language) {
        String word = stripOuter(surface.strip());
        if (word.isEmpty() || word.codePoints().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (registry.byKey(NameNormalizer.key(word, EntityType.COMPANY)).isPresent()) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        return INSTITUTIONS.getOrDefault(language, java.util.Set.of()).contains(lower)
                || !word.equals(word.toUpperCase(Locale.ROOT)) && CommonWords.isNeverName(word, language);
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
        int lowerContent = 0;
        for (String w : line.split("[^\\p{L}]+")) {
            if (w.length() >= 4) {
                words++;
                if (Character.isUpperCase(w.codePointAt(0))) {
                    capitalised++;
                } else if (w.equals(w.toLowerCase(Locale.ROOT)) && !HEADLINE_LOWER.contains(w)) {
                    lowerContent++;
                }
            }
        }
        // a sentence listing names ("The film starred Leonardo DiCaprio, Tom Hardy and Will Poulter") is mostly
        // capitalised too, but has lower-case verbs and nouns; a title-case headline keeps only small words lower-case
        return words >= 3 && capitalised >= 0.75 * words && lowerContent <= (words >= 8 ? 1 : 0);
    }
}
