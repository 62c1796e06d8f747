package dev.newsportal.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetOperation;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import dev.newsportal.elastic.IndexDefinitions;
import dev.newsportal.ingest.IngestJob.Kind;
import dev.newsportal.ingest.IngestJob.Outcome;
import dev.newsportal.ingest.parse.FolderParser;
import dev.newsportal.ingest.parse.ParseListener;
import dev.newsportal.ingest.parse.ParsedDocument;
import dev.newsportal.ingest.parse.Skipped;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs ingestion jobs, one at a time. A full reindex builds a new versioned index from
 * es-mappings/ and moves the read alias in one atomic step, so searches never see a gap;
 * if anything goes wrong the new index is dropped and the old one keeps serving.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    /** Errors that say the whole target index is unusable, not one document. */
    private static final Set<String> INDEX_LEVEL_ERRORS = Set.of("cluster_block_exception",
            "index_not_found_exception", "index_closed_exception", "es_rejected_execution_exception");

    /** Searches that resolved the alias just before the swap finish on the old index. */
    private static final long IN_FLIGHT_GRACE_MILLIS = 1000;
    private static final String INGESTED = "ingested";
    private static final List<String> CARRIED_ENTITY_FIELDS = List.of("persons", "companies", "entities");

    private final ElasticsearchClient client;
    private final IngestProperties properties;
    private final FolderParser parser;
    private final Enricher enricher;
    private final ApplicationEventPublisher events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingest");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<IngestJob> current = new AtomicReference<>();
    private volatile IngestJob last;

    public IngestService(ElasticsearchClient client, IngestProperties properties, FolderParser parser,
                         Enricher enricher, ApplicationEventPublisher events) {
        this.client = client;
        this.properties = properties;
        this.parser = parser;
        this.enricher = enricher;
        this.events = events;
    }

    /** Thrown when a job is requested while another runs. */
    public static final class JobRunningException extends IllegalStateException {
        private final IngestJob.Status running;

        JobRunningException(IngestJob.Status running) {
            super("An indexing job is already running (started " + running.started() + ")");
            this.running = running;
        }

        public IngestJob.Status running() {
            return running;
        }
    }

    /** Starts a full rebuild of the configured sources in the background. */
    public IngestJob.Status startReindex() {
        return submit(Kind.REINDEX, properties.sources()).status();
    }

    /** Indexes the given sources into the live index (creating it if there is none) and waits. */
    public IngestJob.Status update(List<IngestProperties.Source> sources) throws InterruptedException {
        IngestJob job = submit(Kind.UPDATE, sources);
        awaitCompletion(job);
        return job.status();
    }

    /** Runs a full rebuild and waits for it (command line, tests). */
    public IngestJob.Status reindex() throws InterruptedException {
        IngestJob job = submit(Kind.REINDEX, properties.sources());
        awaitCompletion(job);
        return job.status();
    }

    public Optional<IngestJob.Status> current() {
        return Optional.ofNullable(current.get()).map(IngestJob::status);
    }

    public Optional<IngestJob.Status> last() {
        return Optional.ofNullable(last).map(IngestJob::status);
    }

    /** Asks the running job to stop; the live index stays as it was. */
    public boolean cancel() {
        IngestJob job = current.get();
        if (job == null) {
            return false;
        }
        job.requestCancel();
        return true;
    }

    public String alias() {
        return properties.alias();
    }

    public boolean aliasExists() throws IOException {
        return client.indices().existsAlias(a -> a.name(properties.alias())).value();
    }

    /** The {@code _meta.version} of es-mappings/documents.json. */
    public int mappingVersion() {
        return version(documentsMappings());
    }

    private static int version(tools.jackson.databind.JsonNode mappings) {
        return mappings.path("_meta").path("version").asInt(0);
    }

    /** The {@code mappings} object of es-mappings/documents.json. */
    private static tools.jackson.databind.JsonNode documentsMappings() {
        try (var in = IndexDefinitions.open(IndexDefinitions.DOCUMENTS)) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(in).path("mappings");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The lowest {@code _meta.version} among the live indices (0: none recorded, -1: no alias). */
    public int liveMappingVersion() throws IOException {
        List<String> live = indicesBehindAlias();
        if (live.isEmpty()) {
            return -1;
        }
        int lowest = Integer.MAX_VALUE;
        for (String index : live) {
            lowest = Math.min(lowest, mappingVersionOf(index));
        }
        return lowest;
    }

    private int mappingVersionOf(String index) throws IOException {
        var mapping = client.indices().getMapping(m -> m.index(index)).result().get(index);
        var meta = mapping == null ? null : mapping.mappings().meta();
        var version = meta == null ? null : meta.get("version");
        return version == null ? 0 : version.to(Integer.class);
    }

    /**
     * Brings the live indices up to es-mappings/documents.json in place when the change only adds (new fields,
     * {@code _meta}): nothing is rebuilt, so documents added from elsewhere (the index command) stay. A change
     * Elasticsearch refuses in place is logged: a Reindex rebuilds the index.
     *
     * @return whether the live indices are current
     */
    public synchronized boolean upgradeLiveMapping() throws IOException {
        tools.jackson.databind.JsonNode mappings = documentsMappings();
        int current = version(mappings);
        boolean upToDate = true;
        for (String index : indicesBehindAlias()) {
            int version = mappingVersionOf(index);
            if (version >= current) {
                continue;
            }
            try {
                client.indices().putMapping(p -> p.index(index)
                        .withJson(new java.io.StringReader(mappings.toString())));
                log.info("Index {}: mapping upgraded in place from version {} to {}", index, version, current);
            } catch (ElasticsearchException e) {
                upToDate = false;
                log.warn("Index {} has mapping version {} (es-mappings/ has {}) and cannot be upgraded in place ({});"
                        + " a Reindex rebuilds it", index, version, current, describe(e));
            }
        }
        return upToDate;
    }

    private synchronized IngestJob submit(Kind kind, List<IngestProperties.Source> sources) {
        IngestJob job = new IngestJob(kind);
        if (!current.compareAndSet(null, job)) {
            throw new JobRunningException(current.get().status());
        }
        last = job;
        worker.execute(() -> run(job, sources));
        return job;
    }

    private void awaitCompletion(IngestJob job) throws InterruptedException {
        while (job.status().running() || current.get() == job) {
            Thread.sleep(100);
        }
    }

    @PreDestroy
    void shutdown() {
        IngestJob job = current.get();
        if (job != null) {
            job.requestCancel();
        }
        worker.shutdown();
    }

    private void run(IngestJob job, List<IngestProperties.Source> sources) {
        try {
            if (aliasExists()) {
                job.expected(client.count(c -> c.index(properties.alias())).count());
            }
            events.publishEvent(new IngestProgressEvent(job.status()));
            if (job.status().kind() == Kind.REINDEX) {
                reindex(job, sources);
            } else {
                update(job, sources);
            }
        } catch (Exception e) {
            log.error("Indexing job {} failed", job.id(), e);
            job.finish(Outcome.FAILED, describe(e));
        } finally {
            IngestJob.Status status = job.status();
            log.info("Indexing job {} {}: {} indexed, {} skipped, {} failed in {} ms{}", status.id(), status.outcome(),
                    status.indexed(), status.skipped(), status.failed(), status.elapsedMillis(),
                    status.message() == null ? "" : " (" + status.message() + ")");
            events.publishEvent(new IngestProgressEvent(status));
            // Released only after the final event: a waiter (the command line) then finds the history written.
            current.set(null);
        }
    }

    private void reindex(IngestJob job, List<IngestProperties.Source> sources) throws IOException {
        String alias = properties.alias();
        List<String> live = indicesBehindAlias();
        dropLeftovers(alias, live);
        String target = alias + "-" + VERSION.format(Instant.now());
        IndexDefinitions.createIndex(client, target, IndexDefinitions.DOCUMENTS);
        job.targetIndex(target);
        boolean swapped = false;
        Outcome outcome;
        String message;
        try {
            write(job, target, sources, live, true);
            if (job.cancelRequested()) {
                outcome = Outcome.CANCELLED;
                message = "Cancelled; " + describeLive(live) + " stays live";
            } else if (job.status().indexed() == 0 && !live.isEmpty()) {
                outcome = Outcome.FAILED;
                message = "No document could be indexed; " + describeLive(live) + " stays live";
            } else {
                swapAlias(alias, live, target);
                swapped = true; // from here on the target is live: never delete it
                for (String old : live) {
                    pause(IN_FLIGHT_GRACE_MILLIS);
                    deleteQuietly(old);
                }
                outcome = Outcome.SUCCEEDED;
                message = "Alias " + alias + " now points at " + target;
            }
        } catch (IndexLevelFailure e) {
            outcome = Outcome.FAILED;
            message = e.getMessage() + "; " + describeLive(live) + " stays live";
        } finally {
            if (!swapped && !aliasPointsAt(target)) {
                deleteQuietly(target);
            }
        }
        // Only now: whoever waits for the job must find the indices as the outcome says.
        job.finish(outcome, message);
    }

    private void swapAlias(String alias, List<String> live, String target) throws IOException {
        client.indices().refresh(r -> r.index(target));
        List<Action> actions = new ArrayList<>();
        if (!live.isEmpty()) {
            actions.add(Action.of(a -> a.remove(r -> r.indices(live).alias(alias))));
        }
        actions.add(Action.of(a -> a.add(ad -> ad.index(target).alias(alias))));
        client.indices().updateAliases(u -> u.actions(actions));
    }

    private void update(IngestJob job, List<IngestProperties.Source> sources) throws IOException {
        upgradeLiveMapping(); // its documents carry the current fields
        List<String> live = indicesBehindAlias();
        String target = properties.alias();
        if (live.isEmpty()) {
            String first = target + "-" + VERSION.format(Instant.now());
            IndexDefinitions.createIndex(client, first, IndexDefinitions.DOCUMENTS);
            client.indices().updateAliases(u -> u.actions(a -> a.add(ad -> ad.index(first).alias(target))));
        }
        job.targetIndex(live.isEmpty() ? target : live.get(0));
        try {
            write(job, target, sources, indicesBehindAlias(), false);
            client.indices().refresh(r -> r.index(target));
            job.finish(job.cancelRequested() ? Outcome.CANCELLED : Outcome.SUCCEEDED, null);
        } catch (IndexLevelFailure e) {
            job.finish(Outcome.FAILED, e.getMessage());
        }
    }

    private static final class StopWalk extends RuntimeException {
        StopWalk() {
            super(null, null, false, false);
        }
    }

    private static final class IndexLevelFailure extends RuntimeException {
        IndexLevelFailure(String message) {
            super(message);
        }
    }

    /**
     * Parses, enriches and bulk-indexes every source; bad files are recorded and skipped. A document already in
     * {@code previous} (the live indices a reindex replaces) keeps its {@code ingested} time there, so "new since
     * saved" counts only documents that are really new.
     */
    private void write(IngestJob job, String target, List<IngestProperties.Source> sources, List<String> previous,
                       boolean keepIngested) {
        Outcomes outcomes = new Outcomes(job);
        BulkIngester<String> ingester = BulkIngester.of(b -> b.client(client)
                .maxOperations(properties.bulkActions())
                .maxSize(properties.bulkSize().toBytes())
                .maxConcurrentRequests(1)
                .listener(outcomes));
        Instant now = Instant.now();
        KeptIngested batch = previous.isEmpty() ? null : new KeptIngested(job, target, previous, ingester, keepIngested);
        try {
            for (IngestProperties.Source source : sources) {
                Path path = source.path();
                if (!Files.exists(path)) {
                    job.skipped(source.name(), "source not found: " + path.toAbsolutePath().normalize());
                    continue;
                }
                try {
                    parser.parse(path, new ParseListener() {
                    @Override
                    public void fileSeen(String locator) {
                        job.fileSeen();
                    }

                    @Override
                    public void document(ParsedDocument parsed) {
                        if (job.cancelRequested() || outcomes.fatal != null) {
                            throw new StopWalk(); // the parser hands listener exceptions back to us
                        }
                        NewsDocument doc = enricher.enrich(parsed, source.name(), now);
                        String context = source.name() + "/" + parsed.locator();
                        if (batch == null) {
                            index(ingester, target, doc, context);
                        } else {
                            batch.add(doc, context);
                        }
                        outcomes.publishProgress();
                    }

                    @Override
                    public void skipped(Skipped skipped) {
                        job.skipped(source.name() + "/" + skipped.locator(), skipped.reason());
                    }

                    @Override
                    public void warning(String locator, String message) {
                        job.warning(source.name() + "/" + locator, message);
                    }
                    });
                } catch (StopWalk stop) {
                    break;
                }
            }
            if (batch != null && !job.cancelRequested() && outcomes.fatal == null) {
                batch.flush();
            }
        } finally {
            ingester.close();
        }
        outcomes.publishProgress();
        if (outcomes.fatal != null) {
            throw new IndexLevelFailure("Index " + target + " rejected writes: " + outcomes.fatal);
        }
    }

    private static void index(BulkIngester<String> ingester, String target, NewsDocument doc, String context) {
        ingester.add(op -> op.index(i -> i.index(target).id(doc.id()).document(doc.toSource())), context);
    }

    /**
     * A reindex's documents, held back one bulk's worth at a time so that one mget per batch (not one get per
     * document) finds the {@code ingested} times of those already in the previous live indices.
     */
    private final class KeptIngested {
        private final IngestJob job;
        private final String target;
        private final List<String> previous;
        private final BulkIngester<String> ingester;
        private final List<NewsDocument> documents = new ArrayList<>();
        private final List<String> contexts = new ArrayList<>();
        private long bytes;
        private boolean warned;

        private final boolean keepIngested;

        KeptIngested(IngestJob job, String target, List<String> previous, BulkIngester<String> ingester,
                     boolean keepIngested) {
            this.job = job;
            this.target = target;
            this.previous = previous;
            this.ingester = ingester;
            this.keepIngested = keepIngested;
        }

        void add(NewsDocument doc, String context) {
            documents.add(doc);
            contexts.add(context);
            // Roughly what the bulk body carries: each text goes in twice (neutral and language field).
            bytes += 2L * ((doc.title() == null ? 0 : doc.title().length()) + doc.body().length());
            if (documents.size() >= properties.bulkActions() || bytes >= properties.bulkSize().toBytes()) {
                flush();
            }
        }

        void flush() {
            if (documents.isEmpty()) {
                return;
            }
            Map<String, Map<?, ?>> earlier = earlierVersions();
            for (int i = 0; i < documents.size(); i++) {
                NewsDocument doc = documents.get(i);
                Map<?, ?> old = earlier.get(doc.id());
                Instant kept = keepIngested && old != null ? ingested(old) : null;
                Map<String, Object> source = (kept == null ? doc : doc.withIngested(kept)).toSource();
                if (old != null) {
                    // Until the entity stage has looked at the text again, the people and companies stay searchable.
                    for (String field : CARRIED_ENTITY_FIELDS) {
                        if (old.get(field) != null) {
                            source.put(field, old.get(field));
                        }
                    }
                }
                String id = doc.id();
                ingester.add(op -> op.index(x -> x.index(target).id(id).document(source)), contexts.get(i));
            }
            documents.clear();
            contexts.clear();
            bytes = 0;
        }

        /**
         * By id, the document as the previous indices have it (the version with the earliest {@code ingested} time):
         * only its ingestion time and entities; empty (all new) when they cannot be read.
         */
        private Map<String, Map<?, ?>> earlierVersions() {
            Set<String> ids = new LinkedHashSet<>();
            documents.forEach(d -> ids.add(d.id()));
            Map<String, Map<?, ?>> times = new HashMap<>();
            try {
                List<MultiGetOperation> docs = new ArrayList<>();
                for (String index : previous) {
                    for (String id : ids) {
                        docs.add(MultiGetOperation.of(o -> o.index(index).id(id)));
                    }
                }
                List<String> fields = new ArrayList<>(CARRIED_ENTITY_FIELDS);
                fields.add(INGESTED);
                MgetResponse<Map> response = client.mget(m -> m.docs(docs).sourceIncludes(fields), Map.class);
                for (MultiGetResponseItem<Map> item : response.docs()) {
                    if (item.isResult() && item.result().found() && item.result().source() != null) {
                        Map<?, ?> found = item.result().source();
                        times.merge(item.result().id(), found, (a, b) -> {
                            Instant ta = ingested(a);
                            Instant tb = ingested(b);
                            return tb != null && (ta == null || tb.isBefore(ta)) ? b : a;
                        });
                    }
                }
            } catch (Exception e) {
                // The rebuild still goes on (it may be what repairs the index); these documents just count as new.
                if (!warned) {
                    warned = true;
                    log.warn("Could not read ingestion times and entities from {}: {}", previous, describe(e));
                    job.warning(String.join(", ", previous), "ingestion times and entities not kept: " + describe(e));
                }
            }
            return times;
        }

        /** Null when missing or not an instant as we write it: that document then simply counts as new. */
        private static Instant ingested(Map<?, ?> source) {
            try {
                return source != null && source.get(INGESTED) instanceof String time ? Instant.parse(time) : null;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** Records each document's outcome; progress events go out on the job thread, not the client's I/O thread. */
    private final class Outcomes implements BulkListener<String> {
        private final IngestJob job;
        private volatile String fatal;
        private volatile long published = -1;

        Outcomes(IngestJob job) {
            this.job = job;
        }

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<String> contexts) {
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<String> contexts, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            long ok = 0;
            for (int i = 0; i < items.size(); i++) {
                var error = items.get(i).error();
                if (error == null) {
                    ok++;
                } else {
                    job.failed(contexts.get(i), error.type() + ": " + error.reason());
                    if (INDEX_LEVEL_ERRORS.contains(error.type())) {
                        fatal = error.type() + ": " + error.reason();
                    }
                }
            }
            job.indexed(ok);
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<String> contexts, Throwable failure) {
            fatal = describe(failure);
            contexts.forEach(c -> job.failed(c, fatal));
        }

        void publishProgress() {
            long done = job.done();
            if (done != published) {
                published = done;
                events.publishEvent(new IngestProgressEvent(job.status()));
            }
        }
    }

    private List<String> indicesBehindAlias() throws IOException {
        if (!aliasExists()) {
            return List.of();
        }
        return new ArrayList<>(client.indices().getAlias(a -> a.name(properties.alias())).result().keySet());
    }

    /** Versioned indices left by a crashed job: never the live ones. */
    private void dropLeftovers(String alias, List<String> live) throws IOException {
        var indices = client.indices().get(g -> g.index(alias + "-*").allowNoIndices(true)
                .expandWildcards(ExpandWildcard.All)).result().keySet();
        for (String index : indices) {
            if (!live.contains(index) && index.matches("\\Q" + alias + "\\E-\\d{8}-\\d{6}-\\d{3}")) {
                log.info("Deleting leftover index {}", index);
                deleteQuietly(index);
            }
        }
    }

    /** Asked again rather than assumed: a timed-out alias update may still have been applied. */
    private boolean aliasPointsAt(String index) {
        try {
            return indicesBehindAlias().contains(index);
        } catch (Exception e) {
            return true; // unsure: keep the index rather than risk deleting the live one
        }
    }

    private void deleteQuietly(String index) {
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        } catch (Exception e) {
            log.warn("Could not delete index {}: {}", index, e.toString());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describeLive(List<String> live) {
        return live.isEmpty() ? "the previous state (no index)" : "index " + String.join(", ", live);
    }

    static String describe(Throwable e) {
        if (e instanceof ElasticsearchException ee) {
            return ee.error().type() + ": " + ee.error().reason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
