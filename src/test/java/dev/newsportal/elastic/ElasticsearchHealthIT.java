package dev.newsportal.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The portal against a node the tests started: no embedded node, and health follows the node. */
@PortalIntegrationTest
class ElasticsearchHealthIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void externalClusterMeansNoEmbeddedNode() throws Exception {
        assertThat(context.getBeansOfType(EmbeddedNode.class)).isEmpty();
        assertThat(Path.of("target/it-portal-data/elasticsearch")).satisfies(p -> assertThat(Files.exists(p)).isFalse());
        JsonNode health = health();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        JsonNode details = health.path("components").path("elasticsearch").path("details");
        assertThat(details.path("status").asString()).isIn("green", "yellow");
        assertThat(details.has("embedded")).isFalse();
    }

    @Test
    void healthTurnsDownWhenTheNodeDiesAndUpWhenItReturns() throws Exception {
        TestCluster cluster = TestCluster.get();
        assumeTrue(cluster.restartable(), "only our own embedded test node can be killed");
        assertThat(health().path("status").asString()).isEqualTo("UP");
        try {
            cluster.kill();
            JsonNode down = health();
            assertThat(down.path("status").asString()).isEqualTo("DOWN");
            assertThat(down.path("components").path("elasticsearch").path("status").asString()).isEqualTo("DOWN");
        } finally {
            cluster.restart();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status;
        do {
            status = health().path("status").asString();
        } while (!status.equals("UP") && System.nanoTime() < deadline && pause());
        assertThat(status).isEqualTo("UP");
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
