package dev.newsportal.search.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;

import dev.newsportal.search.Facet;
import dev.newsportal.search.SearchState;
import dev.newsportal.search.saved.SavedSearchService.InvalidNameException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Names, query strings and the stored form of saved searches, without a cluster. */
class SavedSearchTest {

    @Test
    void namesAreTrimmedAndMustHaveOneToHundredCharacters() {
        assertThat(SavedSearchService.validName("  Tech layoffs \n")).isEqualTo("Tech layoffs");
        assertThat(SavedSearchService.validName("a\u0000b")).isEqualTo("a b");
        assertThat(SavedSearchService.validName("日".repeat(100))).hasSize(100);
        assertThat(SavedSearchService.validName("😀".repeat(100))).hasSize(200); // code points, not chars
        assertThatThrownBy(() -> SavedSearchService.validName("   ")).isInstanceOf(InvalidNameException.class)
                .extracting(e -> ((InvalidNameException) e).messageKey()).isEqualTo("saved.error.nameRequired");
        assertThatThrownBy(() -> SavedSearchService.validName(null)).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> SavedSearchService.validName("x".repeat(101))).isInstanceOf(InvalidNameException.class)
                .extracting(e -> ((InvalidNameException) e).messageKey()).isEqualTo("saved.error.nameTooLong");
    }

    @Test
    void queryStringsReadBackToTheCanonicalStateWithoutThePage() {
        SearchState state = SearchState.empty().withQuery("Häuser \"new york\" -x").toggle(Facet.LANGUAGE, "de")
                .toggle(Facet.PERSON, "Q1").toggle(Facet.LANGUAGE, "fr").withSort(SearchState.Sort.NEWEST).withPage(3);
        assertThat(QueryStrings.state(state.toQueryString())).isEqualTo(state);
        assertThat(QueryStrings.savable(state.toQueryString())).isEqualTo(state.withPage(1));
        assertThat(QueryStrings.state("/search?" + state.toQueryString())).isEqualTo(state);
        assertThat(QueryStrings.state("q=a+b&language=fr&language=de").toQueryString()).isEqualTo("q=a%20b&language=de&language=fr");
    }

    @Test
    void brokenQueryStringsGiveAValidState() {
        assertThat(QueryStrings.state(null)).isEqualTo(SearchState.empty());
        assertThat(QueryStrings.state("")).isEqualTo(SearchState.empty());
        assertThat(QueryStrings.state("&&=&q=%E3%8&page=x&sort=sideways").q()).isEqualTo("%E3%8");
        assertThat(QueryStrings.state("q").q()).isEmpty();
    }

    @Test
    void storedFormRoundTripsAndFitsTheStrictMapping() throws Exception {
        SavedSearch s = new SavedSearch("id-1", "Name", "q=x&language=de", Instant.parse("2025-01-02T03:04:05.678Z"), 7,
                Instant.parse("2025-01-01T00:00:00Z"));
        Map<String, Object> source = SavedSearchStore.toSource(s);
        assertThat(SavedSearchStore.fromSource(source)).isEqualTo(s);
        SavedSearch none = new SavedSearch("id-2", "N", "", Instant.parse("2025-01-02T03:04:05Z"), 0, null);
        assertThat(SavedSearchStore.fromSource(SavedSearchStore.toSource(none))).isEqualTo(none);

        JsonNode properties;
        try (InputStream in = getClass().getResourceAsStream("/es-mappings/saved-searches.json")) {
            JsonNode mapping = JsonMapper.builder().build().readTree(in);
            assertThat(mapping.path("mappings").path("dynamic").asString()).isEqualTo("strict");
            properties = mapping.path("mappings").path("properties");
        }
        for (String field : source.keySet()) {
            assertThat(properties.has(field)).as("mapped field %s", field).isTrue();
        }
        assertThat(s.href()).isEqualTo("/search?q=x&language=de");
    }
}
