package dev.newsportal.ingest.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Plain-text normalisation and the "first meaningful line" title rule shared by all file types. */
final class TextCleaner {

    static final int MAX_TITLE_LENGTH = 300;

    /**
     * Single words that open a byline ("By", "Par", "Von", ...) and are often alone on a line right
     * after the headline; they are never a title. Two-letter ones are listed for clarity even though
     * the three-letter minimum already rules them out.
     */
    private static final Set<String> BYLINE_WORDS = Set.of("by", "par", "von", "por", "di", "door");

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[\\p{Zs}\\t]+$", Pattern.MULTILINE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

    private TextCleaner() {
    }

    /**
     * Line endings to \n, no control characters, no trailing whitespace, at most one blank line in a
     * row, no blank lines at either end.
     */
    static String clean(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n')
                .replace("\uFEFF", "");
        s = CONTROL.matcher(s).replaceAll("");
        s = TRAILING_SPACE.matcher(s).replaceAll("");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return stripBlankEdges(s);
    }

    /** At least 3 letters (any script) and not a lone byline word. */
    static boolean isMeaningful(String line) {
        String stripped = line.strip();
        int letters = (int) stripped.codePoints().filter(Character::isLetter).limit(3).count();
        if (letters < 3) {
            return false;
        }
        String word = stripped.toLowerCase(Locale.ROOT);
        if (word.endsWith(":")) {
            word = word.substring(0, word.length() - 1).strip();
        }
        return !BYLINE_WORDS.contains(word);
    }

    /** Index of the first meaningful line, else of the first non-blank one, else -1. */
    static int titleLineIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (isMeaningful(lines.get(i))) {
                return i;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** All whitespace runs (line breaks included) as single spaces, stripped. */
    static String collapse(String s) {
        return WHITESPACE.matcher(s).replaceAll(" ").strip();
    }

    /** Whitespace collapsed to single spaces; over 300 characters cut at a word boundary with "…". */
    static String title(String raw) {
        String t = collapse(raw);
        if (t.length() <= MAX_TITLE_LENGTH) {
            return t;
        }
        int limit = MAX_TITLE_LENGTH - 1;
        if (Character.isHighSurrogate(t.charAt(limit - 1))) {
            limit--;
        }
        int cut = t.lastIndexOf(' ', limit);
        // CJK text has no spaces: a hard cut is the only option there.
        String head = cut > MAX_TITLE_LENGTH / 2 ? t.substring(0, cut) : t.substring(0, limit);
        return head.replaceAll("[\\s,;:\\-–—]+$", "") + "…";
    }

    /** Title taken from the text itself; the body never repeats it unless it had to be shortened. */
    record Split(String title, String body) {
    }

    /**
     * Uses line {@code index} of {@code text} as the title. The body is the text without that line;
     * lines above it are kept only if one of them is meaningful (for plain text they never are, so
     * the body is "the text after the title line"). A shortened title keeps the body whole.
     */
    static Split splitAt(String text, int index) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        String rawTitle = lines.get(index);
        String title = title(rawTitle);
        if (!title.equals(collapse(rawTitle))) {
            return new Split(title, text);
        }
        List<String> before = lines.subList(0, index);
        boolean keepBefore = before.stream().anyMatch(TextCleaner::isMeaningful);
        String body = (keepBefore ? String.join("\n", before) + "\n" : "")
                + String.join("\n", lines.subList(index + 1, lines.size()));
        body = clean(body);
        return new Split(title, body.isBlank() ? text : body);
    }

    /** Title from the first meaningful line; the body stays whole (JSON records, HTML fallbacks). */
    static String titleOf(String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        return title(lines.get(titleLineIndex(lines)));
    }

    private static String stripBlankEdges(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(start, end);
    }
}
