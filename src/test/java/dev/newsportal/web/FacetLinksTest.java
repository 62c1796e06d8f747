package dev.newsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.newsportal.search.Facet;
import dev.newsportal.search.SearchService.FacetValue;
import dev.newsportal.search.SearchState;
import org.junit.jupiter.api.Test;

class FacetLinksTest {

    @Test
    void firstEightAndSelectedInViewRestBehindMoreEachWithItsToggle() {
        SearchState state = SearchState.fromParameters(Map.of("q", new String[] {"Wahl"}, "source", new String[] {"s9"}));
        List<FacetValue> values = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            values.add(new FacetValue("s" + i, "S" + i, 12 - i, i == 9));
        }
        FacetLinks links = FacetLinks.of(state, Map.of(Facet.SOURCE, values)).get(Facet.SOURCE);

        assertThat(links.shown()).extracting(FacetLinks.Link::value)
                .containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s9");
        assertThat(links.more()).extracting(FacetLinks.Link::value).containsExactly("s8", "s10", "s11");
        assertThat(links.selected()).extracting(FacetLinks.Link::value).containsExactly("s9");
        assertThat(links.shown().get(0).href()).isEqualTo(state.toggle(Facet.SOURCE, "s0").href())
                .isEqualTo("/search?q=Wahl&source=s0&source=s9");
        assertThat(links.selected().get(0).href()).isEqualTo("/search?q=Wahl");
        assertThat(links.shown().get(0)).extracting(FacetLinks.Link::label, FacetLinks.Link::count).containsExactly("S0", 12L);
        assertThat(FacetLinks.of(state, Map.of()).get(Facet.PERSON).isEmpty()).isTrue();
    }
}
