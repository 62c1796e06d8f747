package dev.newsportal.admin;

import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.newsportal.ingest.IngestProperties;
import org.springframework.stereotype.Service;

/** What an operator wants to know about the live index, in one look. */
@Service
public class IndexOverview {

    public record Count(String value, long count) {
    }

    public record Snapshot(String alias, List<String> indices, long documents, long sizeBytes, String clusterStatus,
                           List<Count> languages, List<Count> sources, String error) {

        public boolean available() {
            return error == null;
        }
    }

    private final ElasticsearchClient client;
    private final String alias;

    IndexOverview(ElasticsearchClient client, IngestProperties ingest) {
        this.client = client;
        this.alias = ingest.alias();
    }

    public Snapshot snapshot() {
        try {
            String status = client.cluster().health().status().jsonValue();
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                return new Snapshot(alias, List.of(), 0, 0, status, List.of(), List.of(), null);
            }
            List<String> indices = List.copyOf(client.indices().getAlias(a -> a.name(alias)).result().keySet());
            SearchResponse<Void> counts = client.search(s -> s.index(alias).size(0).trackTotalHits(t -> t.enabled(true))
                    .aggregations("languages", a -> a.terms(t -> t.field("language").size(50)))
                    .aggregations("sources", a -> a.terms(t -> t.field("source").size(50))), Void.class);
            long size = client.indices().stats(s -> s.index(alias)).all().primaries().store().sizeInBytes();
            return new Snapshot(alias, indices, counts.hits().total().value(), size, status,
                    buckets(counts, "languages"), buckets(counts, "sources"), null);
        } catch (Exception e) {
            return new Snapshot(alias, List.of(), 0, 0, null, List.of(), List.of(),
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static List<Count> buckets(SearchResponse<Void> response, String name) {
        Map<String, co.elastic.clients.elasticsearch._types.aggregations.Aggregate> aggs = response.aggregations();
        return aggs.get(name).sterms().buckets().array().stream()
                .map((StringTermsBucket b) -> new Count(b.key().stringValue(), b.docCount())).toList();
    }
}
