package dev.newsportal.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.newsportal.entities.EntityStage;
import dev.newsportal.ingest.IngestProperties;
import org.springframework.stereotype.Service;

/** What an operator wants to know about the live index, in one look. */
@Service
public class IndexOverview {

    public record Count(String value, long count) {
    }

    /** The recognition stage's backlog of the live index, with the derived values spelled out for the page's poll. */
    public record EntityProgress(boolean enabled, long pending, long done, long failed, long total, int percent,
                                 double documentsPerSecond, boolean idle, String lastError, Instant lastErrorAt) {

        static EntityProgress of(EntityStage.Status s) {
            return new EntityProgress(s.enabled(), s.pending(), s.done(), s.failed(), s.total(), s.percent(),
                    Math.round(s.documentsPerSecond() * 10) / 10.0, s.idle(), s.lastError(), s.lastErrorAt());
        }
    }

    public record Snapshot(String alias, List<String> indices, long documents, long sizeBytes, String clusterStatus,
                           List<Count> languages, List<Count> sources, EntityProgress entities, String error) {

        public boolean available() {
            return error == null;
        }
    }

    private final ElasticsearchClient client;
    private final EntityStage entityStage;
    private final String alias;

    IndexOverview(ElasticsearchClient client, EntityStage entityStage, IngestProperties ingest) {
        this.client = client;
        this.entityStage = entityStage;
        this.alias = ingest.alias();
    }

    public EntityProgress entityProgress() {
        return EntityProgress.of(entityStage.status());
    }

    public Snapshot snapshot() {
        try {
            String status = client.cluster().health().status().jsonValue();
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                return new Snapshot(alias, List.of(), 0, 0, status, List.of(), List.of(), entityProgress(), null);
            }
            List<String> indices = List.copyOf(client.indices().getAlias(a -> a.name(alias)).result().keySet());
            SearchResponse<Void> counts = client.search(s -> s.index(alias).size(0).trackTotalHits(t -> t.enabled(true))
                    .aggregations("languages", a -> a.terms(t -> t.field("language").size(50)))
                    .aggregations("sources", a -> a.terms(t -> t.field("source").size(50))), Void.class);
            long size = client.indices().stats(s -> s.index(alias)).all().primaries().store().sizeInBytes();
            return new Snapshot(alias, indices, counts.hits().total().value(), size, status,
                    buckets(counts, "languages"), buckets(counts, "sources"), entityProgress(), null);
        } catch (Exception e) {
            return new Snapshot(alias, List.of(), 0, 0, null, List.of(), List.of(), null,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static List<Count> buckets(SearchResponse<Void> response, String name) {
        Map<String, co.elastic.clients.elasticsearch._types.aggregations.Aggregate> aggs = response.aggregations();
        return aggs.get(name).sterms().buckets().array().stream()
                .map((StringTermsBucket b) -> new Count(b.key().stringValue(), b.docCount())).toList();
    }
}
