package dev.newsportal.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import dev.newsportal.ingest.IngestProperties;
import dev.newsportal.search.query.ParsedQuery;
import dev.newsportal.search.query.QueryParser;
import org.springframework.stereotype.Service;

/** One document with its whole text, the query highlighted in it (escaped by Elasticsearch). */
@Service
public class DocumentService {

    public record DocumentView(String id, String title, String titleHtml, String body, String bodyHtml, String language,
                               String source, Instant published, Instant ingested, String url, String path,
                               List<String> persons, List<String> companies) {
    }

    private final ElasticsearchClient client;
    private final String alias;
    private final SearchRequestFactory requests;

    public DocumentService(ElasticsearchClient client, IngestProperties ingest) {
        this.client = client;
        this.alias = ingest.alias();
        this.requests = new SearchRequestFactory(ingest.alias());
    }

    @SuppressWarnings("unchecked")
    public Optional<DocumentView> document(String id, String q) throws java.io.IOException {
        ParsedQuery parsed = QueryParser.parse(q);
        Query highlightQuery = parsed.isEmpty() ? null : requests.query(parsed);
        var response = client.search(s -> {
            s.index(alias).query(x -> x.ids(i -> i.values(id))).size(1);
            if (highlightQuery != null) {
                s.highlight(h -> {
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
            return s;
        }, Map.class);
        if (response.hits().hits().isEmpty()) {
            return Optional.empty();
        }
        Hit<Map> hit = response.hits().hits().get(0);
        Map<String, Object> source = hit.source();
        String language = (String) source.get("language");
        Map<String, List<String>> highlight = hit.highlight();
        return Optional.of(new DocumentView(hit.id(), (String) source.get("title"),
                first(highlight, "title_" + language, "title"), (String) source.get("body"),
                first(highlight, "body_" + language, "body"), language, (String) source.get("source"),
                instant(source.get("published")), instant(source.get("ingested")), (String) source.get("url"),
                (String) source.get("path"), (List<String>) source.getOrDefault("persons", List.of()),
                (List<String>) source.getOrDefault("companies", List.of())));
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
