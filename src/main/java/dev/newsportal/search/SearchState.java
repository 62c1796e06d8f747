package dev.newsportal.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything that defines a result page, and nothing else: it maps to and from the URL in one
 * canonical parameter order (q, language, source, company, person, sort, page; repeated
 * parameters for multi-select, values sorted), so equal searches have equal URLs.
 */
public record SearchState(String q, Map<Facet, List<String>> filters, Sort sort, int page) {

    public static final int PAGE_SIZE = 10;
    /** Deep pages cost the cluster and serve nobody: refine the search instead. */
    public static final int MAX_PAGE = 50;
    private static final int MAX_VALUES = 20;

    public enum Sort {
        RELEVANCE, NEWEST, OLDEST;

        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Sort parse(String value) {
            for (Sort s : values()) {
                if (s.parameter().equals(value)) {
                    return s;
                }
            }
            return RELEVANCE;
        }
    }

    public SearchState {
        q = q == null ? "" : q.strip();
        EnumMap<Facet, List<String>> copy = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
            TreeSet<String> values = new TreeSet<>();
            for (String v : filters.getOrDefault(f, List.of())) {
                if (v != null && !v.isBlank() && values.size() < MAX_VALUES) {
                    values.add(v.strip());
                }
            }
            copy.put(f, List.copyOf(values));
        }
        filters = Map.copyOf(copy);
        sort = sort == null ? Sort.RELEVANCE : sort;
        page = Math.max(1, Math.min(MAX_PAGE, page));
    }

    public static SearchState empty() {
        return new SearchState("", Map.of(), Sort.RELEVANCE, 1);
    }

    /** Lenient: whatever a hand-edited or truncated URL holds becomes a valid state. */
    public static SearchState fromParameters(Map<String, String[]> parameters) {
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
            String[] values = parameters.get(f.parameter());
            filters.put(f, values == null ? List.of() : List.of(values));
        }
        return new SearchState(first(parameters, "q"), filters, Sort.parse(first(parameters, "sort")),
                page(first(parameters, "page")));
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static int page(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public List<String> values(Facet facet) {
        return filters.get(facet);
    }

    public boolean selected(Facet facet, String value) {
        return filters.get(facet).contains(value);
    }

    public boolean hasFilters() {
        return filters.values().stream().anyMatch(v -> !v.isEmpty());
    }

    public int from() {
        return (page - 1) * PAGE_SIZE;
    }

    /** Selecting or unselecting a value starts again at page 1. */
    public SearchState toggle(Facet facet, String value) {
        Map<Facet, List<String>> changed = new EnumMap<>(filters);
        List<String> values = new ArrayList<>(filters.get(facet));
        if (!values.remove(value)) {
            values.add(value);
        }
        changed.put(facet, values);
        return new SearchState(q, changed, sort, 1);
    }

    public SearchState withoutFilters() {
        return new SearchState(q, Map.of(), sort, 1);
    }

    public SearchState withSort(Sort newSort) {
        return new SearchState(q, filters, newSort, 1);
    }

    public SearchState withPage(int newPage) {
        return new SearchState(q, filters, sort, newPage);
    }

    public SearchState withQuery(String newQuery) {
        return new SearchState(newQuery, filters, sort, 1);
    }

    /** The page's address, relative to the portal: "/search?..." in canonical order. */
    public String href() {
        String query = toQueryString();
        return query.isEmpty() ? "/search" : "/search?" + query;
    }

    /** The canonical query string (no leading '?'); defaults are left out. */
    public String toQueryString() {
        StringBuilder s = new StringBuilder();
        if (!q.isEmpty()) {
            append(s, "q", q);
        }
        for (Facet f : Facet.values()) {
            for (String v : filters.get(f)) {
                append(s, f.parameter(), v);
            }
        }
        if (sort != Sort.RELEVANCE) {
            append(s, "sort", sort.parameter());
        }
        if (page > 1) {
            append(s, "page", Integer.toString(page));
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (!s.isEmpty()) {
            s.append('&');
        }
        s.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
