package dev.newsportal.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written knowledge of how organisation names are built, per language, used to repair the statistical
 * recognisers' organisation errors: a name headed by an organisation word ("... Records", "... Football Club",
 * "Partido ...", "Universidad de ...") is an organisation whatever type the model gave it; a national team is an
 * organisation; a company name followed by a model number is a product; a span does not begin with a lower-case
 * article or preposition ("vom Verein ...", "aux Éditions du Seuil") and does not run over a preposition that never
 * occurs inside names ("Knicks de New York aux Nuggets").
 */
final class OrganisationRules {

    /** Words that end an organisation's name (English and German). */
    static final Map<String, Set<String>> LAST_WORD_HEADS = Map.of(
            "en", Set.of("records", "films", "pictures", "studios", "entertainment", "network", "networks", "club",
                    "fc", "f.c.", "afc", "party", "league", "conference", "association", "society", "foundation",
                    "institute", "corporation", "company", "group", "bank", "airlines", "airways", "motors", "council",
                    "committee", "federation", "agency", "ministry", "inc.", "inc", "ltd", "ltd.", "llc",
                    "plc", "orchestra", "philharmonic", "academy", "college", "university", "school", "navy", "army",
                    "corps", "police", "press", "publishing", "publishers", "media", "broadcasting", "holdings",
                    "industries", "laboratories", "labs", "technologies", "systems", "software", "games", "ensemble",
                    "choir", "brigade", "regiment", "division", "squadron", "band"),
            "de", Set.of("verein", "verband", "partei", "gesellschaft", "ag", "gmbh", "se", "kg", "bank", "club",
                    "fc", "sv", "stiftung", "institut", "universität", "hochschule", "akademie", "ministerium", "armee",
                    "records", "films", "network", "gruppe", "konzern", "orchester", "kommission", "bund", "union",
                    "rundfunk", "zeitung", "verlag", "werke", "company", "corporation", "inc.", "ltd.", "college",
                    "university", "league", "party"));

    /** Words that begin an organisation's name (Romance languages; German club prefixes). */
    static final Map<String, Set<String>> FIRST_WORD_HEADS = Map.of(
            "fr", Set.of("parti", "union", "ligue", "fédération", "association", "société", "banque", "compagnie",
                    "groupe", "fondation", "institut", "université", "académie", "éditions", "club", "olympique",
                    "racing", "as", "fc", "us", "sc", "rc", "ac", "conseil", "comité", "ministère", "armée",
                    "assemblée", "orchestre", "mouvement", "front", "agence", "office", "organisation", "commission"),
            "es", Set.of("partido", "unión", "liga", "federación", "asociación", "sociedad", "banco", "compañía",
                    "grupo", "fundación", "instituto", "universidad", "academia", "editorial", "club", "real",
                    "atlético", "deportivo", "consejo", "comité", "ministerio", "ejército", "orquesta", "movimiento",
                    "frente", "agencia", "organización", "comisión", "selección", "cd", "cf", "fc", "ca", "sd", "ud"),
            "de", Set.of("fc", "sv", "vfb", "vfl", "tsv", "sc", "tsg", "ca", "as", "us", "ac", "club", "verein",
                    "universität", "partei", "bank", "stiftung"),
            "en", Set.of("bank", "university", "fc", "afc"));

    /** Words that end a place or facility name: an "organisation" so headed is a place (English, German). */
    static final Map<String, Set<String>> PLACE_LAST_WORDS = Map.of(
            "en", Set.of("airport", "forest", "park", "center", "centre", "museum", "preserve", "reserve", "range",
                    "corridor", "site", "facility", "base", "complex", "station", "bridge", "river", "lake", "mountain",
                    "mountains", "island", "islands", "street", "avenue", "road", "canal", "bay", "valley", "desert",
                    "stadium", "arena", "tower", "building", "cathedral", "castle", "palace", "archipelago", "peninsula",
                    "strait", "sea", "ocean", "glacier", "falls", "square", "gardens", "garden", "cemetery", "highway",
                    "trail", "province", "district", "region", "county", "state", "territory", "republic", "kingdom"),
            "de", Set.of("flughafen", "airport", "park", "see", "berg", "fluss", "straße", "platz", "bahnhof",
                    "stadion", "insel", "inseln", "tal", "kanal", "brücke", "center", "museum", "gebirge", "kreis",
                    "region", "provinz", "republik", "königreich", "bucht", "meer", "schloss", "burg", "dom", "kirche"));

    /**
     * Words that end a place name and never a person's (unlike "Park" or "Hall"), English ones included for every
     * language since news in any language cites English place names ("Silicon Valley" as a person in German).
     */
    static final Set<String> PLACE_NOT_PERSON_LAST_WORDS = Set.of("valley", "street", "avenue", "road", "river", "lake",
            "mountain", "mountains", "island", "islands", "bay", "desert", "canal", "bridge", "airport", "station",
            "forest", "ocean", "sea", "strait", "peninsula", "archipelago", "glacier", "falls", "county", "province",
            "district", "region", "territory", "republic", "kingdom", "beach", "coast", "heights", "tal", "straße",
            "fluss", "gebirge", "insel", "inseln", "flughafen", "bahnhof");

    /** Words that end the name of an event, award or competition (not an organisation). */
    static final Map<String, Set<String>> EVENT_LAST_WORDS = Map.of(
            "en", Set.of("games", "championships", "championship", "cup", "olympics", "festival", "awards", "award",
                    "regatta", "tournament", "open", "prize", "trophy", "war", "wars", "series", "contest", "marathon",
                    "rally", "expo", "fair", "summit", "classic", "derby"),
            "de", Set.of("spiele", "meisterschaft", "meisterschaften", "pokal", "cup", "festival", "preis", "turnier",
                    "krieg", "games", "open", "awards"));

    /** Words that begin the name of an event, award or competition (French, Spanish). */
    static final Map<String, Set<String>> EVENT_FIRST_WORDS = Map.of(
            "fr", Set.of("coupe", "championnat", "championnats", "jeux", "festival", "prix", "tournoi", "trophée",
                    "guerre", "grand", "rallye", "salon", "exposition"),
            "es", Set.of("copa", "campeonato", "juegos", "premio", "premios", "torneo", "trofeo", "festival", "guerra",
                    "gran", "rally", "salón", "exposición", "mundial", "eurocopa"));

    /** Words that begin a place or facility name (French, Spanish). */
    static final Map<String, Set<String>> PLACE_FIRST_WORDS = Map.of(
            "fr", Set.of("aéroport", "parc", "lac", "mont", "monts", "île", "îles", "rue", "avenue", "place", "musée",
                    "gare", "pont", "château", "forêt", "rivière", "baie", "vallée", "canal", "cathédrale", "église",
                    "palais", "province", "région", "département", "royaume", "république", "détroit", "mer", "golfe",
                    "col", "massif", "plateau", "cap"),
            "es", Set.of("aeropuerto", "parque", "lago", "monte", "montes", "isla", "islas", "calle", "avenida",
                    "plaza", "museo", "estadio", "estación", "puente", "castillo", "bosque", "río", "bahía", "valle",
                    "canal", "catedral", "iglesia", "palacio", "sierra", "cordillera", "cerro", "provincia", "región",
                    "departamento", "reino", "república", "estrecho", "mar", "golfo", "península", "volcán",
                    "desierto", "cabo"));

    /** Lower-case words that never occur inside a name: a span that reaches one ends before it. */
    static final Map<String, Set<String>> BREAKS = Map.of(
            "fr", Set.of("aux", "pour", "par", "avec", "dans", "contre", "sur", "vers", "entre", "chez", "est", "sont",
                    "a", "ont", "qui", "que", "combat"),
            "es", Set.of("por", "para", "con", "contra", "sobre", "entre", "hacia", "es", "son", "fue", "que", "quien"),
            "de", Set.of("mit", "für", "gegen", "nach", "bei", "ist", "sind", "war", "wurde", "und"),
            "en", Set.of("for", "with", "against", "is", "was", "were", "are", "by", "from"));

    private static final Map<String, List<Pattern>> TEAMS = Map.of(
            "es", List.of(Pattern.compile("[Ss]elección (?:nacional )?(?:femenina |masculina )?de (?:fútbol|baloncesto|"
                    + "voleibol|balonmano|rugby|hockey)(?: (?:sub-\\d+|femenina|masculina|playa|sala))* del? "
                    + "(?:(?:la|el|los|las) )?\\p{Lu}[\\p{L}.]*(?: (?:del?|y|e) \\p{Lu}[\\p{L}.]*| \\p{Lu}[\\p{L}.]*)*")),
            "de", List.of(Pattern.compile("(?:(?!(?:[Ss]eine|[Ii]hre|[Uu]nsere|[Ee]ine|[Dd]iese|[Jj]ene|[Kk]eine|[Dd]eren|[Dd]essen)[nrs]?\\s)"
                    + "\\p{L}{3,}(?:e|en|er|es) )?\\p{Lu}\\p{Ll}*[Nn]ationalmannschaft"
                    + "(?: (?:der|von|des) (?:\\p{Lu}[\\p{L}]+)(?: \\p{Lu}[\\p{L}]+)*)?")));

    private static final Pattern MODEL_NUMBER = Pattern.compile(
            "^ (?:(?:\\p{Lu}{1,3} ?)?\\d+[\\p{L}\\d]*|\\p{Lu}{2,4}(?:-?\\d+)?)(?![\\p{L}\\d])");
    private static final Pattern PRODUCT_CODE = Pattern.compile("\\p{Lu}{2,4}");
    /** Legal forms and words that follow a company's name without making it a product. */
    private static final Set<String> NOT_PRODUCT_CODES = Set.of("AG", "SE", "SA", "NV", "BV", "LLC", "PLC", "LTD", "INC",
            "CO", "KG", "GMBH", "USA", "UK", "US", "EU", "HQ", "CEO", "CFO", "CTO", "PR", "TV", "II", "III", "IV",
            // club abbreviations: "Neuchâtel Xamax FC", "Odense BK"
            "FC", "CF", "BK", "BC", "SC", "AC", "CD", "SK", "IF", "FK", "SV", "AFC", "CFC", "RFC", "HC", "HK", "KK", "UD",
            "SD", "CA", "AS", "RC", "VV", "AIK", "IFK", "FF", "JK", "NK", "PFC", "SSC", "TSV", "VFB", "VFL");
    /**
     * Words that end a sports club's name in English-speaking football and rugby ("Queens Park Rangers", "Bolton
     * Wanderers", "West Bromwich Albion"), cited in every language; not "City" or "Town", which also end city names.
     */
    static final Set<String> CLUB_LAST_WORDS = Set.of("united", "rovers", "rangers", "wanderers", "athletic", "albion",
            "hotspur", "argyle", "academicals");
    /** Words that begin a sports club's name in any language ("Deportivo Alavés", "Dynamo Kiew", "Real Madrid"). */
    static final Set<String> CLUB_FIRST_WORDS = Set.of("deportivo", "atlético", "atletico", "real", "sporting", "racing",
            "olympique", "dynamo", "dinamo", "lokomotiv", "lokomotive", "spartak", "slavia", "sparta", "torpedo",
            "partizan", "stade");
    /** Abbreviations that begin a club's name: "FC Utrecht", "TSG 1899 Hoffenheim", "SSV Jahn Regensburg". */
    static final Set<String> CLUB_ABBREVIATIONS = Set.of("FC", "SC", "SV", "AC", "AS", "CF", "CD", "FK", "NK", "SK", "HK",
            "BK", "IF", "IK", "AFC", "VfB", "VfL", "TSV", "TSG", "SSV", "FSV", "UD", "SD", "RC", "KV", "KVV", "KAA", "KSC",
            "RSC", "PFC", "HNK", "BC", "KK", "SSC", "SpVgg", "MSV", "HSV", "TuS", "VV", "ACF", "OFK", "PSV", "SKN",
            "SCR", "ASK");
    /** Abbreviations that end a club's name ("Villarreal CF", "Odense BK"); not "SC" or "CA" (US states). */
    static final Set<String> CLUB_LAST_ABBREVIATIONS = Set.of("FC", "CF", "AFC", "PFC", "SK", "FK", "NK", "BK", "IF",
            "IK", "FF", "UD", "SV", "VV", "KV", "BSC", "SSC", "KK");
    private static final Pattern CLUB_TAIL = Pattern.compile(
            "(?: (?:1[89]|20)\\d\\d)?(?: \\p{Lu}[\\p{L}\\p{N}'’.]*(?:-\\p{Lu}?[\\p{L}\\p{N}'’.]*)*){1,3}(?: (?:1[89]|20)?\\d\\d(?![\\p{L}\\p{N}]))?");

    /**
     * A club abbreviation that the model took alone or cut short ("TSG" of "TSG 1899 Hoffenheim", "FC" + "Tom
     * Tomsk"): the organisation runs over the year and capitalised words after it, taking in names found there.
     */
    static List<EntitySpan> joinClubs(String text, List<EntitySpan> spans) {
        List<EntitySpan> out = new ArrayList<>(spans.size());
        for (int k = 0; k < spans.size(); k++) {
            EntitySpan span = spans.get(k);
            int space = span.surface().indexOf(' ');
            String first = space < 0 ? span.surface() : span.surface().substring(0, space);
            if (span.type() != EntityType.PERSON && CLUB_ABBREVIATIONS.contains(first)
                    && (span.type() == EntityType.COMPANY || space > 0)) {
                Matcher tail = CLUB_TAIL.matcher(text).region(span.start() + first.length(), text.length());
                if (tail.lookingAt() && tail.end() > span.end()) {
                    int end = tail.end();
                    // the words may hold other names: take in those that end inside, stop before one that runs past
                    int j = k + 1;
                    while (j < spans.size() && spans.get(j).start() < end) {
                        if (spans.get(j).end() > end) {
                            end = Math.max(span.end(), spans.get(j).start() - 1);
                            break;
                        }
                        j++;
                    }
                    if (end > span.end()) {
                        out.add(EntitySpan.of(text, EntityType.COMPANY, span.start(), end));
                        k = j - 1;
                        continue;
                    }
                }
            }
            out.add(span);
        }
        return out;
    }

    /** Words that begin a place's name in English, cited in any language; never a person's first name. */
    static final Set<String> PLACE_FIRST_WORDS_ANY = Set.of("lake", "fort", "mount", "mt.", "cape", "port", "camp",
            "point", "lago", "isla", "île", "mont");

    /** Turkish clubs: "Kayserispor", "Gençlerbirliği Ankaraspor". */
    private static final Pattern TURKISH_CLUB = Pattern.compile("\\p{Lu}\\p{L}{2,}spor");
    /**
     * A plural English noun as the last word of a place-like name is a team ("Chicago Bulls", "Dallas Mavericks",
     * "Baltimore Orioles"): a consonant before the s (not Spanish or Italian plurals, "Unidos", "Canarias") or -ers,
     * -ies, -les, -kes, -ves.
     */
    private static final Pattern ENGLISH_PLURAL = Pattern.compile("\\p{Lu}\\p{Ll}+(?:[bcdfghklmnprtwyz]|er|ie|le|ke|ve)s");
    /** Plural words that end place names ("Niagara Falls", "Golan Heights", "Cayman Islands", "Swiss Alps"). */
    static final Set<String> PLACE_PLURALS = Set.of("falls", "heights", "islands", "isles", "springs", "hills", "lakes",
            "states", "highlands", "lowlands", "mountains", "rocks", "keys", "woods", "fields", "gardens", "flats",
            "sands", "downs", "narrows", "plains", "territories", "provinces", "emirates", "alps", "rockies", "midlands",
            "glades", "everglades", "cascades", "dolomites", "works", "docks", "towers", "grounds", "meadows",
            "cliffs", "banks", "reefs", "straits", "waters", "lands", "kingdoms", "americas", "countries", "mills",
            "caves", "forks", "crossroads", "ridges", "pines", "oaks", "palms", "ranges", "ghats", "kills", "bridges");
    /** Words that begin place names and so come before a plural that is part of one ("Los Angeles", "New Orleans"). */
    static final Set<String> PLACE_PREFIXES = Set.of("los", "las", "les", "new", "nueva", "nuevo", "fort", "mount", "mont",
            "port", "porto", "san", "santa", "são", "saint", "st.", "sainte", "cape", "kap", "cap", "isle", "lake", "west",
            "east", "north", "south", "upper", "lower", "great", "little", "old", "sea", "bad", "indian", "the", "grand",
            "des", "cedar", "de", "du", "la", "le", "el");
    private static final Pattern CAPITALISED_WORDS = Pattern.compile("\\p{Lu}\\S*(?:\\s+\\p{Lu}\\S*)*");
    private static final Pattern YEAR = Pattern.compile("^ (1[89]|20)\\d\\d(?![\\p{L}\\d])");

    private OrganisationRules() {
    }

    /** National teams and similar fixed patterns: organisation spans found in the text. */
    static List<EntitySpan> patterns(String text, String language) {
        List<Pattern> patterns = TEAMS.get(language);
        if (patterns == null) {
            return List.of();
        }
        List<EntitySpan> spans = new ArrayList<>();
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                spans.add(EntitySpan.of(text, EntityType.COMPANY, m.start(), m.end()));
            }
        }
        return spans;
    }

    private static final Pattern CAPITALISED = Pattern.compile(
            "\\p{Lu}[\\p{L}\\p{N}'’.&-]*(?:(?: (?:of|and|&|for|the|de|du|des|del|la|le|el|los|las|der|die|das|für|und)"
            + "(?= \\p{Lu}))* \\p{Lu}[\\p{L}\\p{N}'’.&-]*)*");
    private static final Pattern LOWER_HEAD_FIRST = Pattern.compile("\\p{Ll}+");

    /**
     * Organisation names the model missed, by their head word: a run of capitalised words ending with an English or
     * German head ("American League", "Legend Films") or beginning with a French or Spanish one ("Partido Popular").
     */
    static List<EntitySpan> headed(String text, String language, List<EntitySpan> existing) {
        if ("de".equals(language)) {
            return List.of(); // German capitalises every noun: too many capitalised runs end in a head word
        }
        Set<String> last = LAST_WORD_HEADS.get(language);
        Set<String> first = FIRST_WORD_HEADS.get(language);
        if (last == null && first == null) {
            return List.of();
        }
        List<EntitySpan> spans = new ArrayList<>();
        Matcher m = CAPITALISED.matcher(text);
        while (m.find()) {
            if (m.start() > 0 && Character.isLetterOrDigit(text.charAt(m.start() - 1))) {
                continue;
            }
            String[] words = m.group().toLowerCase(java.util.Locale.ROOT).split(" ");
            if (words.length < 2) {
                continue;
            }
            boolean headed = last != null && last.contains(words[words.length - 1])
                    || first != null && first.contains(words[0]) && !"en".equals(language);
            int start = m.start();
            int end = m.end();
            if (!headed || existing.stream().anyMatch(e -> e.overlaps(start, end))) {
                continue;
            }
            spans.add(EntitySpan.of(text, EntityType.COMPANY, start, end));
        }
        return spans;
    }

    /** Trims leading lower-case words and cuts the span before a break word; null when nothing is left. */
    static int[] trim(String text, int start, int end, String language) {
        for (Pattern team : TEAMS.getOrDefault(language, List.of())) {
            if (team.matcher(text).region(start, end).matches()) {
                return new int[] {start, end}; // "selección de fútbol de Japón", "israelische Fußballnationalmannschaft"
            }
        }
        // leading lower-case words (articles, prepositions): "vom", "am", "du", "aux"
        while (start < end && Character.isLowerCase(text.codePointAt(start))) {
            int space = indexOf(text, ' ', start, end);
            if (space < 0) {
                return null;
            }
            start = space + 1;
        }
        Set<String> breaks = BREAKS.get(language);
        if (breaks != null) {
            int from = start;
            while (true) {
                int space = indexOf(text, ' ', from, end);
                if (space < 0) {
                    break;
                }
                int next = indexOf(text, ' ', space + 1, end);
                String word = text.substring(space + 1, next < 0 ? end : next);
                if (breaks.contains(word)) {
                    end = space;
                    break;
                }
                from = space + 1;
            }
        }
        return start < end ? new int[] {start, end} : null;
    }

    /** The type a span should have, by its head word; its own type otherwise. */
    static EntityType retype(EntitySpan span, String text, String language) {
        String[] words = span.surface().toLowerCase(java.util.Locale.ROOT).split("\\s+");
        if (words.length == 0) {
            return span.type();
        }
        Set<String> last = LAST_WORD_HEADS.get(language);
        Set<String> first = FIRST_WORD_HEADS.get(language);
        boolean headed = (last != null && words.length > 1 && last.contains(words[words.length - 1]))
                || (first != null && words.length > 1 && first.contains(words[0]));
        if (span.type() == EntityType.COMPANY && !"de".equals(language)) {
            // "Saab 93", "Motorola 68040", "Jaguar XK", "Nintendo DS", "BMW Serie 6": a product (in German,
            // "Hannover 96" and "Schalke 04" are clubs)
            Matcher next = MODEL_NUMBER.matcher(text).region(span.end(), text.length());
            if (next.lookingAt() && !YEAR.matcher(text).region(span.end(), text.length()).lookingAt()
                    && !NOT_PRODUCT_CODES.contains(next.group().strip())) {
                return EntityType.MISC;
            }
            String[] raw = span.surface().split("\\s+");
            String lastRaw = raw[raw.length - 1];
            if (raw.length > 1 && PRODUCT_CODE.matcher(lastRaw).matches() && !NOT_PRODUCT_CODES.contains(lastRaw)
                    && !PRODUCT_CODE.matcher(raw[0]).matches() && !YEAR.matcher(" " + lastRaw).lookingAt()) {
                return EntityType.MISC;
            }
        }
        String[] rawWords = span.surface().strip().split("\\s+");
        if (span.type() == EntityType.PERSON && words.length > 1 && PLACE_FIRST_WORDS_ANY.contains(words[0])) {
            return EntityType.LOCATION; // "Lake Powell", "Fort Baker", "Mount Rainier"
        }
        if (words.length > 1 && CLUB_LAST_ABBREVIATIONS.contains(rawWords[rawWords.length - 1].replace(".", ""))
                && span.type() != EntityType.COMPANY) {
            return EntityType.COMPANY; // "Villarreal CF", "Al Ahly SC"
        }
        if (words.length > 1 && (CLUB_LAST_WORDS.contains(words[words.length - 1])
                || CLUB_FIRST_WORDS.contains(words[0])
                || span.type() != EntityType.PERSON && CLUB_ABBREVIATIONS.contains(rawWords[0]))
                || TURKISH_CLUB.matcher(span.surface().substring(span.surface().lastIndexOf(' ') + 1)).matches()) {
            return EntityType.COMPANY;
        }
        if (span.type() == EntityType.LOCATION && words.length > 1 && words.length <= 4
                && !PLACE_PLURALS.contains(words[words.length - 1])
                && !PLACE_PREFIXES.contains(words[words.length - 2])
                && CAPITALISED_WORDS.matcher(span.surface()).matches()
                && ENGLISH_PLURAL.matcher(span.surface().substring(span.surface().lastIndexOf(' ') + 1)).matches()) {
            return EntityType.COMPANY;
        }
        if (span.type() == EntityType.PERSON && words.length > 1
                && (EVENT_LAST_WORDS.get("en").contains(words[words.length - 1])
                        || EVENT_LAST_WORDS.getOrDefault(language, Set.of()).contains(words[words.length - 1]))) {
            return EntityType.MISC; // "Hunger Games", "Star Wars", "Grammy Awards" (English titles in any language)
        }
        if (span.type() == EntityType.PERSON && words.length > 1
                && PLACE_NOT_PERSON_LAST_WORDS.contains(words[words.length - 1])) {
            return EntityType.LOCATION;
        }
        if (headed) {
            return EntityType.COMPANY;
        }
        Set<String> eventLast = EVENT_LAST_WORDS.get(language);
        Set<String> eventFirst = EVENT_FIRST_WORDS.get(language);
        if (span.type() == EntityType.COMPANY && words.length > 1
                && (eventLast != null && eventLast.contains(words[words.length - 1])
                        || eventFirst != null && eventFirst.contains(words[0]))) {
            return EntityType.MISC;
        }
        if (span.type() == EntityType.COMPANY && words.length == 1 && "en".equals(language)
                && words[0].endsWith("shire")) {
            return EntityType.LOCATION; // English counties
        }
        Set<String> placeLast = PLACE_LAST_WORDS.get(language);
        Set<String> placeFirst = PLACE_FIRST_WORDS.get(language);
        if (span.type() == EntityType.COMPANY && words.length > 1
                && (placeLast != null && placeLast.contains(words[words.length - 1])
                        || placeFirst != null && placeFirst.contains(words[0]))) {
            return EntityType.LOCATION;
        }
        return span.type();
    }

    private static int indexOf(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
