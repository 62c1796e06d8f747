package dev.newsportal.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The normal form in which names are compared.
 *
 * <p>{@link #basic(String)}: Unicode NFKC (full-width Latin and half-width katakana become ordinary), lower case, one
 * apostrophe ({@code ’ ‘ ´ `} become {@code '}), no middle dot or space between katakana
 * ({@code マーク・ザッカーバーグ} = {@code マーク ザッカーバーグ} = {@code マークザッカーバーグ}), whitespace collapsed,
 * punctuation trimmed at both ends.
 *
 * <p>{@link #key(String, EntityType)} also removes honorifics and role words for persons (Mr, Dr, Herr, Frau, M., Mme,
 * CEO, 氏, さん, ...) and legal-form suffixes for companies (Inc., Corp., AG, GmbH, S.A., Ltd, 株式会社, (株), ...).
 *
 * <p>Genitives are never removed blindly ("Siemens", "Jones"): {@link #genitiveBases(String)} proposes the forms
 * without {@code 's}, {@code '} or {@code -s}, and the caller accepts one only where it is a known name.
 */
public final class NameNormalizer {

    private NameNormalizer() {
    }

    /** Honorifics and role words before a person's name (basic form, with and without the final dot). */
    static final Set<String> PERSON_PREFIXES = Set.of(
            "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "ceo", "cto", "cfo", "coo", "founder",
            "co-founder", "cofounder", "chairman", "president", "chief", "executive", "herr", "frau", "hr", "fr",
            "präsident", "präsidentin", "chef", "chefin", "gründer", "gründerin", "vorstandschef", "konzernchef",
            "m", "mme", "mlle", "mm", "pdg", "président", "présidente", "fondateur", "fondatrice", "sr", "sra", "srta",
            "don", "doña", "señor", "señora", "presidente", "fundador", "fundadora", "consejero", "delegado",
            // titles of nobility, clergy, office and rank ("Baron Churchill", "Papst Franziskus", "le roi Charles");
            // not "Duke", "Count", "Major", "Prince" or "Sister", which are also names ("Duke Ellington")
            "baron", "baroness", "viscount", "viscountess", "earl", "countess", "duchess", "princess", "queen", "king",
            "emperor", "empress", "bishop", "archbishop", "cardinal", "pope", "colonel", "captain", "lieutenant",
            "sergeant", "admiral", "commander", "detective", "inspector", "senator", "governor", "judge", "reverend", "rev",
            "professor", "chancellor", "minister", "ambassador", "mayor", "rabbi", "sheikh", "sultan", "tsar",
            "könig", "königin", "kaiser", "kaiserin", "fürst", "fürstin", "graf", "gräfin", "herzog", "herzogin",
            "prinz", "prinzessin", "bischof", "papst", "kardinal", "kanzler", "kanzlerin", "bundeskanzler",
            "bundeskanzlerin", "ministerin", "roi", "reine", "princesse", "comte", "comtesse", "duc", "duchesse",
            "évêque", "pape", "ministre", "rey", "reina", "príncipe", "princesa", "conde", "condesa", "duque",
            "duquesa", "obispo", "papa", "ministro", "ministra");

    /** Honorifics and role words after a person's name, Japanese (basic form). */
    static final List<String> PERSON_SUFFIXES_JA = List.of(
            "最高経営責任者", "代表取締役", "取締役", "社長", "会長", "代表", "ceo", "cto", "cfo", "coo", "氏", "さん", "様", "さま",
            "君", "くん", "ちゃん", "殿", "先生", "教授", "博士", "創業者", "共同創業者");

    /** Role words after a person's name in Latin script (", CEO", "Jr." is part of names and kept). */
    static final Set<String> PERSON_SUFFIXES = Set.of("ceo", "cto", "cfo", "coo", "phd");

    /** Legal-form tokens at the end of a company name (basic form without dots). */
    static final Set<String> COMPANY_SUFFIXES = Set.of(
            "inc", "incorporated", "corp", "corporation", "co", "company", "cos", "ltd", "limited", "llc", "llp", "lp",
            "plc", "ag", "gmbh", "mbh", "kg", "kgaa", "se", "sa", "sas", "sarl", "sasu", "sl", "slu", "spa", "srl",
            "nv", "bv", "kk", "oy", "oyj", "ab", "asa", "a/s", "as", "pty", "pte", "bhd", "holdings");

    /** Legal forms written before or after a Japanese company name (basic form). */
    static final List<String> COMPANY_AFFIXES_JA = List.of(
            "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "(有)", "㈱", "㈲",
            // the outer parenthesis is trimmed first
            "株)", "有)", "(株", "(有");

    private static final String TRIM = " \t\n\r\u00a0,.;:!?\"'«»“”„‚()[]{}<>|-–—/\\";

    /** Basic normal form: width, case, apostrophes, katakana separators, whitespace, outer punctuation. */
    public static String basic(String name) {
        if (name == null) {
            return "";
        }
        String s = NormalizedText.of(name).text();
        s = s.replaceAll("\\s+", " ");
        return trim(s);
    }

    /**
     * The key a name is known by: {@link #basic(String)} without honorifics and role words (persons) or legal-form
     * suffixes (companies). For {@link EntityType#LOCATION} and {@link EntityType#MISC} the basic form.
     */
    public static String key(String name, EntityType type) {
        String s = basic(name);
        if (type == EntityType.PERSON) {
            s = stripPerson(s);
        } else if (type == EntityType.COMPANY) {
            s = stripCompany(s);
        }
        return s;
    }

    static String stripPerson(String s) {
        String before;
        do {
            before = s;
            // Japanese suffixes glued to the name: ザッカーバーグ氏, マーク・ザッカーバーグCEO
            for (String suffix : PERSON_SUFFIXES_JA) {
                if (s.endsWith(suffix) && s.length() > suffix.length()) {
                    String rest = trim(s.substring(0, s.length() - suffix.length()));
                    boolean ascii = suffix.chars().allMatch(c -> c < 0x80);
                    // a Latin suffix only when glued to a non-Latin name or separated by a space/comma
                    if (!rest.isEmpty() && (!ascii || !isLatinLetter(rest.charAt(rest.length() - 1))
                            || s.charAt(s.length() - suffix.length() - 1) == ' '
                            || s.charAt(s.length() - suffix.length() - 1) == ',')) {
                        s = rest;
                    }
                }
            }
            String[] tokens = s.split(" ");
            int from = 0;
            int to = tokens.length;
            while (to - from > 1 && PERSON_PREFIXES.contains(stripDot(tokens[from]))) {
                from++;
            }
            while (to - from > 1 && PERSON_SUFFIXES.contains(stripDot(tokens[to - 1]))) {
                to--;
            }
            s = trim(String.join(" ", Arrays.copyOfRange(tokens, from, to)));
        } while (!s.equals(before));
        return s;
    }

    static String stripCompany(String s) {
        String before;
        do {
            before = s;
            for (String affix : COMPANY_AFFIXES_JA) {
                if (s.length() > affix.length()) {
                    if (s.startsWith(affix)) {
                        s = trim(s.substring(affix.length()));
                    } else if (s.endsWith(affix)) {
                        s = trim(s.substring(0, s.length() - affix.length()));
                    }
                }
            }
            List<String> tokens = new ArrayList<>(Arrays.asList(s.split(" ")));
            // "co., ltd." / "gmbh & co. kg": drop legal tokens and connecting "&" from the end
            while (tokens.size() > 1) {
                String last = stripDot(tokens.get(tokens.size() - 1)).replace(".", "").replace(",", "");
                String rest = String.join(" ", tokens.subList(0, tokens.size() - 1));
                // "X Corp." stays "x corp": a one-letter name would match every "X"
                if ((COMPANY_SUFFIXES.contains(last) || last.equals("&")) && trim(rest).length() > 1) {
                    tokens.remove(tokens.size() - 1);
                } else {
                    break;
                }
            }
            s = trim(String.join(" ", tokens));
        } while (!s.equals(before));
        return s;
    }

    /**
     * Forms of a (basic-normalised) single name without a genitive ending, most specific first: {@code zuckerberg's}
     * gives {@code zuckerberg}; {@code zuckerbergs} gives {@code zuckerberg}; {@code jones'} gives {@code jones}.
     * Empty when there is no such ending. Accept one only where it is a known name.
     */
    public static List<String> genitiveBases(String basic) {
        List<String> bases = new ArrayList<>(2);
        if (basic.length() > 3 && basic.endsWith("'s")) {
            bases.add(basic.substring(0, basic.length() - 2));
        } else if (basic.length() > 2 && basic.endsWith("'")) {
            bases.add(basic.substring(0, basic.length() - 1));
        } else if (basic.length() > 2 && basic.endsWith("s") && isLatinLetter(basic.charAt(basic.length() - 2))) {
            bases.add(basic.substring(0, basic.length() - 1));
        }
        return bases;
    }

    private static String stripDot(String token) {
        return token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
    }

    static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && TRIM.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && TRIM.indexOf(s.charAt(b - 1)) >= 0) {
            // keep the dot of an abbreviation ("Jr.", "S.A.") only inside; trailing dots go
            b--;
        }
        // a trailing apostrophe is a genitive marker ("Jones'"): keep it for genitiveBases
        if (b < s.length() && s.charAt(b) == '\'' && b > a && (b + 1 == s.length())) {
            b++;
        }
        return s.substring(a, b);
    }

    /** Per-char folding after NFKC and lower-casing: apostrophes, katakana middle dot variants. */
    static int foldChar(int c) {
        switch (c) {
            case '\u2019', '\u2018', '\u00b4', '`', '\u02bc', '\u2032' -> {
                return '\'';
            }
            case '\u00b7', '\u2027', '\u30a0', '\u2022', '\u2219' -> {
                return '\u30fb';
            }
            case '\u2010', '\u2011' -> {
                return '-';
            }
            default -> {
                return c;
            }
        }
    }

    static boolean isKatakanaSeparator(char c) {
        return c == '\u30fb' || c == ' ' || c == '=' || c == '\uff1d';
    }

    /** Whether the separator at {@code k} stands between two katakana (skipping other separators). */
    static boolean katakanaAround(CharSequence s, int k) {
        int a = k - 1;
        while (a >= 0 && isKatakanaSeparator(s.charAt(a))) {
            a--;
        }
        int b = k + 1;
        while (b < s.length() && isKatakanaSeparator(s.charAt(b))) {
            b++;
        }
        return a >= 0 && b < s.length() && isKatakana(s.charAt(a)) && isKatakana(s.charAt(b));
    }

    /** Katakana letters and the prolonged sound mark (not the middle dot). */
    public static boolean isKatakana(int c) {
        return (c >= 0x30a1 && c <= 0x30fa) || c == 0x30fc || (c >= 0x31f0 && c <= 0x31ff);
    }

    public static boolean isHiragana(int c) {
        return c >= 0x3041 && c <= 0x309f;
    }

    public static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** Letters and digits of alphabetic scripts (Latin, Greek, Cyrillic, ...): words separated by spaces. */
    public static boolean isWordChar(int c) {
        if (!Character.isLetterOrDigit(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL;
    }

    static boolean isLatinLetter(char c) {
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /** Lower-case for Latin-script word lists. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}
