package dev.newsportal.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.newsportal.search.Facet;
import dev.newsportal.search.SearchService.FacetValue;
import dev.newsportal.search.SearchState;

/**
 * A facet's values as the search page lists them, each with the address that toggles it: the first
 * {@value #SHOWN} and every selected value in view, the rest behind "Show more". Worked out once in Java rather
 * than by template conditions over every value (up to 50 per facet), which made rendering the page's main cost.
 * Public, like every type the templates call, so that their compiled SpEL calls it directly, not by reflection.
 */
public record FacetLinks(List<Link> shown, List<Link> more, List<Link> selected) {

    static final int SHOWN = 8;

    public record Link(String value, String label, long count, boolean selected, String href) {
    }

    static Map<Facet, FacetLinks> of(SearchState state, Map<Facet, List<FacetValue>> facets) {
        Map<Facet, FacetLinks> links = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<Link> shown = new ArrayList<>();
            List<Link> more = new ArrayList<>();
            List<Link> selected = new ArrayList<>();
            List<FacetValue> values = facets.getOrDefault(facet, List.of());
            for (int i = 0; i < values.size(); i++) {
                FacetValue v = values.get(i);
                Link link = new Link(v.value(), v.label(), v.count(), v.selected(), state.toggle(facet, v.value()).href());
                (i < SHOWN || v.selected() ? shown : more).add(link);
                if (v.selected()) {
                    selected.add(link);
                }
            }
            links.put(facet, new FacetLinks(shown, more, selected));
        }
        return links;
    }

    public boolean isEmpty() {
        return shown.isEmpty() && more.isEmpty();
    }
}
