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
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import dev.newsportal.ingest.IngestProperties;
import dev.newsportal.search.EntityNames;
import dev.newsportal.search.SearchRequestFactory;
import dev.newsportal.search.SearchState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Saves searches with their count then, and lists them with their count now and how many matching documents
 * were ingested since: one size-0 search per saved search, all sent in one _msearch, so the list page costs one
 * round trip however many searches it shows.
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

    SavedSearchService(ElasticsearchClient client, SavedSearchStore store, IngestProperties ingest,
                       EntityNames names) {
        this.client = client;
        this.store = store;
        this.documents = ingest.alias();
        // the same query as the search page, entity names included, or the counts would not match it
        this.requests = new SearchRequestFactory(ingest.alias(), names);
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
        return withCounts(store.list());
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

    /** Counts for all of them in one _msearch; an entry whose search fails (or all, when the cluster does) gets nulls. */
    private List<Listed> withCounts(List<SavedSearch> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        List<MultiSearchResponseItem<Void>> responses;
        try {
            List<RequestItem> searches = all.stream().map(saved -> RequestItem.of(i -> i.header(h -> h)
                    .body(b -> b.size(0).trackTotalHits(t -> t.enabled(true)).query(query(saved.state()))
                            .aggregations("new", a -> a.filter(sinceSaved(saved)))))).toList();
            responses = client.msearch(m -> m.index(documents).searches(searches), Void.class).responses();
        } catch (Exception e) {
            log.warn("Could not count saved searches: {}", e.toString());
            return all.stream().map(saved -> new Listed(saved, null, null)).toList();
        }
        List<Listed> listed = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            SavedSearch saved = all.get(i);
            MultiSearchResponseItem<Void> item = i < responses.size() ? responses.get(i) : null;
            if (item != null && item.isResult()) {
                var response = item.result();
                long total = response.hits().total() == null ? 0 : response.hits().total().value();
                Aggregate fresh = response.aggregations().get("new");
                listed.add(new Listed(saved, total, fresh == null ? null : fresh.filter().docCount()));
            } else {
                log.warn("Could not count saved search {} ({}): {}", saved.id(), saved.query(),
                        item == null ? "no response" : item.failure().error().type() + ": " + item.failure().error().reason());
                listed.add(new Listed(saved, null, null));
            }
        }
        return listed;
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
