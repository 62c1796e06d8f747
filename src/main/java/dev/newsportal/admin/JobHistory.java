package dev.newsportal.admin;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newsportal.elastic.IndexDefinitions;
import dev.newsportal.elastic.OnClusterAvailable;
import dev.newsportal.ingest.IngestJob;
import dev.newsportal.ingest.IngestJob.Outcome;
import dev.newsportal.ingest.IngestJob.Problem;
import dev.newsportal.ingest.IngestProgressEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every ingestion job, kept in Elasticsearch so the history survives a restart. A job still
 * marked running when the portal starts was cut off by a restart: it is marked interrupted.
 */
@Component
@Order(10)
public class JobHistory implements OnClusterAvailable {

    private static final Logger log = LoggerFactory.getLogger(JobHistory.class);
    /** Enough to fix the input, small enough for the history page. */
    private static final int PROBLEMS_KEPT = 200;

    private final ElasticsearchClient client;
    private final String index;
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();
    private final boolean markInterruptedOnStart;
    private volatile boolean ready;

    JobHistory(ElasticsearchClient client, AdminProperties properties) {
        this.client = client;
        this.index = properties.jobsIndex();
        this.markInterruptedOnStart = properties.markInterrupted();
    }

    /** Written when a job is first seen and when it ends, on the job's own thread. */
    @EventListener
    void on(IngestProgressEvent event) {
        IngestJob.Status status = event.status();
        boolean first = recorded.add(status.id());
        if (first || !status.running()) {
            try {
                save(status);
            } catch (Exception e) {
                log.warn("Could not record job {} in the history: {}", status.id(), e.toString());
            }
        }
        if (!status.running()) {
            recorded.remove(status.id());
        }
    }

    public List<IngestJob.Status> recent(int size) throws IOException {
        ensureIndex();
        List<IngestJob.Status> jobs = new ArrayList<>();
        for (Hit<Map> hit : client.search(s -> s.index(index).size(size)
                .sort(o -> o.field(f -> f.field("started").order(SortOrder.Desc))), Map.class).hits().hits()) {
            jobs.add(fromSource(hit.source()));
        }
        return jobs;
    }

    @Override
    public void onClusterAvailable() throws IOException {
        if (!markInterruptedOnStart) {
            return;
        }
        int n = markInterrupted();
        if (n > 0) {
            log.warn("{} job(s) were cut off by a restart and are now marked interrupted", n);
        }
    }

    int markInterrupted() throws IOException {
        ensureIndex();
        int n = 0;
        for (Hit<Map> hit : client.search(s -> s.index(index).size(1000)
                .query(q -> q.term(t -> t.field("outcome").value(Outcome.RUNNING.name()))), Map.class).hits().hits()) {
            if (recorded.contains(hit.id())) {
                continue; // running in this very process
            }
            client.update(u -> u.index(index).id(hit.id()).doc(Map.of("outcome", Outcome.INTERRUPTED.name(),
                    "message", "Interrupted by a restart of the portal")), Map.class);
            n++;
        }
        if (n > 0) {
            client.indices().refresh(r -> r.index(index));
        }
        return n;
    }

    private void save(IngestJob.Status status) throws IOException {
        ensureIndex();
        client.index(i -> i.index(index).id(status.id()).document(toSource(status)));
        client.indices().refresh(r -> r.index(index));
    }

    private synchronized void ensureIndex() throws IOException {
        if (!ready) {
            IndexDefinitions.createIfMissing(client, index, IndexDefinitions.JOBS);
            ready = true;
        }
    }

    private static Map<String, Object> toSource(IngestJob.Status s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("kind", s.kind().name());
        json.put("outcome", s.outcome().name());
        json.put("started", s.started().toString());
        if (s.finished() != null) {
            json.put("finished", s.finished().toString());
        }
        json.put("target_index", s.targetIndex());
        json.put("files_seen", s.filesSeen());
        json.put("indexed", s.indexed());
        json.put("skipped", s.skipped());
        json.put("failed", s.failed());
        json.put("docs_per_second", s.docsPerSecond());
        json.put("elapsed_millis", s.elapsedMillis());
        json.put("message", s.message());
        List<Map<String, String>> problems = s.problems().stream().limit(PROBLEMS_KEPT)
                .map(p -> Map.of("locator", p.locator(), "reason", p.reason())).toList();
        json.put("problems", Map.of("items", problems));
        json.put("problems_omitted", s.problemsOmitted() + Math.max(0, s.problems().size() - PROBLEMS_KEPT));
        return json;
    }

    @SuppressWarnings("unchecked")
    private static IngestJob.Status fromSource(Map<String, Object> j) {
        List<Problem> problems = ((List<Map<String, String>>) ((Map<String, Object>) j.getOrDefault("problems",
                Map.of())).getOrDefault("items", List.of())).stream()
                .map(p -> new Problem(p.get("locator"), p.get("reason"))).toList();
        return new IngestJob.Status((String) j.get("id"), IngestJob.Kind.valueOf((String) j.get("kind")),
                Outcome.valueOf((String) j.get("outcome")), Instant.parse((String) j.get("started")),
                j.get("finished") == null ? null : Instant.parse((String) j.get("finished")),
                (String) j.get("target_index"), 0, number(j, "files_seen"), number(j, "indexed"), number(j, "skipped"),
                number(j, "failed"), ((Number) j.getOrDefault("docs_per_second", 0)).doubleValue(),
                number(j, "elapsed_millis"), (String) j.get("message"), problems, (int) number(j, "problems_omitted"));
    }

    private static long number(Map<String, Object> json, String field) {
        Object value = json.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
