package dev.newsportal.search.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what people type into the search box. Never fails: whatever cannot be understood is repaired or
 * dropped, and a notice (a message key) says so.
 *
 * <ul>
 * <li>{@code word}, {@code "exact phrase"} (quotes: {@code " “ ” „ 「 」}), {@code prefix*} (trailing star, at
 * least two characters before it);</li>
 * <li>{@code -item} excludes, {@code +item} is the same as {@code item};</li>
 * <li>{@code a OR b} (upper case only) makes a group; adjacent items and groups are ANDed, so
 * {@code a b OR c -d} is {@code a AND (b OR c) AND NOT d};</li>
 * <li>{@code title: person: company: source: language:} (any letter case) before a word, a prefix or a
 * phrase; an unknown {@code foo:bar} stays a plain word {@code foo:bar}, so "Rust: the language" and URLs
 * still search.</li>
 * </ul>
 *
 * <p>Before parsing, only the first {@link #MAX_LENGTH} characters (code points) are kept (cut back to the
 * last whitespace when the cut falls inside a word), control characters and invisible bidi controls are
 * dropped, every kind of whitespace becomes a separator and the text is put in Unicode NFC. Words and
 * phrases without anything searchable (only punctuation, such as {@code &} or {@code —}) are skipped
 * silently, since no analyzer would keep a token of them. Repeated clauses and groups are kept once.
 */
public final class QueryParser {

    /** Characters (code points) of the input considered; the rest is dropped with {@link #TRUNCATED}. */
    public static final int MAX_LENGTH = 1000;
    /** Clauses (required alternatives plus exclusions) kept; the rest is dropped with {@link #TRUNCATED}. */
    public static final int MAX_CLAUSES = 32;

    /** A quote without its partner: it was read as a space. */
    public static final String UNBALANCED_QUOTE = "query.notice.unbalancedQuote";
    /** {@code OR} without an item on each side, a lone {@code -}, a stray {@code *}, {@code field:} with nothing. */
    public static final String LONE_OPERATOR = "query.notice.loneOperator";
    /** The query was longer than {@link #MAX_LENGTH} characters or had more than {@link #MAX_CLAUSES} clauses. */
    public static final String TRUNCATED = "query.notice.truncated";
    /** Only {@code -x} items: everything except them is shown. */
    public static final String ONLY_EXCLUSIONS = "query.notice.onlyExclusions";
    /** {@code foo:bar} with a {@code foo} that is no field: searched as the plain word. */
    public static final String UNKNOWN_FIELD = "query.notice.unknownField";

    private static final ParsedQuery EMPTY = new ParsedQuery(List.of(), List.of(), List.of());
    private static final System.Logger LOG = System.getLogger(QueryParser.class.getName());

    private QueryParser() {
    }

    /** The query understood from {@code input}; null or blank input gives an empty query. Never throws. */
    public static ParsedQuery parse(String input) {
        try {
            return parseStrict(input);
        } catch (RuntimeException e) {
            // Unreachable by design (see the fuzz tests); a search box must not produce an error page.
            LOG.log(System.Logger.Level.WARNING, "Query not understood, searching for everything", e);
            return EMPTY;
        }
    }

    /** {@link #parse} without the safety net, so that tests see any exception. */
    static ParsedQuery parseStrict(String input) {
        if (input == null || input.isEmpty()) {
            return EMPTY;
        }
        return new Run().parse(input);
    }

    // ---------------------------------------------------------------- characters

    static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || cp == 0x85 || cp == 0x200B || cp == 0x180E;
    }

    private static boolean isDropped(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.SURROGATE
                || cp == 0xFEFF || cp == 0x200E || cp == 0x200F || cp == 0x061C
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Separators become one plain space each; control, bidi and BOM characters and lone surrogates go. */
    private static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isSeparator(cp)) {
                sb.append(' ');
            } else if (!isDropped(cp)) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E' || c == '\u300C' || c == '\u300D';
    }

    /** „ and 「 only open; 」 only closes; the others do both (“…” and „…“, ”…”, "…"). */
    private static boolean opens(char c) {
        return c != '\u300D';
    }

    private static boolean closes(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u300D';
    }

    /** A field-like name before a colon: a letter, then letters and combining marks. */
    private static boolean isName(String s, int end) {
        if (end <= 0) {
            return false;
        }
        for (int i = 0; i < end; ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (!(Character.isLetter(cp) || (i > 0 && mark))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Whether an analyzer could keep anything of {@code text}: not only punctuation and ASCII-like symbols. */
    private static boolean searchable(String text) {
        return text.codePoints().anyMatch(cp -> switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.FORMAT -> false;
            default -> true;
        });
    }

    private static boolean onlySigns(String text) {
        return text.chars().allMatch(c -> c == '+' || c == '-');
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    // ---------------------------------------------------------------- one parse

    private record Notice(int position, String key) {
    }

    /** A run of text between separators and quotes, or the inside of a pair of quotes. */
    private record Atom(boolean quoted, String text, int start, int end) {
    }

    /** What may stand right before a quote: signs and an optional field name with its colon. */
    private record Head(boolean negated, boolean signed, String name) {
        static final Head NONE = new Head(false, false, null);
    }

    private static final class Run {

        private final List<Notice> notices = new ArrayList<>();
        private final List<List<Clause>> groups = new ArrayList<>();
        private final List<Clause> excluded = new ArrayList<>();
        private int clauses;
        private boolean pendingOr;
        private int orPosition;
        private boolean lastRequired;
        private boolean full;

        ParsedQuery parse(String input) {
            int end = 0;
            for (int count = 0; end < input.length() && count < MAX_LENGTH; count++) {
                end += Character.charCount(input.codePointAt(end));
            }
            boolean cut = end < input.length();
            String kept = cut ? cutAtSeparator(input, end) : input;
            String text = clean(Normalizer.normalize(clean(kept), Normalizer.Form.NFC));

            List<Atom> atoms = lex(text);
            for (int k = 0; k < atoms.size() && !full; k++) {
                Atom atom = atoms.get(k);
                if (atom.quoted()) {
                    phrase(Head.NONE, atom.text(), atom.start());
                    continue;
                }
                Atom next = k + 1 < atoms.size() ? atoms.get(k + 1) : null;
                Head head = next != null && next.quoted() && next.start() == atom.end() ? head(atom.text()) : null;
                if (head != null) {
                    phrase(head, next.text(), atom.start());
                    k++;
                } else {
                    bare(atom.text(), atom.start());
                }
            }
            if (!full && pendingOr) {
                notice(orPosition, LONE_OPERATOR);
            }
            if (cut) {
                notice(text.length(), TRUNCATED);
            }
            return build();
        }

        /** Cuts at {@code end}, or at the last separator before it when {@code end} falls inside a word. */
        private static String cutAtSeparator(String input, int end) {
            if (isSeparator(input.codePointAt(end))) {
                return input.substring(0, end);
            }
            for (int i = end; i > 0; ) {
                int cp = input.codePointBefore(i);
                i -= Character.charCount(cp);
                if (isSeparator(cp)) {
                    return input.substring(0, i);
                }
            }
            return input.substring(0, end);
        }

        private List<Atom> lex(String s) {
            int n = s.length();
            int[] nextCloser = new int[n + 1];
            nextCloser[n] = -1;
            for (int i = n - 1; i >= 0; i--) {
                nextCloser[i] = closes(s.charAt(i)) ? i : nextCloser[i + 1];
            }
            List<Atom> atoms = new ArrayList<>();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c == ' ') {
                    i++;
                } else if (isQuote(c)) {
                    int close = opens(c) ? nextCloser[i + 1] : -1;
                    if (close < 0) {
                        notice(i, UNBALANCED_QUOTE); // read as a space
                        i++;
                    } else {
                        atoms.add(new Atom(true, s.substring(i + 1, close), i, close + 1));
                        i = close + 1;
                    }
                } else {
                    int j = i;
                    while (j < n && s.charAt(j) != ' ' && !isQuote(s.charAt(j))) {
                        j++;
                    }
                    atoms.add(new Atom(false, s.substring(i, j), i, j));
                    i = j;
                }
            }
            return atoms;
        }

        private static Head head(String text) {
            int i = 0;
            boolean negated = false;
            while (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                negated |= text.charAt(i) == '-';
                i++;
            }
            String rest = text.substring(i);
            if (rest.isEmpty()) {
                return new Head(negated, true, null);
            }
            int colon = rest.length() - 1;
            if (rest.charAt(colon) == ':' && isName(rest, colon)) {
                return new Head(negated, true, rest.substring(0, colon));
            }
            return null;
        }

        /** A quoted phrase, possibly with signs and a field before it. */
        private void phrase(Head head, String quoted, int position) {
            String content = String.join(" ", quoted.trim().split(" +"));
            Field field = Field.TEXT;
            String text = content;
            if (head.name() != null) {
                Field known = Field.byName(head.name());
                if (known == null) {
                    notice(position, UNKNOWN_FIELD);
                    text = head.name() + ":" + content;
                    if (content.isEmpty()) {
                        add(head.negated(), new Word(Field.TEXT, text, false), position);
                        return;
                    }
                } else {
                    field = known;
                }
            }
            if (content.isEmpty()) {
                if (head.signed()) {
                    notice(position, LONE_OPERATOR);
                }
                return;
            }
            if (searchable(text)) {
                add(head.negated(), new Phrase(field, text), position);
            }
        }

        /** Anything between separators that is not part of a phrase: a word, OR, or a stray operator. */
        private void bare(String atom, int position) {
            int i = 0;
            boolean negated = false;
            boolean star = false;
            for (; i < atom.length(); i++) {
                char c = atom.charAt(i);
                if (c == '-') {
                    negated = true;
                } else if (c == '*') {
                    star = true;
                } else if (c != '+') {
                    break;
                }
            }
            String rest = atom.substring(i);
            if (rest.isEmpty() || star) {
                notice(position, LONE_OPERATOR);
                if (rest.isEmpty()) {
                    return;
                }
            }
            if (!negated && rest.equals("OR")) {
                or(position);
                return;
            }
            Field field = Field.TEXT;
            String value = rest;
            int colon = rest.indexOf(':');
            if (isName(rest, colon)) {
                Field known = Field.byName(rest.substring(0, colon));
                if (known == null) {
                    notice(position, UNKNOWN_FIELD); // the whole foo:bar is the word
                } else {
                    field = known;
                    int b = colon + 1;
                    while (b < rest.length() && rest.charAt(b) == '*') {
                        b++;
                    }
                    if (b > colon + 1 || b == rest.length()) {
                        notice(position, LONE_OPERATOR);
                    }
                    value = rest.substring(b);
                }
            }
            int e = value.length();
            while (e > 0 && value.charAt(e - 1) == '*') {
                e--;
            }
            boolean prefix = e < value.length();
            String text = value.substring(0, e);
            if (text.isEmpty() || onlySigns(text)) {
                notice(position, LONE_OPERATOR);
                return;
            }
            if (!searchable(text)) {
                return;
            }
            if (prefix && codePoints(text) < 2) {
                notice(position, LONE_OPERATOR);
                prefix = false;
            }
            add(negated, new Word(field, text, prefix), position);
        }

        // ------------------------------------------------------------ grouping

        private void or(int position) {
            if (pendingOr || !lastRequired) {
                notice(position, LONE_OPERATOR);
            } else {
                pendingOr = true;
                orPosition = position;
            }
        }

        private void add(boolean negated, Clause clause, int position) {
            boolean added = negated ? exclude(clause) : require(clause);
            if (!added) {
                full = true;
                notice(position, TRUNCATED);
            }
        }

        private boolean require(Clause clause) {
            if (pendingOr) {
                List<Clause> group = groups.get(groups.size() - 1);
                if (!group.contains(clause)) {
                    if (clauses == MAX_CLAUSES) {
                        return false;
                    }
                    group.add(clause);
                    clauses++;
                }
                pendingOr = false;
            } else {
                if (clauses == MAX_CLAUSES) {
                    return false;
                }
                List<Clause> group = new ArrayList<>();
                group.add(clause);
                groups.add(group);
                clauses++;
            }
            lastRequired = true;
            return true;
        }

        private boolean exclude(Clause clause) {
            if (pendingOr) {
                notice(orPosition, LONE_OPERATOR);
                pendingOr = false;
            }
            lastRequired = false;
            if (!excluded.contains(clause)) {
                if (clauses == MAX_CLAUSES) {
                    return false;
                }
                excluded.add(clause);
                clauses++;
            }
            return true;
        }

        private void notice(int position, String key) {
            notices.add(new Notice(position, key));
        }

        private ParsedQuery build() {
            List<Group> required = new ArrayList<>();
            Set<Set<Clause>> seen = new HashSet<>();
            for (List<Clause> group : groups) {
                if (seen.add(new HashSet<>(group))) {
                    required.add(new Group(group));
                }
            }
            // Glued items ("a"b) gain a space in the canonical form: keep that within MAX_LENGTH too, so that
            // it parses back to the same query. Whole groups go, so that no two groups become equal.
            while (codePoints(new ParsedQuery(required, excluded, List.of()).normalized()) > MAX_LENGTH) {
                if (!excluded.isEmpty()) {
                    excluded.remove(excluded.size() - 1);
                } else {
                    required.remove(required.size() - 1);
                }
                notice(Integer.MAX_VALUE - 1, TRUNCATED);
            }
            if (required.isEmpty() && !excluded.isEmpty()) {
                notice(Integer.MAX_VALUE, ONLY_EXCLUSIONS);
            }
            notices.sort(Comparator.comparingInt(Notice::position)); // stable: first occurrence first
            Set<String> keys = new LinkedHashSet<>();
            for (Notice notice : notices) {
                keys.add(notice.key());
            }
            return new ParsedQuery(required, excluded, List.copyOf(keys));
        }
    }
}
