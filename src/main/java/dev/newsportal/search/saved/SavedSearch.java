package dev.newsportal.search.saved;

import java.time.Instant;

import dev.newsportal.search.SearchState;

/**
 * A search kept under a name.
 *
 * @param query        the canonical query string of the search ({@link SearchState#toQueryString()}, page left out)
 * @param savedAt      when it was saved (millisecond precision, like the index)
 * @param countAtSave  how many documents matched then
 * @param newestAtSave the newest {@code ingested} time among those documents, or null when there were none
 */
public record SavedSearch(String id, String name, String query, Instant savedAt, long countAtSave, Instant newestAtSave) {

    public SearchState state() {
        return QueryStrings.state(query);
    }

    /** The search page of this search, relative to the portal. */
    public String href() {
        return state().href();
    }

    public SavedSearch withName(String newName) {
        return new SavedSearch(id, newName, query, savedAt, countAtSave, newestAtSave);
    }
}
