package dev.newsportal.search.query;

import static dev.newsportal.search.query.QueryParser.LONE_OPERATOR;
import static dev.newsportal.search.query.QueryParser.MAX_CLAUSES;
import static dev.newsportal.search.query.QueryParser.MAX_LENGTH;
import static dev.newsportal.search.query.QueryParser.ONLY_EXCLUSIONS;
import static dev.newsportal.search.query.QueryParser.TRUNCATED;
import static dev.newsportal.search.query.QueryParser.UNBALANCED_QUOTE;
import static dev.newsportal.search.query.QueryParser.UNKNOWN_FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each typed form is understood as. Expectations are written structurally: {@code W[field:text]} is a
 * word ({@code W[text]*} a prefix), {@code P[field:text]} a phrase (no field: free text), {@code (x | y)} an
 * OR group, {@code -x} an exclusion; notices by their initial: Q unbalancedQuote, L loneOperator,
 * T truncated, X onlyExclusions, F unknownField, in the order expected.
 */
class QueryParserTest {

    private static final Map<Character, String> NOTICES = Map.of('Q', UNBALANCED_QUOTE, 'L', LONE_OPERATOR,
            'T', TRUNCATED, 'X', ONLY_EXCLUSIONS, 'F', UNKNOWN_FIELD);

    static Stream<Arguments> forms() {
        return Stream.of(
                c("musk", "W[musk]"),
                c("Elon Musk", "W[Elon] W[Musk]"),
                c("\"elon musk\"", "P[elon musk]"),
                c("“elon musk”", "P[elon musk]"),
                c("„Elon Musk“", "P[Elon Musk]"),
                c("„Elon Musk”", "P[Elon Musk]"),
                c("”Elon Musk”", "P[Elon Musk]"),
                c("「マーク・ザッカーバーグ」", "P[マーク・ザッカーバーグ]"),
                c("\"  spaced \t out\u3000 \"", "P[spaced out]"),
                c("\"single\"", "P[single]"),
                c("\"tech* OR -x title:y\"", "P[tech* OR -x title:y]"),
                c("musk -tesla", "W[musk] -W[tesla]"),
                c("musk -\"model y\"", "W[musk] -P[model y]"),
                c("musk -「空港」", "W[musk] -P[空港]"),
                c("a OR b", "(W[a] | W[b])"),
                c("a or b", "W[a] W[or] W[b]"),
                c("a Or b", "W[a] W[Or] W[b]"),
                c("a b OR c -d", "W[a] (W[b] | W[c]) -W[d]"),
                c("a OR b OR c", "(W[a] | W[b] | W[c])"),
                c("a OR b c OR d", "(W[a] | W[b]) (W[c] | W[d])"),
                c("\"a b\" OR c", "(P[a b] | W[c])"),
                c("tech*", "W[tech]*"),
                c("ab*", "W[ab]*"),
                c("tech**", "W[tech]*"),
                c("ca*t", "W[ca*t]"),
                c("OR*", "W[OR]*"),
                c("title:musk", "W[title:musk]"),
                c("TITLE:Musk", "W[title:Musk]"),
                c("Person:Musk", "W[person:Musk]"),
                c("person:\"Mark Zuckerberg\"", "P[person:Mark Zuckerberg]"),
                c("person:„Mark Zuckerberg“", "P[person:Mark Zuckerberg]"),
                c("company:Tesl*", "W[company:Tesl]*"),
                c("source:heise.de", "W[source:heise.de]"),
                c("language:ja", "W[language:ja]"),
                c("LANGUAGE:\"en\"", "P[language:en]"),
                c("-source:CTOL", "-W[source:CTOL]", "X"),
                c("musk -source:CTOL", "W[musk] -W[source:CTOL]"),
                c("-person:\"Mark Zuckerberg\" meta", "W[meta] -P[person:Mark Zuckerberg]"),
                c("title:person:x", "W[title:person:x]"),
                c("title:-x", "W[title:-x]"),
                c("title:OR", "W[title:OR]"),
                c("+musk", "W[musk]"),
                c("+\"a b\"", "P[a b]"),
                c("+title:x", "W[title:x]"),
                c("-OR", "-W[OR]", "X"),
                c("C++ c# e-mail AT&T", "W[C++] W[c#] W[e-mail] W[AT&T]"),
                c("12:30", "W[12:30]"),
                c("foo\"bar baz\"qux", "W[foo] P[bar baz] W[qux]"),
                c("\"a\"\"b\"", "P[a] P[b]"));
    }

    static Stream<Arguments> combinations() {
        return Stream.of(
                c("title:\"a b\" OR person:Musk -company:Tesla", "(P[title:a b] | W[person:Musk]) -W[company:Tesla]"),
                c("elon OR \"elon musk\" tesla* -title:spacex -\"model y\"",
                        "(W[elon] | P[elon musk]) W[tesla]* -W[title:spacex] -P[model y]"),
                c("person:Musk OR person:Zuckerberg language:en",
                        "(W[person:Musk] | W[person:Zuckerberg]) W[language:en]"),
                c("source:CTOL OR source:Reuters OR source:dpa -language:ja meta*",
                        "(W[source:CTOL] | W[source:Reuters] | W[source:dpa]) W[meta]* -W[language:ja]"),
                c("+title:„Elon  Musk“ OR company:tes* -\"model y\" -source:X",
                        "(P[title:Elon Musk] | W[company:tes]*) -P[model y] -W[source:X]"));
    }

    static Stream<Arguments> unicode() {
        return Stream.of(
                c("マーク・ザッカーバーグ 空港", "W[マーク・ザッカーバーグ] W[空港]"),
                c("マーク・ザッカーバーグ\u3000空港", "W[マーク・ザッカーバーグ] W[空港]"),
                c("東京オリンピック開催", "W[東京オリンピック開催]"),
                c("person:「マーク・ザッカーバーグ」 空港*", "P[person:マーク・ザッカーバーグ] W[空港]*"),
                c("שלום עולם", "W[שלום] W[עולם]"),
                c("\"السلام عليكم\" -حرب", "P[السلام عليكم] -W[حرب]"),
                c("\u200Fשלום\u200F \u202Bעולם\u202C", "W[שלום] W[עולם]"),
                c("🚀 launch", "W[🚀] W[launch]"),
                c("👩‍💻 OR 🧑🏽‍🚀", "(W[👩‍💻] | W[🧑🏽‍🚀])"),
                c("Müller* Straße -Ärger", "W[Müller]* W[Straße] -W[Ärger]"),
                c("e\u0301cole", "W[\u00E9cole]"),
                c("e\u0007\u0301cole", "W[\u00E9cole]"),
                c("Москва OR Київ", "(W[Москва] | W[Київ])"),
                c("a\tb\nc\u00A0d\u2003e\u3000f\u200Bg\r\nh\u0085i", "W[a] W[b] W[c] W[d] W[e] W[f] W[g] W[h] W[i]"),
                c("mu\u0000sk\u0007 \u001B", "W[musk]"),
                c("a\uD800b \uDC00", "W[ab]"),
                c("\uFEFFmusk", "W[musk]"));
    }

    static Stream<Arguments> degradations() {
        return Stream.of(
                c("\"elon musk", "W[elon] W[musk]", "Q"),
                c("elon musk\"", "W[elon] W[musk]", "Q"),
                c("a \"b c\" \"d", "W[a] P[b c] W[d]", "Q"),
                c("「東京", "W[東京]", "Q"),
                c("東京」", "W[東京]", "Q"),
                c("a“b", "W[a] W[b]", "Q"),
                c("\"\"\"", "", "Q"),
                c("\"\"", ""),
                c("title:\"Musk", "W[Musk]", "LQ"),
                c("OR musk", "W[musk]", "L"),
                c("musk OR", "W[musk]", "L"),
                c("OR", "", "L"),
                c("a OR OR b", "(W[a] | W[b])", "L"),
                c("a OR -b", "W[a] -W[b]", "L"),
                c("-a OR b", "W[b] -W[a]", "L"),
                c("- musk", "W[musk]", "L"),
                c("-", "", "L"),
                c("+", "", "L"),
                c("*", "", "L"),
                c("musk *", "W[musk]", "L"),
                c("t*", "W[t]", "L"),
                c("🚀*", "W[🚀]", "L"),
                c("**ab", "W[ab]", "L"),
                c("title:", "", "L"),
                c("title: Musk", "W[Musk]", "L"),
                c("title:\"\"", "", "L"),
                c("title:*", "", "L"),
                c("title:*ab*", "W[title:ab]*", "L"),
                c("*-ab", "-W[ab]", "LX"),
                c("title:-", "", "L"),
                c("-\"\"", "", "L"),
                c("- \"a b\"", "P[a b]", "L"),
                c("-\"elon", "W[elon]", "LQ"),
                c("OR a \"b", "W[a] W[b]", "LQ"),
                c("a \"b OR", "W[a] W[b]", "QL"),
                c("-musk", "-W[musk]", "X"),
                c("-a -b -\"c d\"", "-W[a] -W[b] -P[c d]", "X"),
                c("Rust: the language", "W[Rust:] W[the] W[language]", "F"),
                c("https://example.com/a?b=c", "W[https://example.com/a?b=c]", "F"),
                c("foo:bar", "W[foo:bar]", "F"),
                c("text:bar", "W[text:bar]", "F"),
                c("foo:\"bar baz\"", "P[foo:bar baz]", "F"),
                c("foo:\"\"", "W[foo:]", "F"),
                c("-foo:bar", "-W[foo:bar]", "FX"),
                c("OR foo:bar \"x -", "W[foo:bar] W[x]", "LFQ"),
                c("a & b — c ... \"!!\" title:?", "W[a] W[b] W[c]"),
                c("a a", "W[a]"),
                c("a OR a", "W[a]"),
                c("a OR b b OR a", "(W[a] | W[b])"),
                c("-b -b a", "W[a] -W[b]"),
                c("\u0000\u0001\t \u3000", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"forms", "combinations", "unicode", "degradations"})
    void understands(String input, String expected, String notices) {
        ParsedQuery query = QueryParser.parseStrict(input);
        assertThat(describe(query)).as("parse of %s", input).isEqualTo(expected);
        assertThat(query.notices()).as("notices of %s", input).isEqualTo(notices(notices));
        assertThat(QueryParser.parse(input)).isEqualTo(query);
        assertRoundTrip(query);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   \t\n", "\u3000\u00A0"})
    void nullOrBlankIsEmpty(String input) {
        ParsedQuery query = QueryParser.parse(input);
        assertThat(query.isEmpty()).isTrue();
        assertThat(query.required()).isEmpty();
        assertThat(query.excluded()).isEmpty();
        assertThat(query.notices()).isEmpty();
        assertThat(query.normalized()).isEmpty();
    }

    @Test
    void normalizedIsCanonical() {
        assertThat(QueryParser.parse("a b OR c -d").normalized()).isEqualTo("a b OR c -d");
        assertThat(QueryParser.parse("  +TITLE:„Elon \t Musk“ OR person:Musk  -Company:Tesla tech**").normalized())
                .isEqualTo("title:\"Elon Musk\" OR person:Musk tech* -company:Tesla");
        assertThat(QueryParser.parse("-x a OR 「東京 五輪」").normalized()).isEqualTo("a OR \"東京 五輪\" -x");
        assertThat(QueryParser.parse("foo:\"bar baz\" Rust:").normalized()).isEqualTo("\"foo:bar baz\" Rust:");
    }

    @Test
    void onlyExclusionsAreKept() {
        ParsedQuery query = QueryParser.parse("-tesla -source:CTOL");
        assertThat(query.isEmpty()).isFalse();
        assertThat(query.required()).isEmpty();
        assertThat(query.excluded()).containsExactly(new Word(Field.TEXT, "tesla", false),
                new Word(Field.SOURCE, "CTOL", false));
        assertThat(query.notices()).containsExactly(ONLY_EXCLUSIONS);
    }

    @Test
    void recordsAreExact() {
        ParsedQuery query = QueryParser.parse("title:\"a b\" OR person:Musk -company:Tesla spa*");
        assertThat(query.required()).containsExactly(
                new Group(List.of(new Phrase(Field.TITLE, "a b"), new Word(Field.PERSON, "Musk", false))),
                new Group(List.of(new Word(Field.TEXT, "spa", true))));
        assertThat(query.excluded()).containsExactly(new Word(Field.COMPANY, "Tesla", false));
        assertThat(query.notices()).isEmpty();
    }

    @Test
    void moreThanMaxClausesAreDropped() {
        String input = IntStream.rangeClosed(1, MAX_CLAUSES + 5).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        ParsedQuery query = QueryParser.parseStrict(input);
        assertThat(query.required()).hasSize(MAX_CLAUSES);
        assertThat(query.required().get(MAX_CLAUSES - 1).alternatives()).containsExactly(
                new Word(Field.TEXT, "w" + MAX_CLAUSES, false));
        assertThat(query.notices()).containsExactly(TRUNCATED);

        String excluding = "a " + IntStream.rangeClosed(1, MAX_CLAUSES).mapToObj(i -> "-x" + i)
                .collect(Collectors.joining(" "));
        ParsedQuery mixed = QueryParser.parseStrict(excluding);
        assertThat(mixed.required()).hasSize(1);
        assertThat(mixed.excluded()).hasSize(MAX_CLAUSES - 1);
        assertThat(mixed.notices()).containsExactly(TRUNCATED);
    }

    @Test
    void tenThousandOredWords() {
        String input = IntStream.range(0, 10_000).mapToObj(i -> "word" + i).collect(Collectors.joining(" OR "));
        ParsedQuery query = QueryParser.parseStrict(input);
        assertThat(query.required()).hasSize(1);
        assertThat(query.required().get(0).alternatives()).hasSize(MAX_CLAUSES)
                .startsWith(new Word(Field.TEXT, "word0", false));
        assertThat(query.notices()).containsExactly(TRUNCATED);
        assertRoundTrip(query);
    }

    @Test
    void lengthCutDropsThePartialWord() {
        String word = "abcdefghijklmnopqrstuvwxyz0123456789";
        String input = IntStream.range(0, 100).mapToObj(i -> word + i).collect(Collectors.joining(" OR "));
        ParsedQuery query = QueryParser.parseStrict(input);
        assertThat(query.required()).hasSize(1);
        List<Clause> alternatives = query.required().get(0).alternatives();
        assertThat(alternatives).hasSizeBetween(20, MAX_CLAUSES - 1);
        for (int i = 0; i < alternatives.size(); i++) {
            assertThat(alternatives.get(i)).isEqualTo(new Word(Field.TEXT, word + i, false));
        }
        assertThat(query.notices()).contains(TRUNCATED);
        assertRoundTrip(query);
    }

    @Test
    void tenKilobytesOfText() {
        String sentence = "The quick brown fox jumps over the lazy dog, \"said\" -nobody OR everybody. ";
        String input = sentence.repeat(10_240 / sentence.length() + 1);
        ParsedQuery query = QueryParser.parseStrict(input);
        assertThat(clauses(query)).isLessThanOrEqualTo(MAX_CLAUSES).isPositive();
        assertThat(query.notices()).contains(TRUNCATED);
        assertRoundTrip(query);
    }

    @Test
    void exactlyMaxLengthIsKept() {
        String exact = "a".repeat(MAX_LENGTH);
        assertThat(QueryParser.parse(exact).required()).containsExactly(new Group(List.of(new Word(Field.TEXT, exact, false))));
        assertThat(QueryParser.parse(exact).notices()).isEmpty();

        ParsedQuery longer = QueryParser.parse("a".repeat(MAX_LENGTH + 4000));
        assertThat(longer.required()).containsExactly(new Group(List.of(new Word(Field.TEXT, exact, false))));
        assertThat(longer.notices()).containsExactly(TRUNCATED);

        String emoji = "🚀".repeat(MAX_LENGTH + 1); // characters, not UTF-16 units
        ParsedQuery rockets = QueryParser.parse(emoji);
        assertThat(rockets.required().get(0).alternatives().get(0).text()).isEqualTo("🚀".repeat(MAX_LENGTH));
        assertThat(rockets.notices()).containsExactly(TRUNCATED);
    }

    @Test
    void canonicalFormStaysWithinMaxLength() {
        // 1000 characters whose canonical form needs a space more ("x" www...): the last clause goes.
        String input = "\"x\"" + "w".repeat(MAX_LENGTH - 3);
        ParsedQuery query = QueryParser.parseStrict(input);
        assertThat(describe(query)).isEqualTo("P[x]");
        assertThat(query.notices()).containsExactly(TRUNCATED);
        assertRoundTrip(query);
    }

    @Test
    void garbageBytesNeverFail() {
        Random random = new Random(20_240_601);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(3_000)];
            random.nextBytes(bytes);
            for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16)) {
                String input = new String(bytes, charset);
                ParsedQuery query = QueryParser.parseStrict(input);
                assertThat(clauses(query)).isLessThanOrEqualTo(MAX_CLAUSES);
                assertRoundTrip(query);
            }
        }
    }

    @Test
    void noticesComeOnceInOrderOfFirstOccurrence() {
        // The quote is found while reading characters, the operators later: the order is still positional.
        ParsedQuery query = QueryParser.parse("OR a foo:x b OR OR c -\"d e\" - \"f OR");
        assertThat(query.notices()).containsExactly(LONE_OPERATOR, UNKNOWN_FIELD, UNBALANCED_QUOTE);
        assertThat(describe(query)).isEqualTo("W[a] W[foo:x] (W[b] | W[c]) W[f] -P[d e]");
    }

    @Test
    void recordsAreImmutableAndValidated() {
        List<Clause> alternatives = new ArrayList<>(List.of(new Word(Field.TEXT, "a", false)));
        Group group = new Group(alternatives);
        alternatives.clear();
        assertThat(group.alternatives()).hasSize(1);
        assertThatThrownBy(() -> new Group(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Word(Field.TEXT, "", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Phrase(null, "a")).isInstanceOf(NullPointerException.class);
        ParsedQuery query = QueryParser.parse("a -b");
        assertThatThrownBy(() -> query.required().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> query.notices().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new ParsedQuery(List.of(), List.of(), List.of("n")).isEmpty()).isTrue();
    }

    @Test
    void fieldPrefixes() {
        assertThat(Arrays.stream(Field.values()).map(Field::prefix))
                .containsExactly("", "title:", "person:", "company:", "source:", "language:");
    }

    // ---------------------------------------------------------------- helpers

    private static Arguments c(String input, String expected) {
        return arguments(input, expected, "");
    }

    private static Arguments c(String input, String expected, String notices) {
        return arguments(input, expected, notices);
    }

    private static List<String> notices(String initials) {
        return initials.chars().mapToObj(c -> NOTICES.get((char) c)).toList();
    }

    static int clauses(ParsedQuery query) {
        return query.required().stream().mapToInt(g -> g.alternatives().size()).sum() + query.excluded().size();
    }

    static void assertRoundTrip(ParsedQuery query) {
        String normalized = query.normalized();
        ParsedQuery again = QueryParser.parseStrict(normalized);
        assertThat(again.required()).as("required of re-parsed %s", normalized).isEqualTo(query.required());
        assertThat(again.excluded()).as("excluded of re-parsed %s", normalized).isEqualTo(query.excluded());
        assertThat(again.normalized()).isEqualTo(normalized);
        assertThat(normalized.codePointCount(0, normalized.length())).isLessThanOrEqualTo(MAX_LENGTH);
    }

    static String describe(ParsedQuery query) {
        List<String> parts = new ArrayList<>();
        for (Group group : query.required()) {
            List<String> alternatives = group.alternatives().stream().map(QueryParserTest::describe).toList();
            parts.add(alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" | ", alternatives) + ")");
        }
        for (Clause clause : query.excluded()) {
            parts.add("-" + describe(clause));
        }
        return String.join(" ", parts);
    }

    private static String describe(Clause clause) {
        String field = clause.field() == Field.TEXT ? "" : clause.field().name().toLowerCase() + ":";
        if (clause instanceof Word word) {
            return "W[" + field + word.text() + "]" + (word.prefix() ? "*" : "");
        }
        return "P[" + field + clause.text() + "]";
    }
}
