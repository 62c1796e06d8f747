package dev.newsportal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The seeds as a fresh installation indexes them, re-runs, and a reindex under search load. */
@PortalIntegrationTest
@TestPropertySource(properties = {"portal.ingest.alias=it-seeds", "portal.ingest.index-on-first-start=true"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedIndexingIT {

    private static final String ALIAS = "it-seeds";

    @Autowired
    IngestService ingest;

    private final ElasticsearchClient client = TestCluster.get().client();

    @Test
    @Order(1)
    void firstStartIndexesTheSeedsWithLanguageTitleAndSource() throws Exception {
        awaitFirstStartJob();
        Map<String, Map<String, Object>> byPath = documentsByPath();
        assertThat(byPath).hasSize(5);
        assertThat(byPath.values()).extracting(d -> (Object) d.get("language")).containsExactly("de", "ja", "fr", "de", "en");
        assertThat(title(byPath, "000")).startsWith("Exklusives Interview mit Meta GenAI Ingenieur");
        assertThat(title(byPath, "001")).startsWith("メタのGenAIエンジニアが語る舞台裏");
        assertThat(title(byPath, "002")).startsWith("Entretien exclusif avec un ingénieur Meta GenAI");
        assertThat(title(byPath, "003")).startsWith("Zuckerbergs KI-Team ist im Chaos");
        assertThat(title(byPath, "004")).isEqualTo("Inside Meta AI: Uncovering Challenges in Big Tech’s R&D Culture");
        // Byline (French) and credit line (second German) name the outlet; the rest fall back to the folder's name.
        assertThat(byPath.values()).extracting(d -> (Object) d.get("source")).containsExactly("seeds", "seeds", "CTOL", "iFanr", "seeds");
    }

    @Test
    @Order(2)
    void seedsAreSearchableThroughTheirLanguageFields() throws IOException {
        var hits = client.search(s -> s.index(ALIAS).query(q -> q.match(m -> m.field("body_de").query("Entlassungsrunden"))),
                Map.class).hits().hits();
        assertThat(hits).extracting(h -> (Object) ((Map<?, ?>) h.source()).get("path")).containsExactly("000_0299def07b6d01cf.txt");
        var japanese = client.search(s -> s.index(ALIAS).query(q -> q.match(m -> m.field("body_ja").query("従業員"))),
                Map.class).hits().hits();
        assertThat(japanese).extracting(h -> (Object) ((Map<?, ?>) h.source()).get("language")).containsExactly("ja");
    }

    @Test
    @Order(3)
    void rerunningTheSameIngestionCreatesNoDuplicates() throws Exception {
        IngestJob.Status update = ingest.update(List.of(new IngestProperties.Source("seeds", java.nio.file.Path.of("seeds"))));
        assertThat(update.outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
        assertThat(update.indexed()).isEqualTo(5);
        IngestJob.Status reindex = ingest.reindex();
        assertThat(reindex.outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
        assertThat(count()).isEqualTo(5);
    }

    @Test
    @Order(4)
    void reindexUnderSearchLoadNeverFailsOrReturnsNothing() throws Exception {
        String before = liveIndices().get(0);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        AtomicInteger emptyOrFailed = new AtomicInteger();
        AtomicReference<Throwable> firstProblem = new AtomicReference<>();
        Thread searcher = new Thread(() -> {
            while (running.get()) {
                try {
                    long total = client.search(s -> s.index(ALIAS).query(q -> q.match(m -> m.field("body").query("Meta"))),
                            Map.class).hits().total().value();
                    if (total == 0) {
                        emptyOrFailed.incrementAndGet();
                        firstProblem.compareAndSet(null, new AssertionError("zero hits"));
                    }
                } catch (Exception e) {
                    emptyOrFailed.incrementAndGet();
                    firstProblem.compareAndSet(null, e);
                }
                searches.incrementAndGet();
            }
        });
        searcher.start();
        IngestJob.Status status;
        try {
            Thread.sleep(300);
            status = ingest.reindex();
            Thread.sleep(1500); // keep searching after the old index is deleted
        } finally {
            running.set(false);
            searcher.join();
        }
        assertThat(status.outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
        assertThat(searches.get()).isGreaterThan(20);
        assertThat(emptyOrFailed.get()).as("first problem: %s", firstProblem.get()).isZero();
        assertThat(liveIndices()).containsExactly(status.targetIndex());
        assertThat(client.indices().exists(e -> e.index(before)).value()).isFalse();
    }

    private void awaitFirstStartJob() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            var last = ingest.last();
            if (last.isPresent() && !last.get().running()) {
                assertThat(last.get().outcome()).as(last.get().toString()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("first-start indexing did not finish");
    }

    private Map<String, Map<String, Object>> documentsByPath() throws IOException {
        Map<String, Map<String, Object>> byPath = new TreeMap<>();
        for (Hit<Map> hit : client.search(s -> s.index(ALIAS).size(100), Map.class).hits().hits()) {
            @SuppressWarnings("unchecked") Map<String, Object> source = hit.source();
            byPath.put((String) source.get("path"), source);
        }
        return byPath;
    }

    private static String title(Map<String, Map<String, Object>> byPath, String prefix) {
        return byPath.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                .map(e -> (String) e.getValue().get("title")).orElseThrow();
    }

    private long count() throws IOException {
        return client.count(c -> c.index(ALIAS)).count();
    }

    private List<String> liveIndices() throws IOException {
        return List.copyOf(client.indices().getAlias(a -> a.name(ALIAS)).result().keySet());
    }
}
