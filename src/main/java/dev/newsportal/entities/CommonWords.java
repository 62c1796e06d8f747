package dev.newsportal.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per language, the words that are normally written in lower case ({@code entities/common-words-LANG.txt}, counted on
 * the project's news corpus), plus pronouns and determiners. A capitalised one at the start of a sentence or in a
 * title-case headline is not a name.
 */
public final class CommonWords {

    /** Pronouns and other function words that recognisers take for names; always rejected as a whole name. */
    static final Map<String, Set<String>> PRONOUNS = Map.of(
            "en", Set.of("i", "he", "she", "it", "we", "they", "you", "his", "her", "hers", "him", "its", "our", "their",
                    "them", "my", "your", "me", "us", "himself", "herself", "this", "that", "these", "those", "the",
                    "a", "an", "mr", "mrs", "ms", "dr", "sir"),
            "de", Set.of("ich", "du", "er", "sie", "es", "wir", "ihr", "ihm", "ihn", "ihnen", "sein", "seine", "seiner",
                    "seinem", "seinen", "ihre", "ihrer", "ihrem", "ihren", "man", "der", "die", "das", "den", "dem",
                    "des", "ein", "eine", "einer", "herr", "frau"),
            "fr", Set.of("je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "lui", "leur", "leurs", "son",
                    "sa", "ses", "le", "la", "les", "un", "une", "des", "ce", "cette", "celui", "celle", "monsieur",
                    "madame"),
            "es", Set.of("yo", "tú", "él", "ella", "usted", "nosotros", "vosotros", "ellos", "ellas", "ustedes", "su",
                    "sus", "el", "la", "los", "las", "un", "una", "este", "esta", "ese", "esa", "señor", "señora"));

    /** Lower-case share (per mille) from which, with {@value #NEVER_NAME_MIN_COUNT} occurrences, a word is never part of a name. */
    static final int NEVER_NAME_PER_MILLE = 990;
    static final int NEVER_NAME_MIN_COUNT = 10;

    /** A word of the list: how often it was seen, how many per mille in lower case. */
    private record Stats(int count, int lowerPerMille) {
    }

    private static final Map<String, Map<String, Stats>> LISTS = new ConcurrentHashMap<>();

    private CommonWords() {
    }

    /** Whether a single word (any case) is a pronoun or function word of the language. */
    public static boolean isPronoun(String word, String language) {
        Set<String> set = PRONOUNS.get(language);
        return set != null && set.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether a single word (any case) is normally written in lower case in the language. */
    public static boolean isCommon(String word, String language) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        return isPronoun(w, language) || words(language).containsKey(w);
    }

    /**
     * Whether a word is (almost) never capitalised inside a sentence: never the first word of a name ("Unlike",
     * "After", "Lisez"), unlike "The", "General" or "Major", which start names ("The Byrds", "General Motors").
     */
    public static boolean isNeverName(String word, String language) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        Stats stats = words(language).get(w);
        return isPronoun(w, language) && !w.equals("the")
                || stats != null && stats.count() >= NEVER_NAME_MIN_COUNT && stats.lowerPerMille() >= NEVER_NAME_PER_MILLE;
    }

    static Map<String, Stats> words(String language) {
        if (language == null) {
            return Map.of();
        }
        return LISTS.computeIfAbsent(language, CommonWords::load);
    }

    private static Map<String, Stats> load(String language) {
        Map<String, Stats> set = new HashMap<>();
        try (InputStream in = CommonWords.class.getResourceAsStream("/entities/common-words-" + language + ".txt")) {
            if (in == null) {
                return Map.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] cols = line.split("\t");
                    set.putIfAbsent(cols[0], cols.length < 3 ? new Stats(0, 0)
                            : new Stats(Integer.parseInt(cols[1]), Integer.parseInt(cols[2])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(set);
    }
}
