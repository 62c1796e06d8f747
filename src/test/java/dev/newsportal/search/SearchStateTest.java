package dev.newsportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SearchStateTest {

    @Test
    void urlHasTheCanonicalOrderWhateverTheInputOrder() {
        Map<String, String[]> params = new LinkedHashMap<>();
        params.put("page", new String[] {"2"});
        params.put("person", new String[] {"zuckerberg", "altman"});
        params.put("sort", new String[] {"newest"});
        params.put("language", new String[] {"fr", "de"});
        params.put("q", new String[] {" Häuser & Co "});
        SearchState state = SearchState.fromParameters(params);
        assertThat(state.toQueryString())
                .isEqualTo("q=H%C3%A4user%20%26%20Co&language=de&language=fr&person=altman&person=zuckerberg&sort=newest&page=2");
    }

    @Test
    void roundTripsThroughTheUrl() {
        SearchState state = SearchState.empty().withQuery("空港 \"a b\"").toggle(Facet.SOURCE, "CTOL")
                .toggle(Facet.COMPANY, "meta").withSort(SearchState.Sort.OLDEST).withPage(3);
        Map<String, String[]> parsed = new LinkedHashMap<>();
        for (String pair : state.toQueryString().split("&")) {
            String[] kv = pair.split("=", 2);
            String value = java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
            parsed.merge(kv[0], new String[] {value}, (a, b) -> java.util.stream.Stream.concat(
                    java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new));
        }
        assertThat(SearchState.fromParameters(parsed)).isEqualTo(state);
    }

    @Test
    void nonsenseBecomesAValidState() {
        Map<String, String[]> params = Map.of("page", new String[] {"1000000000"}, "sort", new String[] {"sideways"},
                "language", new String[] {"", "  "});
        SearchState state = SearchState.fromParameters(params);
        assertThat(state.page()).isEqualTo(SearchState.MAX_PAGE);
        assertThat(state.sort()).isEqualTo(SearchState.Sort.RELEVANCE);
        assertThat(state.values(Facet.LANGUAGE)).isEmpty();
        assertThat(SearchState.fromParameters(Map.of("page", new String[] {"-3x"})).page()).isEqualTo(1);
    }

    @Test
    void togglingAFilterGoesBackToPageOne() {
        SearchState state = SearchState.empty().withPage(4).toggle(Facet.PERSON, "a");
        assertThat(state.page()).isEqualTo(1);
        assertThat(state.toggle(Facet.PERSON, "a").values(Facet.PERSON)).isEmpty();
    }
}
