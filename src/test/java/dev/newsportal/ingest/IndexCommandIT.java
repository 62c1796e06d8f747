package dev.newsportal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.newsportal.PortalApplication;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented command line: index a JSONL file into a running cluster, twice, without duplicates. */
class IndexCommandIT {

    @Test
    void indexesAJsonlFileIntoTheLiveIndexAndReportsBadLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agency.jsonl");
        Files.writeString(file, """
                {"id":"cli-1","title":"Erste Meldung","body":"Die Häuser am Hafen wurden verkauft.","source":"Agentur Nord"}
                {"id":"cli-2","title":"Second story","body":"The harbour reopened on Monday."}
                not json at all
                """);
        String[] args = {file.toString(), "--portal.elasticsearch.uris=" + TestCluster.get().uri(),
                "--portal.ingest.alias=it-cli", "--portal.data-dir=" + dir.resolve("data")};

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = IndexCommand.run(PortalApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report).isEqualTo(1);
        assertThat(report).contains("SUCCEEDED: 1 files, 2 indexed, 1 skipped").contains("agency.jsonl#L3");

        assertThat(IndexCommand.run(PortalApplication.class, args, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(1);
        var client = TestCluster.get().client();
        assertThat(client.count(c -> c.index("it-cli")).count()).isEqualTo(2);
        var hit = client.search(s -> s.index("it-cli").query(q -> q.match(m -> m.field("body_de").query("Haus"))),
                java.util.Map.class).hits().hits();
        assertThat(hit).extracting(h -> h.id()).containsExactly("cli-1");
        assertThat(((java.util.Map<?, ?>) hit.get(0).source()).get("source")).isEqualTo("Agentur Nord");
    }
}
