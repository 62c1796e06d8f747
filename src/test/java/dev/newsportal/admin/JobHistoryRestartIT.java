package dev.newsportal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import dev.newsportal.PortalApplication;
import dev.newsportal.ingest.IngestJob;
import dev.newsportal.ingest.IngestService;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** A second portal process on the same cluster (what a restart is) sees the job history; cut-off jobs become interrupted. */
@PortalIntegrationTest
@TestPropertySource(properties = {"portal.ingest.alias=it-history", "portal.admin.jobs-index=it-jobs-history"})
class JobHistoryRestartIT {

    @Autowired
    IngestService ingest;

    @Test
    void historySurvivesARestartAndRunningJobsBecomeInterrupted() throws Exception {
        IngestJob.Status done = ingest.reindex();
        assertThat(done.outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
        // A job that was running when its portal died.
        TestCluster.get().client().index(i -> i.index("it-jobs-history").id("cut-off").refresh(co.elastic.clients.elasticsearch._types.Refresh.True)
                .document(Map.of("id", "cut-off", "kind", "REINDEX", "outcome", "RUNNING",
                        "started", Instant.now().minusSeconds(60).toString())));

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(PortalApplication.class).run(
                "--server.port=0", "--portal.elasticsearch.uris=" + TestCluster.get().uri(),
                "--portal.ingest.alias=it-history", "--portal.admin.jobs-index=it-jobs-history",
                "--portal.data-dir=target/it-portal-data")) {
            int port = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest jobs = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/jobs"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("admin:it-admin-secret".getBytes(StandardCharsets.UTF_8))).build();
            String body = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !body.contains("INTERRUPTED")) {
                body = http.send(jobs, HttpResponse.BodyHandlers.ofString()).body();
                Thread.sleep(200);
            }
            assertThat(body).contains("\"id\":\"" + done.id() + "\"").contains("\"outcome\":\"SUCCEEDED\"");
            assertThat(body).contains("\"id\":\"cut-off\"").contains("\"outcome\":\"INTERRUPTED\"").doesNotContain("\"outcome\":\"RUNNING\"");
        }
    }
}
