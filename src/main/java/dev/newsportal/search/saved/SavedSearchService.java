package dev.newsportal.search.saved;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.newsportal.ingest.IngestProperties;
import dev.newsportal.search.SearchRequestFactory;
import dev.newsportal.search.SearchState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Saves searches with their count then, and lists them with their count now and how many matching documents
 * were ingested since: one small size-0 search per saved search (a list page, not the search hot path).
 */
@Service
public class SavedSearchService {

    public static final int MAX_NAME_LENGTH = 100;
    static final String INGESTED = "ingested";

    private static final Logger log = LoggerFactory.getLogger(SavedSearchService.class);

    /** A saved search with its counts now; null counts when they could not be had (index or cluster away). */
    public record Listed(SavedSearch saved, Long countNow, Long newSinceSaved) {
    }

    /** A name that is empty after trimming, or too long; {@link #messageKey()} says which. */
    public static final class InvalidNameException extends IllegalArgumentException {
        private final String messageKey;

        InvalidNameException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final ElasticsearchClient client;
    private final SavedSearchStore store;
    private final String documents;
    private final SearchRequestFactory requests;

    SavedSearchService(ElasticsearchClient client, SavedSearchStore store, IngestProperties ingest) {
        this.client = client;
        this.store = store;
        this.documents = ingest.alias();
        this.requests = new SearchRequestFactory(ingest.alias());
    }

    /** Trimmed, with control characters as spaces; 1 to {@link #MAX_NAME_LENGTH} characters or refused. */
    public static String validName(String name) {
        String cleaned = name == null ? "" : name.codePoints()
                .map(cp -> Character.isISOControl(cp) ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (cleaned.isEmpty()) {
            throw new InvalidNameException("saved.error.nameRequired");
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_NAME_LENGTH) {
            throw new InvalidNameException("saved.error.nameTooLong");
        }
        return cleaned;
    }

    /** Saves the search of {@code queryString} (page left out) under {@code name}, with its count now. */
    public SavedSearch save(String name, String queryString) throws IOException {
        String valid = validName(name);
        SearchState state = QueryStrings.savable(queryString);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SearchResponse<Void> response = client.search(s -> s.index(documents).size(0).trackTotalHits(t -> t.enabled(true))
                .query(query(state)).aggregations("newest", a -> a.max(m -> m.field(INGESTED))), Void.class);
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        Instant newest = null;
        Aggregate max = response.aggregations().get("newest");
        if (total > 0 && max != null && max.isMax()) {
            double value = max.max().value();
            if (!Double.isNaN(value) && !Double.isInfinite(value)) {
                newest = Instant.ofEpochMilli((long) value);
            }
        }
        SavedSearch saved = new SavedSearch(UUID.randomUUID().toString(), valid, state.toQueryString(), now, total, newest);
        store.save(saved);
        return saved;
    }

    public List<Listed> list() throws IOException {
        List<Listed> listed = new ArrayList<>();
        for (SavedSearch saved : store.list()) {
            listed.add(withCounts(saved));
        }
        return listed;
    }

    public Optional<SavedSearch> find(String id) throws IOException {
        return store.find(id);
    }

    /** False when there is no such saved search; throws {@link InvalidNameException} for a bad name. */
    public boolean rename(String id, String name) throws IOException {
        return store.rename(id, validName(name));
    }

    public boolean delete(String id) throws IOException {
        return store.delete(id);
    }

    private Listed withCounts(SavedSearch saved) {
        try {
            SearchResponse<Void> response = client.search(s -> s.index(documents).size(0)
                    .trackTotalHits(t -> t.enabled(true)).query(query(saved.state()))
                    .aggregations("new", a -> a.filter(sinceSaved(saved))), Void.class);
            long total = response.hits().total() == null ? 0 : response.hits().total().value();
            return new Listed(saved, total, response.aggregations().get("new").filter().docCount());
        } catch (Exception e) {
            log.warn("Could not count saved search {} ({}): {}", saved.id(), saved.query(), e.toString());
            return new Listed(saved, null, null);
        }
    }

    /** Documents ingested after the search was saved. */
    static Query sinceSaved(SavedSearch saved) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(INGESTED).gt(saved.savedAt().toString()))));
    }

    /** The search page's query plus its facet filters, without paging. */
    Query query(SearchState state) {
        return requests.matching(state);
    }
}
