package dev.newsportal.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import dev.newsportal.ingest.IngestProperties;
import dev.newsportal.search.query.ParsedQuery;
import dev.newsportal.search.query.QueryParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** One Elasticsearch round trip per result page; labels come from memory. */
@Service
public class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    public record FacetValue(String value, String label, long count, boolean selected) {
    }

    /** @param entities persons, then companies, most mentioned first, labelled in the UI language */
    public record ResultHit(String id, String title, String titleHtml, String snippetHtml, String language,
                            String source, Instant published, String url, List<String> persons, List<String> companies,
                            List<EntityRef> entities) {

        /** What a result line has room for. */
        public static final int TOP_ENTITIES = 4;

        public List<EntityRef> topEntities() {
            return entities.subList(0, Math.min(TOP_ENTITIES, entities.size()));
        }
    }

    public record ResultPage(SearchState state, ParsedQuery query, long total, List<ResultHit> hits,
                             Map<Facet, List<FacetValue>> facets, String suggestion, List<String> notices) {

        public int lastPage() {
            return (int) Math.max(1, Math.min(SearchState.MAX_PAGE, (total + SearchState.PAGE_SIZE - 1) / SearchState.PAGE_SIZE));
        }
    }

    private final ElasticsearchClient client;
    private final SearchRequestFactory requests;
    private final FacetLabels labels;

    public SearchService(ElasticsearchClient client, IngestProperties ingest, FacetLabels labels) {
        this.client = client;
        this.requests = new SearchRequestFactory(ingest.alias(), labels);
        this.labels = labels;
    }

    public ResultPage search(SearchState state, Locale ui) {
        ParsedQuery query = QueryParser.parse(state.q());
        List<String> notices = new ArrayList<>(query.notices());
        try {
            SearchResponse<Map> response = client.search(requests.build(state, query), Map.class);
            List<ResultHit> hits = response.hits().hits().stream().map(h -> hit(h, ui)).toList();
            Map<Facet, List<FacetValue>> facets = new EnumMap<>(Facet.class);
            for (Facet facet : Facet.values()) {
                facets.put(facet, facetValues(response.aggregations().get(facet.parameter()), facet, state, ui));
            }
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            return new ResultPage(state, query, total, hits, facets, total == 0 ? suggestion(response, state.q()) : null,
                    notices);
        } catch (Exception e) {
            // A query the cluster refuses (or a cluster that is away) gets a friendly page, never a stack trace.
            log.warn("Search failed for {}: {}", state.toQueryString(), e.toString());
            notices.add("search.notice.failed");
            Map<Facet, List<FacetValue>> none = new EnumMap<>(Facet.class);
            for (Facet facet : Facet.values()) {
                none.put(facet, List.of());
            }
            return new ResultPage(state, query, 0, List.of(), none, null, notices);
        }
    }

    private List<FacetValue> facetValues(Aggregate aggregate, Facet facet, SearchState state, Locale ui) {
        Map<String, FacetValue> values = new LinkedHashMap<>();
        if (aggregate != null) {
            Map<String, Aggregate> subs = aggregate.filter().aggregations();
            // The top values, then the selected ones outside them ("selected" counts just those, whatever their rank).
            for (String sub : List.of("values", "selected")) {
                if (subs.get(sub) == null) {
                    continue;
                }
                for (StringTermsBucket b : subs.get(sub).sterms().buckets().array()) {
                    String value = b.key().stringValue();
                    values.putIfAbsent(value, new FacetValue(value, labels.label(facet, value, ui), b.docCount(),
                            state.selected(facet, value)));
                }
            }
        }
        // A selected value stays visible (and removable) even when it counts nothing any more.
        for (String selected : state.values(facet)) {
            values.putIfAbsent(selected, new FacetValue(selected, labels.label(facet, selected, ui), 0, true));
        }
        return List.copyOf(values.values());
    }

    @SuppressWarnings("unchecked")
    private ResultHit hit(Hit<Map> hit, Locale ui) {
        Map<String, Object> source = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        String language = (String) source.get("language");
        String titleHtml = firstFragment(highlight, "title_" + language, "title");
        String snippet = Optional.ofNullable(highlight.get("body_" + language)).or(() -> Optional.ofNullable(highlight.get("body")))
                .map(f -> String.join(" … ", f)).orElse(null);
        Object published = source.get("published");
        return new ResultHit(hit.id(), (String) source.get("title"), titleHtml, snippet, language,
                (String) source.get("source"), published == null ? null : Instant.parse(published.toString()),
                (String) source.get("url"), (List<String>) source.getOrDefault("persons", List.of()),
                (List<String>) source.getOrDefault("companies", List.of()), EntityRef.of(source, labels, ui));
    }

    private static String firstFragment(Map<String, List<String>> highlight, String... fields) {
        for (String field : fields) {
            List<String> fragments = highlight.get(field);
            if (fragments != null && !fragments.isEmpty()) {
                return fragments.get(0);
            }
        }
        return null;
    }

    /** The query with each misspelt word replaced by the most popular correction, or null. */
    private static String suggestion(SearchResponse<Map> response, String q) {
        List<Suggestion<Map>> suggestions = response.suggest().get("didYouMean");
        if (suggestions == null || q.isBlank()) {
            return null;
        }
        String corrected = q;
        for (Suggestion<Map> s : suggestions) {
            var term = s.term();
            if (!term.options().isEmpty()) {
                // Whole words only, whatever their case: the suggester saw the analysed (lower-cased) token.
                Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term.text()) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                corrected = word.matcher(corrected).replaceAll(Matcher.quoteReplacement(term.options().get(0).text()));
            }
        }
        return corrected.equals(q) ? null : corrected;
    }
}
