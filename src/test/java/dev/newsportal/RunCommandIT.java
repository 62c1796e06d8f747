package dev.newsportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's run path, for real: the packaged portal starts its own node with our plugin, keeps
 * its data across restarts, and leaves no Elasticsearch process behind whether it is stopped or killed.
 */
class RunCommandIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DATA = Path.of("target/it-run-command").toAbsolutePath();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process portal;

    @AfterEach
    void killPortal() {
        if (portal != null) {
            List<ProcessHandle> all = portal.descendants().toList();
            portal.destroyForcibly();
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void portalRunsItsOwnNodeAndLeavesNothingBehind() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);

        int port = freePort();
        portal = startPortal(port);
        JsonNode health = awaitUp(port);
        URI node = URI.create(health.path("components").path("elasticsearch").path("details").path("embedded").asString());
        List<ProcessHandle> elasticsearch = portal.descendants().toList();
        assertThat(elasticsearch).isNotEmpty();

        assertThat(get(node.resolve("/_nodes/plugins")).body()).contains("\"name\":\"newsportal-analysis\"");
        if ("root".equals(System.getProperty("user.name"))) {
            assertThat(elasticsearch).allSatisfy(p -> assertThat(p.info().user()).contains("nobody"));
        }
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(node.resolve("/persist-check"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);

        // A clean stop (SIGTERM, as on Ctrl-C or a service manager) stops the node with the portal.
        portal.destroy();
        assertThat(portal.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertGone(elasticsearch);

        // The data directory survives; a killed portal (SIGKILL, no shutdown hooks) takes its node down too.
        portal = startPortal(port);
        health = awaitUp(port);
        node = URI.create(health.path("components").path("elasticsearch").path("details").path("embedded").asString());
        assertThat(get(node.resolve("/persist-check")).statusCode()).isEqualTo(200);
        elasticsearch = portal.descendants().toList();
        portal.destroyForcibly();
        assertThat(portal.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertGone(elasticsearch);
    }

    private Process startPortal(int port) throws IOException {
        Files.createDirectories(DATA);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-jar", System.getProperty("portal.test.app-jar", "target/newsportal.jar"),
                "--server.port=" + port, "--portal.data-dir=" + DATA)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(DATA.resolve("portal.log").toFile()))
                .start();
    }

    private JsonNode awaitUp(int port) throws Exception {
        URI health = URI.create("http://localhost:" + port + "/actuator/health");
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            assertThat(portal.isAlive()).as("portal exited; see %s", DATA.resolve("portal.log")).isTrue();
            try {
                last = JSON.readTree(get(health).body());
                if ("UP".equals(last.path("status").asString())) {
                    return last;
                }
            } catch (IOException notYet) {
                // web server not up yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("portal not UP within 4 minutes; last health: " + last);
    }

    private static void assertGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
