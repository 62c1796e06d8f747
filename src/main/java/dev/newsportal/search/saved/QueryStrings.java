package dev.newsportal.search.saved;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newsportal.search.SearchState;

/** Reads a query string (as a search URL or a save form carries it) back into a search state. */
public final class QueryStrings {

    /** Longer than any canonical query string the search page makes (1000 characters of query, 4 × 20 filters). */
    static final int MAX_LENGTH = 64 * 1024;

    private QueryStrings() {
    }

    /** Lenient like {@link SearchState#fromParameters}: a leading '?' or "/search?" and junk are tolerated. */
    public static SearchState state(String queryString) {
        return SearchState.fromParameters(parameters(queryString));
    }

    /** The state a saved search keeps: the search, not the page of it. */
    public static SearchState savable(String queryString) {
        return state(queryString).withPage(1);
    }

    static Map<String, String[]> parameters(String queryString) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (queryString != null) {
            String s = queryString.length() > MAX_LENGTH ? queryString.substring(0, MAX_LENGTH) : queryString;
            int question = s.indexOf('?');
            if (question >= 0) {
                s = s.substring(question + 1);
            }
            int hash = s.indexOf('#');
            if (hash >= 0) {
                s = s.substring(0, hash);
            }
            for (String pair : s.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
        return parameters;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a broken %-escape: keep the text as it is
        }
    }
}
