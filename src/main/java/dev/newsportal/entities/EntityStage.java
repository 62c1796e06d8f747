package dev.newsportal.entities;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newsportal.ingest.IngestProgressEvent;
import dev.newsportal.ingest.IngestProperties;
import dev.newsportal.ingest.NewsDocument;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The background enrichment stage: documents are searchable as soon as they are indexed (status
 * {@code pending}); this stage then finds their persons and companies and writes them back. It works on every
 * versioned index of the alias, so a reindex's new index is being enriched while it is built. A document
 * re-indexed meanwhile wins (the write-back is conditional on its sequence number) and is picked up again.
 */
@Service
public class EntityStage implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EntityStage.class);
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    private static final List<String> READ_FIELDS = List.of("title", "body", "language");
    /** Names are looked for in the first this many characters: a 20 MB file must not tie a worker up for minutes. */
    static final int MAX_TEXT = 200_000;
    private static final java.time.Duration REGISTRY_CHECK = java.time.Duration.ofSeconds(30);
    /** Errors a later attempt would meet again: the document is marked failed rather than retried forever. */
    private static final java.util.Set<String> PERMANENT = java.util.Set.of("document_parsing_exception",
            "mapper_parsing_exception", "illegal_argument_exception", "strict_dynamic_mapping_exception");

    /** Backlog of the live index, and how the stage is doing. */
    public record Status(boolean enabled, long pending, long done, long failed, long total, long processed,
                         double documentsPerSecond, String lastError, Instant lastErrorAt) {
        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, (100 * (done + failed)) / total);
        }

        public boolean idle() {
            return pending == 0;
        }
    }

    private final ElasticsearchClient client;
    private final EntityRecognizer recognizer;
    private final RegistryService registry;
    private final EntityProperties properties;
    private final String alias;
    private final Object wake = new Object();
    private final AtomicLong processed = new AtomicLong();
    private volatile double rate;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Thread thread;
    private volatile String building;
    /** Several portals on one cluster take pending documents in different orders instead of all the same ones. */
    private final long seed = new java.security.SecureRandom().nextLong();
    private ExecutorService pool;

    EntityStage(ElasticsearchClient client, EntityRecognizer recognizer, RegistryService registry,
                EntityProperties properties, IngestProperties ingest) {
        this.client = client;
        this.recognizer = recognizer;
        this.registry = registry;
        this.properties = properties;
        this.alias = ingest.alias();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Entity recognition is disabled (portal.entities.enabled=false)");
            return;
        }
        pool = Executors.newFixedThreadPool(properties.threads(), r -> {
            Thread t = new Thread(r, "entities-worker");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // searches and indexing come first
            return t;
        });
        Thread t = new Thread(this::loop, "entities");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    @PreDestroy
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
        if (pool != null) {
            // not shutdownNow(): an interrupt that lands while kuromoji loads its dictionary fails that class's
            // initialisation for the rest of the JVM; a document in progress finishes in seconds anyway
            pool.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** New documents: look now rather than at the next poll. */
    @EventListener
    void onIngestProgress(IngestProgressEvent event) {
        // a reindex's new index is enriched while it is built, so its facets are ready when the alias moves
        building = event.status().running() ? event.status().targetIndex() : null;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        boolean warm = false;
        long registryChecked = System.nanoTime();
        while (thread == Thread.currentThread()) {
            try {
                if (!registry.loaded()) {
                    registry.reload(); // the start-up load failed (shards not ready, say): keep trying
                    registryChecked = System.nanoTime();
                } else if (System.nanoTime() - registryChecked > REGISTRY_CHECK.toNanos()) {
                    registry.reloadIfChanged(); // edits made by another portal on the same cluster
                    registryChecked = System.nanoTime();
                }
                if (!warm) {
                    warm = true;
                    learnDisplayNames();
                }
                int done = round();
                if (done == 0) {
                    synchronized (wake) {
                        wake.wait(properties.pollInterval().toMillis());
                    }
                }
            } catch (InterruptedException stopped) {
                return;
            } catch (Exception e) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                error("entity stage: " + describe(e));
                log.debug("Entity stage round failed", e);
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** Waiting for the stage: marked pending, or indexed before the stage existed (no status at all). */
    static final co.elastic.clients.elasticsearch._types.query_dsl.Query PENDING =
            co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(x -> x.term(t -> t.field("entities_status").value(NewsDocument.ENTITIES_PENDING)))
                    .should(x -> x.bool(n -> n.mustNot(m -> m.exists(e -> e.field("entities_status")))))));

    private record Work(Hit<Map<String, Object>> hit, Future<Map<String, Object>> result) {
    }

    /** One batch: fetch pending documents, recognise in parallel, write back. Returns how many were handled. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    int round() throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<String> indices = new ArrayList<>(List.of(alias));
        String target = building;
        if (target != null) {
            indices.add(target);
        }
        SearchResponse<Map<String, Object>> response = (SearchResponse) client.search(s -> s
                .index(indices).allowNoIndices(true).ignoreUnavailable(true)
                .query(q -> q.functionScore(fs -> fs.query(PENDING)
                        .functions(f -> f.randomScore(r -> r.seed(Long.toString(seed)).field("_seq_no")))))
                .size(properties.batchSize()).seqNoPrimaryTerm(true)
                .source(src -> src.filter(f -> f.includes(READ_FIELDS))), Map.class);
        List<Hit<Map<String, Object>>> hits = response.hits().hits();
        if (hits.isEmpty()) {
            return 0;
        }
        List<Work> work = new ArrayList<>();
        for (Hit<Map<String, Object>> hit : hits) {
            work.add(new Work(hit, pool.submit(() -> enrich(hit.source()))));
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.WaitFor);
        for (Work w : work) {
            Map<String, Object> update;
            try {
                update = w.result().get();
            } catch (java.util.concurrent.ExecutionException e) {
                error("document " + w.hit().id() + ": " + describe(e.getCause()));
                log.warn("Entity recognition failed for document {}", w.hit().id(), e.getCause());
                update = Map.of("entities_status", FAILED);
            }
            Map<String, Object> doc = update;
            Hit<Map<String, Object>> hit = w.hit();
            bulk.operations(o -> o.update(u -> u.index(hit.index()).id(hit.id())
                    .ifSeqNo(hit.seqNo()).ifPrimaryTerm(hit.primaryTerm())
                    .action(a -> a.doc(doc))));
        }
        BulkResponse written = client.bulk(bulk.build());
        BulkRequest.Builder failures = new BulkRequest.Builder().refresh(Refresh.WaitFor);
        int settled = 0;
        int permanent = 0;
        for (BulkResponseItem item : written.items()) {
            if (item.error() == null || ignorable(item.error().type())) {
                settled++;
            } else {
                error("document " + item.id() + ": " + item.error().type() + ": " + item.error().reason());
                if (PERMANENT.contains(item.error().type())) {
                    // marked failed, or it would come back in every round
                    failures.operations(o -> o.update(u -> u.index(item.index()).id(item.id())
                            .action(a -> a.doc(Map.of("entities_status", FAILED)))));
                    permanent++;
                }
            }
        }
        if (permanent > 0) {
            for (BulkResponseItem item : client.bulk(failures.build()).items()) {
                if (item.error() == null) {
                    settled++;
                }
            }
        }
        processed.addAndGet(settled);
        double seconds = (System.nanoTime() - started) / 1e9;
        rate = settled / Math.max(seconds, 1e-3);
        // nothing settled (index blocked, cluster overloaded): wait before trying the same documents again
        return settled;
    }

    /** After a restart: how the unlinked names already in the index were written (their facet labels). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void learnDisplayNames() {
        try {
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                return;
            }
            List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
            for (int page = 0; page < 50; page++) {
                List<co.elastic.clients.elasticsearch._types.FieldValue> searchAfter = after;
                SearchResponse<Map<String, Object>> response = (SearchResponse) client.search(s -> {
                    s.index(alias).size(1000).source(src -> src.filter(f -> f.includes("entities")))
                            .query(q -> q.term(t -> t.field("entities_status").value(DONE)))
                            .sort(o -> o.field(f -> f.field("id")));
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, Map.class);
                var hits = response.hits().hits();
                for (var hit : hits) {
                    Object entities = hit.source() == null ? null : hit.source().get("entities");
                    if (entities instanceof List<?> list) {
                        for (Object o : list) {
                            if (o instanceof Map<?, ?> e && e.get("key") instanceof String key) {
                                registry.rememberDisplayName(key, e.get("name") instanceof String n ? n : null);
                            }
                        }
                    }
                }
                if (hits.size() < 1000) {
                    return;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (Exception e) {
            log.debug("Could not read the display names of unlinked entities", e);
        }
    }

    /** Changed meanwhile (re-indexed: it is pending again) or gone with an old index: nothing to report. */
    private static boolean ignorable(String type) {
        return "version_conflict_engine_exception".equals(type) || "document_missing_exception".equals(type)
                || "index_not_found_exception".equals(type);
    }

    /** The fields the stage writes for one document. */
    Map<String, Object> enrich(Map<String, Object> source) {
        String title = String.valueOf(source.getOrDefault("title", ""));
        String body = String.valueOf(source.getOrDefault("body", ""));
        String language = String.valueOf(source.getOrDefault("language", NewsDocument.UNDETERMINED));
        List<String> persons = new ArrayList<>();
        List<String> companies = new ArrayList<>();
        List<Map<String, Object>> entities = new ArrayList<>();
        String text = title + "\n" + body;
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        for (DocumentEntity e : recognizer.recognize(text, language)) {
            if (registry.isIgnored(e.type(), e.key())) {
                continue;
            }
            (e.type() == EntityType.PERSON ? persons : companies).add(e.key());
            registry.rememberDisplayName(e.key(), e.name());
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("key", e.key());
            entity.put("type", e.type().name().toLowerCase(Locale.ROOT));
            entity.put("name", e.name());
            entity.put("count", e.count());
            entities.add(entity);
        }
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("persons", persons);
        update.put("companies", companies);
        update.put("entities", entities);
        update.put("entities_status", DONE);
        return update;
    }

    /** Counts of the live index by stage status (documents from before the stage existed count as pending). */
    public Status status() {
        long pending = 0;
        long done = 0;
        long failed = 0;
        long total = 0;
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                var response = client.search(s -> s.index(alias).size(0).trackTotalHits(t -> t.enabled(true))
                        .aggregations("status", a -> a.terms(t -> t.field("entities_status").size(10))), Void.class);
                total = response.hits().total() == null ? 0 : response.hits().total().value();
                for (StringTermsBucket b : response.aggregations().get("status").sterms().buckets().array()) {
                    switch (b.key().stringValue()) {
                        case DONE -> done = b.docCount();
                        case FAILED -> failed = b.docCount();
                        default -> { }
                    }
                }
                pending = total - done - failed;
            }
        } catch (Exception e) {
            log.debug("Entity stage status unavailable", e);
        }
        return new Status(properties.enabled(), pending, done, failed, total, processed.get(),
                pending == 0 ? 0 : rate, lastError, lastErrorAt);
    }

    /** For tests and the command line: waits until the live index has no pending document. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            Status s = status();
            if (s.total() > 0 && s.pending() == 0) {
                return true;
            }
            synchronized (wake) {
                wake.notifyAll();
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void error(String message) {
        lastError = message;
        lastErrorAt = Instant.now();
    }

    private static String describe(Throwable e) {
        if (e instanceof ElasticsearchException ee) {
            return ee.error().type() + ": " + ee.error().reason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
