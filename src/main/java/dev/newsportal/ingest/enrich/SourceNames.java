package dev.newsportal.ingest.enrich;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises outlet names so that one outlet is one facet value.
 *
 * <p>{@link #normalise(String)}, in order: Unicode spaces become spaces and runs of whitespace one space;
 * surrounding punctuation and quotes go (brackets only when unmatched or wrapping the whole name; {@code !} and
 * {@code ?} stay: "Yahoo!"); a byline tail after a role word goes ("CTOL Editors - Xia" -> "CTOL Editors"); role
 * words at either end go ("Editors", "Editorial Team", "Staff", "Newsroom", "Redaktion", "Rédaction",
 * "Redacción", "Redazione", "Redactie", "Redação", "Редакция", "編集部" ...), with a preposition after a leading
 * one ("Rédaction de X"); legal forms at the end go ("Inc.", "GmbH", "S.A.", "株式会社" ...); {@code www.} and a
 * trailing domain suffix go when the rest is a single name ("www.iFanr.com" -> "iFanr", "heise.de" -> "heise",
 * but "news.yahoo.com" stays); well-known wire agencies get their own spelling ("DPA" -> "dpa",
 * "Agence France-Presse" -> "AFP"). Otherwise the outlet's own capitalisation is kept ("iFanr").
 * A name that is nothing but a role word ("Staff", "La rédaction") is no name: {@code null}.
 */
public final class SourceNames {

    /**
     * Wire agencies: canonical spelling, then other spellings. The first name of each entry is what
     * {@link #normalise(String)} returns for any of them (case-insensitively).
     */
    static final List<List<String>> AGENCIES = List.of(
            List.of("AFP", "Agence France-Presse", "Agence France Presse", "ＡＦＰ"),
            List.of("AP", "Associated Press", "The Associated Press", "ＡＰ"),
            List.of("Reuters", "Thomson Reuters", "ロイター", "路透社"),
            List.of("dpa", "Deutsche Presse-Agentur"),
            List.of("Bloomberg"),
            List.of("EFE", "Agencia EFE"),
            List.of("Europa Press"),
            List.of("ANSA"),
            List.of("Adnkronos"),
            List.of("APA", "Austria Presse Agentur"),
            List.of("KNA"),
            List.of("epd"),
            List.of("AFX"),
            List.of("dts", "dts Nachrichtenagentur"),
            List.of("SDA", "Keystone-SDA"),
            List.of("Belga"),
            List.of("ANP"),
            List.of("Lusa"),
            List.of("Agência Brasil"),
            List.of("TASS", "ТАСС", "ИТАР-ТАСС"),
            List.of("Interfax", "Интерфакс"),
            List.of("RIA Novosti", "РИА Новости"),
            List.of("UPI"),
            List.of("PA Media", "Press Association"),
            List.of("Kyodo", "共同", "共同通信", "共同通信社"),
            List.of("Jiji", "時事", "時事通信", "時事通信社", "Jiji Press"),
            List.of("Xinhua", "新華社", "新华社"),
            List.of("Yonhap", "聯合", "聯合ニュース", "연합뉴스"));

    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();

    static {
        for (List<String> names : AGENCIES) {
            for (String n : names) {
                CANONICAL.put(n.toLowerCase(Locale.ROOT), names.get(0));
            }
        }
    }

    /** Role words of bylines (longest first within a language). */
    static final String ROLE = "(?:Editorial\\s+(?:Team|Staff|Board|Desk|Office)|Editors?|Editorial|Staff\\s+Writers?|Staff"
            + "|News\\s*[Dd]esk|Newsroom|Desk|Team"
            + "|Online-Redaktion|Redaktion|Redaktionsteam|Rédaction|Redacción|Redaccion|Redazione|Redactie|Redação|Redacao"
            + "|Редакция|Редакции|編集部|编辑部|編輯部)";

    private static final String SPACES = "[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+";
    private static final String EDGE_PUNCT = "\"'“”„‟‚‘’«»‹›「」『』【】〈〉《》()（）\\[\\]{}<>*_~|｜·•,，;；:：.。、\\-–—/／\\\\#";
    private static final Pattern ROLE_THEN_TAIL = Pattern.compile(
            "^(.+?)[\\s\\-]+(?i:" + ROLE + ")\\s*[-–—|,:/]\\s*\\S.*$", Pattern.UNICODE_CASE);
    /**
     * A leading role word needs a preposition or a colon after it ("Rédaction de X", "Editors of X",
     * "Redaktion: X"), or must be a newsroom word followed by a capitalised name ("Redacción El País").
     */
    private static final Pattern LEADING_ROLE = Pattern.compile(
            "^(?:(?i:(?:(?:the|la|le|l'|el|die|der|das)\\s*)?" + ROLE
                    + ")(?:\\s+(?i:of|de la|de|du|des|del|der|di|della|dello|da|do|van|von|от)\\s+|\\s*[:：]\\s*)"
                    + "|(?i:Redaktion|Rédaction|Redacción|Redaccion|Redazione|Redactie|Redação|Redacao|Редакция)\\s+(?=\\p{Lu}))(?=\\S)",
            Pattern.UNICODE_CASE);
    private static final Pattern TRAILING_ROLE = Pattern.compile(
            "(?:[\\s\\-]+|(?<=[\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}ー]))(?i:" + ROLE + ")$", Pattern.UNICODE_CASE);
    private static final Pattern ONLY_ROLE = Pattern.compile(
            "^(?i:(?:(?:the|la|le|l'|el|die|der|das|unsere?|our|notre|nuestra|nostra|onze|a)\\s+)?" + ROLE + ")$",
            Pattern.UNICODE_CASE);
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "(?:,?\\s+(?:(?i:Inc\\.?|Incorporated|Ltd\\.?|Limited|LLC|L\\.L\\.C\\.|Corp\\.?|Corporation|GmbH)"
                    + "|GmbH\\s*&\\s*Co\\.?\\s*KG(?:aA)?|gGmbH|AG|SE|KGaA"
                    + "|S\\.A\\.S?\\.?|SAS|S\\.L\\.?|S\\.p\\.A\\.?|SpA|S\\.r\\.l\\.?|Srl|B\\.V\\.?|BV|N\\.V\\.?|NV|plc|PLC|Pty\\.?\\s+Ltd\\.?"
                    + "|Co\\.,?\\s*Ltd\\.?|Co\\.)"
                    + "|\\s*(?:株式会社|\\(株\\)|（株）|有限会社))$");
    private static final Pattern LEADING_LEGAL_FORM = Pattern.compile("^(?:株式会社|\\(株\\)|（株）|有限会社)\\s*");
    private static final Pattern WWW = Pattern.compile("^(?i:https?://)?(?i:www\\d?\\.)");
    private static final Pattern DOMAIN = Pattern.compile(
            "^([\\p{L}\\p{N}][\\p{L}\\p{N}\\-]*)\\.(?:com|net|org|info|biz|news|online|media|[a-z]{2})(?:\\.[a-z]{2})?/?$");
    private static final Pattern DOMAIN_PATH = Pattern.compile("^([^\\s/]+\\.[a-z]{2,})/.*$");

    private SourceNames() {
    }

    /** The facet value for an outlet name, or null for a blank (or role-only) one. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll(SPACES, " ").strip();
        String previous;
        int rounds = 0;
        do {
            previous = s;
            s = stripEdges(s);
            if (s.isEmpty() || ONLY_ROLE.matcher(s).matches()) {
                return null;
            }
            s = replaceFirstGroup(ROLE_THEN_TAIL, s);
            s = WWW.matcher(s).replaceFirst("");
            s = replaceFirstGroup(DOMAIN_PATH, s);
            Matcher domain = DOMAIN.matcher(s);
            if (domain.matches()) {
                s = domain.group(1);
            }
            s = LEADING_ROLE.matcher(s).replaceFirst("");
            s = TRAILING_ROLE.matcher(s).replaceFirst("");
            s = LEGAL_FORM.matcher(s).replaceFirst("");
            s = LEADING_LEGAL_FORM.matcher(s).replaceFirst("");
            s = s.strip();
        } while (!s.equals(previous) && ++rounds < 8);
        if (s.isEmpty() || s.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return null;
        }
        String canonical = CANONICAL.get(s.toLowerCase(Locale.ROOT));
        return canonical != null ? canonical : s;
    }

    /** The canonical spelling when {@code name} is a known wire agency. */
    static boolean isAgency(String name) {
        return name != null && CANONICAL.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** A regex alternation of every agency spelling, longest first, for the {@code {AGENCY}} placeholder. */
    static String agencyAlternation() {
        return AGENCIES.stream().flatMap(List::stream).distinct()
                .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                .map(n -> Pattern.quote(n).replace(" ", "\\E\\s+\\Q").replace("-", "\\E[-\\s]\\Q"))
                .collect(java.util.stream.Collectors.joining("|", "(?:", ")"));
    }

    private static String replaceFirstGroup(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.matches() ? m.group(1).strip() : s;
    }

    /** Strips surrounding punctuation; a bracket only when it is unmatched inside the name. */
    private static String stripEdges(String s) {
        int start = 0;
        int end = s.length();
        boolean changed = true;
        while (changed && start < end) {
            changed = false;
            char first = s.charAt(start);
            char last = s.charAt(end - 1);
            if (Character.isWhitespace(first)) {
                start++;
                changed = true;
            } else if (Character.isWhitespace(last)) {
                end--;
                changed = true;
            } else if (isOpening(first) && closingOf(first) == last && end - start >= 2) {
                start++;
                end--;
                changed = true;
            } else if (EDGE_PUNCT.indexOf(first) >= 0 && !(isOpening(first) && s.indexOf(closingOf(first), start + 1) >= 0
                    && s.indexOf(closingOf(first), start + 1) < end)) {
                start++;
                changed = true;
            } else if (EDGE_PUNCT.indexOf(last) >= 0 && !(isClosing(last) && s.lastIndexOf(openingOf(last), end - 2) >= start)
                    && !(last == '.' && endsWithAbbreviation(s.substring(start, end)))) {
                end--;
                changed = true;
            }
        }
        return s.substring(start, end);
    }

    /** "S.A." "Inc." "U.S." keep their final dot until the legal-form step has seen them. */
    private static boolean endsWithAbbreviation(String s) {
        return s.matches("(?s).*(?:\\b\\p{L}\\.\\p{L}\\.|\\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Dr)\\.)$");
    }

    private static boolean isOpening(char c) {
        return "([{<（【「『〈《“‘«‹".indexOf(c) >= 0;
    }

    private static boolean isClosing(char c) {
        return ")]}>）】」』〉》”’»›".indexOf(c) >= 0;
    }

    private static char closingOf(char c) {
        int i = "([{<（【「『〈《“‘«‹".indexOf(c);
        return i < 0 ? 0 : ")]}>）】」』〉》”’»›".charAt(i);
    }

    private static char openingOf(char c) {
        int i = ")]}>）】」』〉》”’»›".indexOf(c);
        return i < 0 ? 0 : "([{<（【「『〈《“‘«‹".charAt(i);
    }
}
