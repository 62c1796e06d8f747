package dev.newsportal.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import dev.newsportal.entities.EntityStage;
import dev.newsportal.ingest.IngestProperties;
import dev.newsportal.search.query.ParsedQuery;
import dev.newsportal.search.query.QueryParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One document with its whole text, the query highlighted in it (escaped by Elasticsearch), its persons and
 * companies, and documents in other languages about the same ones: one msearch, so one round trip.
 */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    /** Related documents shown. */
    public static final int RELATED = 5;
    /** Candidates fetched: those sharing only names outside the registry are dropped, the rest re-ranked. */
    static final int RELATED_CANDIDATES = 20;
    private static final List<String> RELATED_FIELDS = List.of("title", "language", "persons", "companies");

    public record DocumentView(String id, String title, String titleHtml, String body, String bodyHtml, String language,
                               String source, Instant published, Instant ingested, String url, String path,
                               List<EntityRef> persons, List<EntityRef> companies, boolean entitiesPending,
                               List<RelatedDocument> related) {
    }

    /** A document in another language, with the registry entities it shares with the one shown. */
    public record RelatedDocument(String id, String title, String language, String languageLabel,
                                  List<EntityRef> shared) {
    }

    private final ElasticsearchClient client;
    private final String alias;
    private final SearchRequestFactory requests;
    private final FacetLabels labels;

    public DocumentService(ElasticsearchClient client, IngestProperties ingest, FacetLabels labels) {
        this.client = client;
        this.alias = ingest.alias();
        this.requests = new SearchRequestFactory(ingest.alias());
        this.labels = labels;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optional<DocumentView> document(String id, String q, Locale ui) throws java.io.IOException {
        ParsedQuery parsed = QueryParser.parse(q);
        Query highlightQuery = parsed.isEmpty() ? null : requests.query(parsed);
        MsearchResponse<Map> response = client.msearch(m -> m
                .searches(s -> s.header(h -> h.index(alias)).body(b -> {
                    b.query(x -> x.ids(i -> i.values(id))).size(1);
                    if (highlightQuery != null) {
                        b.highlight(h -> {
                            h.type(HighlighterType.Unified).encoder(HighlighterEncoder.Html)
                                    .preTags(SearchRequestFactory.HIGHLIGHT_PRE).postTags(SearchRequestFactory.HIGHLIGHT_POST)
                                    .highlightQuery(highlightQuery).requireFieldMatch(false).numberOfFragments(0)
                                    .maxAnalyzedOffset(SearchRequestFactory.MAX_ANALYZED_OFFSET);
                            for (String field : List.of("title", "body")) {
                                h.fields(field, f -> f);
                                for (String language : dev.newsportal.ingest.NewsDocument.ANALYSED_LANGUAGES) {
                                    h.fields(field + "_" + language, f -> f);
                                }
                            }
                            return h;
                        });
                    }
                    return b;
                }))
                .searches(s -> s.header(h -> h.index(alias)).body(b -> b.query(requests.related(id))
                        .size(RELATED_CANDIDATES).source(src -> src.filter(f -> f.includes(RELATED_FIELDS))))),
                Map.class);
        MultiSearchResponseItem<Map> main = response.responses().get(0);
        if (main.isFailure()) {
            throw new java.io.IOException("document search failed: " + main.failure().error().reason());
        }
        if (main.result().hits().hits().isEmpty()) {
            return Optional.empty();
        }
        Hit<Map> hit = main.result().hits().hits().get(0);
        Map<String, Object> source = hit.source();
        String language = (String) source.get("language");
        Map<String, List<String>> highlight = hit.highlight();
        List<EntityRef> entities = EntityRef.of(source, labels, ui);
        Object status = source.get("entities_status");
        // documents from before the stage existed have no status and are pending too (as EntityStage counts them)
        boolean pending = !EntityStage.DONE.equals(status) && !EntityStage.FAILED.equals(status);
        return Optional.of(new DocumentView(hit.id(), (String) source.get("title"),
                first(highlight, "title_" + language, "title"), (String) source.get("body"),
                first(highlight, "body_" + language, "body"), language, (String) source.get("source"),
                instant(source.get("published")), instant(source.get("ingested")), (String) source.get("url"),
                (String) source.get("path"), EntityRef.persons(entities), EntityRef.companies(entities), pending,
                related(response.responses().get(1), entities, ui)));
    }

    /**
     * The candidates sharing most registry entities with the document, in the query's order among equals. Names
     * outside the registry help more_like_this find candidates but are not what "the same people" means here.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<RelatedDocument> related(MultiSearchResponseItem<Map> item, List<EntityRef> entities, Locale ui) {
        if (item.isFailure()) {
            // the document is still worth showing without its related ones
            log.warn("Related documents failed: {}", item.failure().error().reason());
            return List.of();
        }
        List<EntityRef> linked = entities.stream().filter(EntityRef::linked).toList();
        List<RelatedDocument> related = new ArrayList<>();
        for (Hit<Map> hit : item.result().hits().hits()) {
            Map<String, Object> source = hit.source();
            // in this document's order: most mentioned here first
            List<EntityRef> shared = linked.stream().filter(e ->
                    ((List<String>) source.getOrDefault(e.facet().field(), List.of())).contains(e.value())).toList();
            if (!shared.isEmpty()) {
                String language = (String) source.get("language");
                related.add(new RelatedDocument(hit.id(), (String) source.get("title"), language,
                        labels.label(Facet.LANGUAGE, language, ui), shared));
            }
        }
        related.sort(Comparator.comparingInt((RelatedDocument r) -> r.shared().size()).reversed());
        return List.copyOf(related.subList(0, Math.min(RELATED, related.size())));
    }

    private static String first(Map<String, List<String>> highlight, String... fields) {
        for (String field : fields) {
            List<String> fragments = highlight.get(field);
            if (fragments != null && !fragments.isEmpty()) {
                return fragments.get(0);
            }
        }
        return null;
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
