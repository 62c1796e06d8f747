package dev.newsportal.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style: random inputs assembled from the grammar's pieces (and its usual breakages) always parse,
 * keep the parser's invariants, and their {@code normalized()} form parses back to the same query, cleanly.
 */
class NormalizedRoundTripTest {

    private static final int SAMPLES = 5_000;

    private static final String[] PIECES = {
        "musk", "Tesla", "elon", "OR", "OR", "OR", "or", "AND", "a", "x", "ab", "OR*",
        "マーク・ザッカーバーグ", "空港", "東京五輪", "שלום", "مرحبا", "Київ", "🚀", "👩‍💻", "e\u0301", "Ärger",
        "C++", "e-mail", "12:30", "https://x.y/z?q=1", "Rust:", "foo:bar", "foo:",
        "title:", "TITLE:", "person:", "Company:", "source:", "language:", "text:", "ſource:", "İtle:",
        "-", "--", "+", "+-", "*", "**", ":", "::", "&", "—", "...",
        "\"", "\"", "\"", "“", "”", "„", "「", "」", "-\"", "title:\"", "\"\"",
        "\u0000", "\u0007", "\t", "\n", "\u00A0", "\u3000", "\u200B", "\u202E", "\u200F", "\uFEFF",
        "\uD800", "\uDC00", "\u0301", "\u1100", "\u1161", "\u212B", "\u0958", "e\u0007\u0301", "\u1100\u0000\u1161",
    };
    private static final String[] JOINERS = {" ", " ", " ", " ", "", "", "  ", "\t", "\u3000", "\n"};
    private static final Set<String> KEYS = Set.of(QueryParser.UNBALANCED_QUOTE, QueryParser.LONE_OPERATOR,
            QueryParser.TRUNCATED, QueryParser.ONLY_EXCLUSIONS, QueryParser.UNKNOWN_FIELD);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void normalizedParsesBackToTheSameQuery(long seed) {
        Random random = new Random(seed);
        for (int sample = 0; sample < SAMPLES; sample++) {
            String input = input(random);
            try {
                check(input);
            } catch (AssertionError | RuntimeException e) {
                fail("seed " + seed + ", sample " + sample + ", input " + escape(input) + ": " + e.getMessage(), e);
            }
        }
    }

    private static void check(String input) {
        ParsedQuery query = QueryParser.parseStrict(input);
        invariants(query);
        String normalized = query.normalized();
        ParsedQuery again = QueryParser.parseStrict(normalized);
        assertThat(again.required()).as("required, normalized %s", escape(normalized)).isEqualTo(query.required());
        assertThat(again.excluded()).as("excluded, normalized %s", escape(normalized)).isEqualTo(query.excluded());
        assertThat(again.normalized()).isEqualTo(normalized);
        // The canonical form needs no repair: no quote, operator or length notice.
        assertThat(again.notices()).as("notices of %s", escape(normalized))
                .isSubsetOf(QueryParser.UNKNOWN_FIELD, QueryParser.ONLY_EXCLUSIONS);
    }

    private static void invariants(ParsedQuery query) {
        assertThat(query.notices()).doesNotHaveDuplicates().allMatch(KEYS::contains);
        assertThat(QueryParserTest.clauses(query)).isLessThanOrEqualTo(QueryParser.MAX_CLAUSES);
        String normalized = query.normalized();
        assertThat(normalized.codePointCount(0, normalized.length())).isLessThanOrEqualTo(QueryParser.MAX_LENGTH);
        assertThat(query.notices().contains(QueryParser.ONLY_EXCLUSIONS))
                .isEqualTo(query.required().isEmpty() && !query.excluded().isEmpty());
        assertThat(query.isEmpty()).isEqualTo(query.required().isEmpty() && query.excluded().isEmpty());
        Set<Set<Clause>> groups = new HashSet<>();
        for (Group group : query.required()) {
            assertThat(group.alternatives()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(groups.add(Set.copyOf(group.alternatives()))).as("distinct groups").isTrue();
            group.alternatives().forEach(NormalizedRoundTripTest::clause);
        }
        assertThat(query.excluded()).doesNotHaveDuplicates();
        query.excluded().forEach(NormalizedRoundTripTest::clause);
    }

    private static void clause(Clause clause) {
        String text = clause.text();
        assertThat(text).isNotEmpty();
        assertThat(text.codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL
                || Character.getType(cp) == Character.SURROGATE)).as("no control characters in %s", text).isTrue();
        if (clause instanceof Word word) {
            assertThat(text.codePoints().noneMatch(QueryParser::isSeparator)).as("word %s", text).isTrue();
            assertThat(text).doesNotEndWith("*");
            if (word.prefix()) {
                assertThat(text.codePointCount(0, text.length())).isGreaterThanOrEqualTo(2);
            }
        } else {
            assertThat(text).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
        }
    }

    /** Pieces, some signed or starred, glued or separated; now and then far longer than MAX_LENGTH. */
    private static String input(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                sb.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x30000) : 0x20 + random.nextInt(0x3000));
            }
            return sb.toString();
        }
        if (kind == 2) {
            // A few long words, often glued to phrases: the canonical form needs spaces the input lacked.
            StringBuilder sb = new StringBuilder();
            for (int i = 0; sb.length() < QueryParser.MAX_LENGTH - 50; i++) {
                sb.append(random.nextBoolean() ? "\"q" + i + "\"" : random.nextBoolean() ? " " : "-\"r s" + i + "\"");
                sb.append("w".repeat(1 + random.nextInt(300))).append(i);
            }
            return sb.append("z".repeat(random.nextInt(60))).toString();
        }
        int pieces = kind == 1 ? 300 + random.nextInt(600) : 1 + random.nextInt(14);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (i > 0) {
                sb.append(JOINERS[random.nextInt(JOINERS.length)]);
            }
            int sign = random.nextInt(10);
            if (sign == 0) {
                sb.append('-');
            } else if (sign == 1) {
                sb.append('+');
            }
            String piece = PIECES[random.nextInt(PIECES.length)];
            if (random.nextInt(8) == 0) {
                piece = "\"" + piece + " " + PIECES[random.nextInt(PIECES.length)] + "\"";
            }
            sb.append(piece);
            if (random.nextInt(7) == 0) {
                sb.append('*');
            }
        }
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder("«");
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE || Character.isSpaceChar(cp) && cp != ' ') {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('»').toString();
    }
}
