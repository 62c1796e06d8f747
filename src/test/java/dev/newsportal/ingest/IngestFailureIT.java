package dev.newsportal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** Bad files are reported and skipped; a reindex whose target rejects writes leaves the old index serving. */
@PortalIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestFailureIT {

    private static final String ALIAS = "it-failure";
    private static final Path FOLDER = Path.of("target/it-ingest-failure").toAbsolutePath();
    private static final int GOOD_RECORDS = 60;
    private static final AtomicBoolean BLOCK_TARGET = new AtomicBoolean();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        createFolder();
        registry.add("portal.ingest.alias", () -> ALIAS);
        registry.add("portal.ingest.sources[0].name", () -> "wire");
        registry.add("portal.ingest.sources[0].path", FOLDER::toString);
        registry.add("portal.ingest.max-file-size", () -> "8KB");
        registry.add("portal.ingest.bulk-actions", () -> "5");
    }

    /** Once armed, makes the job's new index reject writes after its first acknowledged bulk. */
    @TestConfiguration
    static class BlockWrites {
        @Bean
        Object writeBlocker() {
            return new Object() {
                @EventListener
                void on(IngestProgressEvent event) throws IOException {
                    var status = event.status();
                    if (status.running() && status.indexed() > 0 && BLOCK_TARGET.compareAndSet(true, false)) {
                        TestCluster.get().client().indices().putSettings(p -> p.index(status.targetIndex())
                                .settings(s -> s.blocks(b -> b.write(true))));
                    }
                }
            };
        }
    }

    @Autowired
    IngestService ingest;

    private final ElasticsearchClient client = TestCluster.get().client();

    @Test
    @Order(1)
    void goodDocumentsAreIndexedAndEveryBadFileIsReported() throws Exception {
        IngestJob.Status status = ingest.reindex();
        assertThat(status.outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
        assertThat(status.indexed()).isEqualTo(GOOD_RECORDS + 2);
        assertThat(status.failed()).isZero();
        assertThat(client.count(c -> c.index(ALIAS)).count()).isEqualTo(GOOD_RECORDS + 2);
        Map<String, String> reasons = new java.util.TreeMap<>();
        status.problems().forEach(p -> reasons.put(p.locator(), p.reason()));
        assertThat(reasons).containsOnlyKeys("wire/empty.txt", "wire/binary.txt", "wire/latin1.txt",
                "wire/oversize.txt", "wire/records.jsonl#L31");
        assertThat(reasons.get("wire/empty.txt")).containsIgnoringCase("empty");
        assertThat(reasons.get("wire/binary.txt")).containsIgnoringCase("binary");
        assertThat(reasons.get("wire/latin1.txt")).containsIgnoringCase("UTF-8");
        assertThat(reasons.get("wire/oversize.txt")).containsIgnoringCase("too large");
        assertThat(reasons.get("wire/records.jsonl#L31")).containsIgnoringCase("JSON");
        assertThat(status.skipped()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void reindexFailingHalfWayKeepsTheOldIndexServing() throws Exception {
        List<String> before = List.copyOf(client.indices().getAlias(a -> a.name(ALIAS)).result().keySet());
        BLOCK_TARGET.set(true);
        IngestJob.Status status = ingest.reindex();
        assertThat(BLOCK_TARGET.get()).as("the block was applied").isFalse();
        assertThat(status.outcome()).isEqualTo(IngestJob.Outcome.FAILED);
        assertThat(status.indexed()).as("failed half-way, not at the start").isPositive().isLessThan(GOOD_RECORDS);
        assertThat(status.message()).contains("cluster_block_exception").contains(before.get(0) + " stays live");
        assertThat(client.indices().getAlias(a -> a.name(ALIAS)).result().keySet()).containsExactlyElementsOf(before);
        assertThat(client.indices().exists(e -> e.index(status.targetIndex())).value()).isFalse();
        assertThat(client.count(c -> c.index(ALIAS)).count()).isEqualTo(GOOD_RECORDS + 2);
    }

    private static void createFolder() throws IOException {
        FileSystemUtils.deleteRecursively(FOLDER);
        Files.createDirectories(FOLDER);
        Files.writeString(FOLDER.resolve("good.txt"), "A good headline\nThe body of a good article about the harbour.\n");
        Files.writeString(FOLDER.resolve("good.html"), "<html><head><title>Port news</title></head><body><nav>Home</nav>"
                + "<article><h1>Port news</h1><p>Ships arrived early this morning.</p></article></body></html>");
        Files.write(FOLDER.resolve("empty.txt"), new byte[0]);
        Files.write(FOLDER.resolve("binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 1, 2});
        Files.write(FOLDER.resolve("latin1.txt"), "Caf\u00e9 cr\u00e8me news\nBody".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(FOLDER.resolve("oversize.txt"), "Big\n" + "word ".repeat(2000));
        StringBuilder jsonl = new StringBuilder();
        for (int i = 1; i <= GOOD_RECORDS + 1; i++) {
            if (i == 31) {
                jsonl.append("{\"id\": \"broken\", \"body\": \"unterminated\n");
            } else {
                jsonl.append("{\"id\":\"wire-").append(i).append("\",\"title\":\"Wire story ").append(i)
                        .append("\",\"body\":\"Markets moved on day ").append(i).append(".\",\"lang\":\"en\"}\n");
            }
        }
        Files.writeString(FOLDER.resolve("records.jsonl"), jsonl);
    }
}
