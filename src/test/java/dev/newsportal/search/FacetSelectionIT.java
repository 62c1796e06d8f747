package dev.newsportal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.newsportal.entities.EntityStage;
import dev.newsportal.ingest.IngestService;
import dev.newsportal.search.SearchService.FacetValue;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** Selected facet values keep their real counts even when they rank below the facet's top values. */
@PortalIntegrationTest
class FacetSelectionIT {

    private static final Path SOURCE = Path.of("target/it-facets").toAbsolutePath();
    /** One more outlet than the facet fetches, each with two articles: the one-article outlet ranks last. */
    private static final int BUSY_OUTLETS = SearchRequestFactory.FACET_SIZE + 1;
    private static final String RARE = "Zeta Wire";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        FileSystemUtils.deleteRecursively(SOURCE);
        Files.createDirectories(SOURCE);
        StringBuilder lines = new StringBuilder();
        for (int outlet = 1; outlet <= BUSY_OUTLETS; outlet++) {
            for (int article = 1; article <= 2; article++) {
                lines.append(record("o" + outlet + "-" + article, "Outlet %02d".formatted(outlet)));
            }
        }
        lines.append(record("rare-1", RARE));
        Files.writeString(SOURCE.resolve("articles.jsonl"), lines);
        registry.add("portal.ingest.alias", () -> "it-facets");
        registry.add("portal.ingest.sources[0].name", () -> "facets");
        registry.add("portal.ingest.sources[0].path", SOURCE::toString);
    }

    private static String record(String id, String source) {
        return "{\"id\":\"" + id + "\",\"title\":\"Harbour report " + id + "\",\"body\":\"The harbour of " + source
                + " reported calm seas and ordinary traffic today.\",\"lang\":\"en\",\"source\":\"" + source + "\"}\n";
    }

    @Autowired
    IngestService ingest;

    @Autowired
    EntityStage entities;

    @Autowired
    SearchService search;

    @BeforeEach
    void indexed() throws Exception {
        // Results compared across requests must not change under the entity stage in between.
        TestIndex.ensureEnriched(ingest, entities);
    }

    @Test
    void aSelectedValueOutsideTheTopValuesShowsItsRealCount() {
        var page = search.search(new SearchState("", Map.of(Facet.SOURCE, List.of(RARE)), SearchState.Sort.RELEVANCE, 1),
                Locale.ENGLISH);
        assertThat(page.total()).isEqualTo(1);
        List<FacetValue> sources = page.facets().get(Facet.SOURCE);
        assertThat(sources).hasSize(SearchRequestFactory.FACET_SIZE + 1);
        assertThat(sources.subList(0, SearchRequestFactory.FACET_SIZE)).extracting(FacetValue::value).doesNotContain(RARE);
        assertThat(sources.get(SearchRequestFactory.FACET_SIZE)).isEqualTo(new FacetValue(RARE, RARE, 1, true));
    }

    @Test
    void aSelectedValueAmongTheTopValuesIsListedOnceWithItsCount() {
        var page = search.search(new SearchState("", Map.of(Facet.SOURCE, List.of("Outlet 02", RARE)),
                SearchState.Sort.RELEVANCE, 1), Locale.ENGLISH);
        assertThat(page.total()).isEqualTo(3);
        List<FacetValue> sources = page.facets().get(Facet.SOURCE);
        assertThat(sources).hasSize(SearchRequestFactory.FACET_SIZE + 1);
        assertThat(sources).filteredOn(FacetValue::selected).extracting(FacetValue::value, FacetValue::count)
                .containsExactly(tuple("Outlet 02", 2L), tuple(RARE, 1L));
    }
}
