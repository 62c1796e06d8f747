package dev.newsportal.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import dev.newsportal.search.query.QueryParser;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** The whole request body, compared as a whole: every clause of a search is deliberate. */
class SearchRequestFactoryTest {

    private final SearchRequestFactory factory = new SearchRequestFactory("news");

    @Test
    void fullSearchRequest() throws Exception {
        SearchState state = new SearchState("Häuser OR \"Meta Platforms\" -Tesla title:kuro* person:zuckerberg",
                Map.of(Facet.LANGUAGE, java.util.List.of("fr", "de"), Facet.SOURCE, java.util.List.of("CTOL")),
                SearchState.Sort.NEWEST, 2);
        assertBody("search/full-request.json", state);
    }

    @Test
    void emptySearchBrowsesEverythingByRelevanceThenDate() throws Exception {
        assertBody("search/empty-request.json", SearchState.empty());
    }

    @Test
    void namesOfRegistryEntitiesAlsoMatchTheEntityInAnyScript() throws Exception {
        Map<String, String> registry = Map.of("PERSON mark zuckerberg", "mark-zuckerberg",
                "PERSON zuckerberg", "mark-zuckerberg", "COMPANY meta platforms", "meta");
        EntityNames names = (name, facet) -> java.util.Optional.ofNullable(
                registry.get(facet.name() + " " + name.toLowerCase(java.util.Locale.ROOT)));
        SearchRequestFactory withRegistry = new SearchRequestFactory("news", names);
        // words that together name a person, a quoted company name, a person: prefix with a name, an unknown word
        assertBody("search/entity-request.json", withRegistry,
                new SearchState("Mark Zuckerberg", Map.of(), SearchState.Sort.RELEVANCE, 1));
        assertBody("search/entity-phrase-request.json", withRegistry,
                new SearchState("\"Meta Platforms\" person:Zuckerberg Llama", Map.of(), SearchState.Sort.RELEVANCE, 1));
    }

    @Test
    void relatedDocumentsShareEntitiesButNotTheDocumentOrItsLanguage() throws Exception {
        String actual = JsonpUtils.toJsonString(factory.related("doc-1"), new Jackson3JsonpMapper());
        // The document's persons, companies and language are read by Elasticsearch itself: one round trip.
        JSONAssert.assertEquals("""
                {"bool": {
                  "must": [{"more_like_this": {"fields": ["persons", "companies"],
                    "like": [{"_index": "news", "_id": "doc-1"}],
                    "min_term_freq": 1, "min_doc_freq": 1, "max_query_terms": 100, "minimum_should_match": "1"}}],
                  "must_not": [{"ids": {"values": ["doc-1"]}},
                    {"terms": {"language": {"index": "news", "id": "doc-1", "path": "language"}}}]
                }}""", actual, JSONCompareMode.STRICT);
    }

    private void assertBody(String expectedFile, SearchState state) throws Exception {
        assertBody(expectedFile, factory, state);
    }

    private void assertBody(String expectedFile, SearchRequestFactory factory, SearchState state) throws Exception {
        String actual = JsonpUtils.toJsonString(factory.build(state, QueryParser.parse(state.q())), new Jackson3JsonpMapper());
        Path expected = Path.of("src/test/resources", expectedFile);
        if (Boolean.getBoolean("search.request.regenerate")) {
            Files.writeString(expected, actual);
        }
        JSONAssert.assertEquals(Files.readString(expected), actual, JSONCompareMode.STRICT);
    }
}
