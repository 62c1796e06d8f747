package dev.newsportal.ingest.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the outlet that published a text from its byline, credit/source line, copyright line or wire-agency
 * dateline.
 *
 * <p>Only the first {@value #HEAD_LINES} and the last {@value #TAIL_LINES} non-blank lines of the body are looked
 * at (bylines and datelines sit at the top, credit lines at the bottom); the title is not. A line holding just a
 * byline word or a label ("Par", "By", "Source:") is also tried joined with the line after it, so
 * "Par" / "CTOL Editors - Xia" on two lines reads as one byline.
 *
 * <p><b>Precedence</b> is the order of the patterns: the first pattern that matches any of those lines (in
 * document order) and yields a name wins. The shipped list ({@value #DEFAULT_RESOURCE}) is ordered
 * credit/source lines, then copyright lines, then wire-agency datelines and agency credits, then bylines,
 * so a credit line beats a byline; patterns configured by the application are put before it.
 *
 * <p>Patterns are matched with {@link Matcher#find()} on each line (anchor them with {@code ^}/{@code $}), with
 * {@link Pattern#UNICODE_CASE} and {@link Pattern#UNICODE_CHARACTER_CLASS}; the captured group {@code source} goes
 * through {@link SourceNames#normalise(String)}. {@link #parse(List)} expands these placeholders:
 * <ul>
 *   <li>{@code {NAME}}: an outlet name: a domain ({@code golem.de}) or 1 to 6 capitalised words, with
 *       lower-case connectors ("Corriere della Sera", "The Times of India", "iFanr", "20 Minutes"); lazy, so
 *       follow it with something that ends it ({@code {TAIL}}, a role word, {@code $});</li>
 *   <li>{@code {CJKNAME}}: 1 to 30 Han/kana/Latin letters or digits, no spaces or punctuation (lazy);</li>
 *   <li>{@code {AGENCY}}: a known wire agency, case-insensitive ({@link SourceNames#AGENCIES});</li>
 *   <li>{@code {ROLE}}: an editorial role word ("Editors", "Staff", "Redaktion", "Rédaction", "編集部" ...);</li>
 *   <li>{@code {BY}}: a byline word: By, Par, Von, Por, Di, Door, От, Автор (case-insensitive, optional colon);</li>
 *   <li>{@code {TAIL}}: the end of a credit line: the line end, a final dot, or a separator and anything
 *       (a hyphen only after a space: "Paul-Ehrlich-Institut" is one name);</li>
 *   <li>{@code {LAST}} (anywhere in the pattern): try the pattern on the last {@value #LAST_LINES} lines only
 *       (expands to the empty group {@code (?<last>)}, which marks a pattern built elsewhere the same way).</li>
 * </ul>
 *
 * <p>A line longer than {@code 2 * }{@value #WINDOW} characters is matched on its first and its last
 * {@value #WINDOW} characters only ({@code ^} and {@code $} keep meaning the line's own start and end), which
 * is where datelines and closing credits are and keeps a long paragraph cheap.
 *
 * <p>Thread-safe and immutable.
 */
public final class SourceAttributor {

    public static final String DEFAULT_RESOURCE = "/ingest/source-patterns.txt";
    static final int HEAD_LINES = 12;
    static final int TAIL_LINES = 12;
    /** Longer names are sentences, not outlets. */
    static final int MAX_NAME_CHARS = 60;
    /** Patterns marked {@code {LAST}} only see this many last lines (copyright footers, not image credits). */
    static final int LAST_LINES = 3;
    /** Lines longer than twice this are matched on their first and last this-many characters only. */
    static final int WINDOW = 200;
    /** What {@code {LAST}} expands to: an empty group that marks the pattern. */
    static final String LAST_MARK = "(?<last>)";

    static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private static final String TOKEN = "(?:[\\p{Lu}\\p{Lt}\\p{N}]|\\p{Ll}{1,3}[\\p{Lu}\\p{N}])[\\p{L}\\p{M}\\p{N}&'’.+!]*";
    private static final String CONNECTOR = "(?:de|del|della|dello|degli|di|da|do|dos|das|der|des|du|van|von|of|the|and|und|et|y|e"
            + "|la|le|el|los|las|il|für|for|am|im|an|on|in|zu)";
    private static final String DOMAIN = "[\\p{L}\\p{N}][\\p{L}\\p{N}-]*(?:\\.[\\p{L}\\p{N}-]+)*\\.[a-z]{2,6}(?![\\p{L}\\p{N}])";
    private static final Map<String, String> PLACEHOLDERS = new LinkedHashMap<>();

    static {
        PLACEHOLDERS.put("{NAME}", "(?:" + DOMAIN + "|" + TOKEN + "(?:(?:\\s*&\\s*|[\\s-]+)(?:" + CONNECTOR + "\\s+)?" + TOKEN + "){0,5}?)");
        PLACEHOLDERS.put("{CJKNAME}", "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー・\\p{IsLatin}\\p{N}＆&]{1,30}?");
        PLACEHOLDERS.put("{AGENCY}", "(?<![\\p{IsLatin}\\p{IsCyrillic}\\p{N}])(?i:" + SourceNames.agencyAlternation()
                + ")(?![\\p{IsLatin}\\p{IsCyrillic}\\p{N}])");
        PLACEHOLDERS.put("{ROLE}", "(?i:" + SourceNames.ROLE + ")(?![\\p{L}\\p{N}])");
        PLACEHOLDERS.put("{BY}", "(?i:by|par|von|por|di|door|от|автор)(?:\\s*[:：])?");
        PLACEHOLDERS.put("{TAIL}", "(?:\\s*[,;|｜/·•(（\\[【「、。:：–—].*|\\s+-.*|\\s*\\.)?\\s*$");
        PLACEHOLDERS.put("{LAST}", LAST_MARK);
    }

    private static final Pattern DANGLING = Pattern.compile(
            "^(?:(?i:by|par|von|por|di|door|от|автор)\\s*[:：]?|[\\p{L} ]{2,25}[:：])$", FLAGS);
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");

    private final List<Pattern> patterns;
    private final List<Rule> rules;

    /** A pattern and how to apply it. */
    private record Rule(Pattern pattern, boolean anchored, boolean lastOnly) {
        static Rule of(Pattern p) {
            String regex = p.pattern();
            boolean lastOnly = regex.contains(LAST_MARK);
            String start = regex.startsWith(LAST_MARK) ? regex.substring(LAST_MARK.length()) : regex;
            return new Rule(p, start.startsWith("^") && !hasTopLevelAlternation(start), lastOnly);
        }

        /** "^a|b" is not anchored as a whole. */
        static boolean hasTopLevelAlternation(String regex) {
            int depth = 0;
            boolean inClass = false;
            boolean quoted = false;
            for (int i = 0; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (quoted) {
                    if (c == '\\' && regex.startsWith("\\E", i)) {
                        quoted = false;
                        i++;
                    }
                } else if (c == '\\') {
                    if (regex.startsWith("\\Q", i)) {
                        quoted = true;
                    }
                    i++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                        i++;
                    }
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** @param patterns in precedence order; each must have a named group {@code source} */
    public SourceAttributor(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
        List<Rule> rules = new ArrayList<>();
        for (Pattern p : this.patterns) {
            requireSourceGroup(p, p.pattern());
            rules.add(Rule.of(p));
        }
        this.rules = List.copyOf(rules);
    }

    /** The patterns, in precedence order. */
    public List<Pattern> patterns() {
        return patterns;
    }

    /** With the patterns of {@value #DEFAULT_RESOURCE}. */
    public static SourceAttributor withDefaults() {
        return new SourceAttributor(defaultPatterns());
    }

    /** The shipped patterns, parsed from {@value #DEFAULT_RESOURCE}, in precedence order. */
    public static List<Pattern> defaultPatterns() {
        return DefaultsHolder.PATTERNS;
    }

    /**
     * One regex a line; blank lines and lines starting with {@code #} are skipped, as is surrounding whitespace.
     * Placeholders are expanded (see the class comment).
     *
     * @throws IllegalArgumentException naming the line when a pattern does not compile or has no named group
     *                                  {@code source}
     */
    public static List<Pattern> parse(List<String> lines) {
        List<Pattern> out = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            String regex = line == null ? "" : line.strip();
            if (regex.isEmpty() || regex.startsWith("#")) {
                continue;
            }
            String expanded = regex;
            for (var e : PLACEHOLDERS.entrySet()) {
                expanded = expanded.replace(e.getKey(), e.getValue());
            }
            Pattern p;
            try {
                p = Pattern.compile(expanded, FLAGS);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("source pattern " + n + " is not a valid regex (" + e.getDescription()
                        + "): " + regex, e);
            }
            requireSourceGroup(p, "source pattern " + n + ": " + regex);
            out.add(p);
        }
        return List.copyOf(out);
    }

    /**
     * The normalised outlet name, or empty when no pattern matches (a byline naming only a person, a newspaper
     * merely mentioned in the text).
     */
    public Optional<String> attribute(String title, String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        List<Candidate> candidates = candidateLines(body);
        for (Rule rule : rules) {
            for (Candidate c : candidates) {
                if (rule.lastOnly() && !c.last()) {
                    continue;
                }
                String name = match(rule, c.text());
                if (name != null) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    /** The normalised name the rule finds in the line, or null. */
    private static String match(Rule rule, String line) {
        Matcher m = rule.pattern().matcher(line);
        boolean windowed = line.length() > 2 * WINDOW;
        if (windowed) {
            m.useAnchoringBounds(false).useTransparentBounds(true).region(0, WINDOW);
        }
        if (rule.anchored()) { // "^...": only the line start can match, no need to try every position
            return m.lookingAt() ? accept(m) : null;
        }
        if (m.find()) {
            String name = accept(m);
            if (name != null || !windowed) {
                return name;
            }
        }
        if (!windowed) {
            return null;
        }
        m.region(line.length() - WINDOW, line.length());
        return m.find() ? accept(m) : null;
    }

    private static String accept(Matcher m) {
        String name = SourceNames.normalise(m.group("source"));
        return plausible(name) ? name : null;
    }

    /** One of the lines looked at; {@code last}: among the last {@value #LAST_LINES}. */
    record Candidate(String text, boolean last) {
    }

    /**
     * The first {@value #HEAD_LINES} and last {@value #TAIL_LINES} non-blank lines, whitespace-normalised, in
     * document order, each dangling label also joined with its next line. Reads only those lines of the body.
     */
    static List<Candidate> candidateLines(String body) {
        List<int[]> head = new ArrayList<>(); // [start, end) of non-blank lines from the top
        int pos = 0;
        int n = body.length();
        while (pos < n && head.size() < HEAD_LINES + 1) {
            int end = lineEnd(body, pos);
            if (!isBlank(body, pos, end)) {
                head.add(new int[] {pos, end});
            }
            pos = nextLine(body, end);
        }
        int headEnd = head.size() > HEAD_LINES ? head.get(HEAD_LINES - 1)[1] : n;
        if (head.size() > HEAD_LINES) {
            head.remove(HEAD_LINES);
        }
        List<int[]> tail = new ArrayList<>(); // from the bottom, not crossing the head
        int end = n;
        while (end > headEnd && tail.size() < TAIL_LINES) {
            int start = lineStart(body, end, headEnd);
            if (!isBlank(body, start, end)) {
                tail.add(0, new int[] {start, end});
            }
            end = start == headEnd ? headEnd : previousLineEnd(body, start);
        }
        List<String> lines = new ArrayList<>(head.size() + tail.size());
        for (int[] r : head) {
            lines.add(clean(body.substring(r[0], r[1])));
        }
        int firstTail = lines.size();
        for (int[] r : tail) {
            lines.add(clean(body.substring(r[0], r[1])));
        }
        boolean gap = end > headEnd && !isBlank(body, headEnd, end); // lines left out between head and tail
        int total = lines.size();
        List<Candidate> out = new ArrayList<>(total + 2);
        for (int i = 0; i < total; i++) {
            String line = lines.get(i);
            out.add(new Candidate(line, i >= total - LAST_LINES));
            if (i + 1 < total && !(gap && i + 1 == firstTail) && DANGLING.matcher(line).matches()) {
                out.add(new Candidate(line + " " + lines.get(i + 1), i + 1 >= total - LAST_LINES));
            }
        }
        return out;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static int lineEnd(String s, int from) {
        int i = from;
        while (i < s.length() && !isLineBreak(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int nextLine(String s, int end) {
        if (end < s.length() && s.charAt(end) == '\r' && end + 1 < s.length() && s.charAt(end + 1) == '\n') {
            return end + 2;
        }
        return end + 1;
    }

    /** Start of the line that ends at {@code end}, not before {@code floor}. */
    private static int lineStart(String s, int end, int floor) {
        int i = end;
        while (i > floor && !isLineBreak(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The end of the line before the one starting at {@code start} (which follows a line break). */
    private static int previousLineEnd(String s, int start) {
        int i = start - 1; // the break
        if (i > 0 && s.charAt(i) == '\n' && s.charAt(i - 1) == '\r') {
            i--;
        }
        return i;
    }

    private static boolean isBlank(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF' && c != '\u200B') {
                return false;
            }
        }
        return true;
    }

    private static String clean(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B')) {
                return SPACES.matcher(line).replaceAll(" ").strip();
            }
        }
        return line.strip();
    }

    private static boolean plausible(String name) {
        return name != null && name.length() <= MAX_NAME_CHARS && name.codePoints().anyMatch(Character::isLetter);
    }

    private static void requireSourceGroup(Pattern p, String what) {
        if (!p.pattern().contains("(?<source>")) { // Pattern.namedGroups() is Java 20+
            throw new IllegalArgumentException("source pattern has no named group (?<source>...): " + what);
        }
    }

    private static final class DefaultsHolder {
        static final List<Pattern> PATTERNS = load();

        private static List<Pattern> load() {
            try (InputStream in = SourceAttributor.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_RESOURCE + " missing from the classpath");
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
