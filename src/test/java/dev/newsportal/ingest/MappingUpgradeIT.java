package dev.newsportal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A live index built by an older es-mappings/ (no entity status field) is rebuilt when the portal starts. */
@PortalIntegrationTest
class MappingUpgradeIT {

    private static final String ALIAS = "it-upgrade";
    private static final String OLD = ALIAS + "-20200101-000000-000";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        // before the context starts: what an installation of the previous version left behind
        ElasticsearchClient client = TestCluster.get().client();
        client.indices().delete(d -> d.index(OLD).ignoreUnavailable(true));
        client.indices().create(c -> c.index(OLD).withJson(new StringReader("""
                {"mappings": {"dynamic": "strict", "properties": {"id": {"type": "keyword"}, "title": {"type": "text"}}}}
                """)).aliases(ALIAS, a -> a));
        client.index(i -> i.index(OLD).id("old").document(Map.of("id", "old", "title", "from the old version"))
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        registry.add("portal.ingest.alias", () -> ALIAS);
        registry.add("portal.ingest.index-on-first-start", () -> "true");
        registry.add("portal.ingest.sources[0].name", () -> "seeds");
        registry.add("portal.ingest.sources[0].path", () -> "seeds");
    }

    @Autowired
    IngestService ingest;

    @Test
    void olderMappingIsRebuiltFromTheSourcesAtStart() throws Exception {
        ElasticsearchClient client = TestCluster.get().client();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<String> live = List.of(OLD);
        while (System.nanoTime() < deadline && live.contains(OLD)) {
            Thread.sleep(250);
            live = List.copyOf(client.indices().getAlias(a -> a.name(ALIAS)).result().keySet());
        }
        assertThat(live).hasSize(1).doesNotContain(OLD);
        while (System.nanoTime() < deadline && ingest.current().isPresent()) {
            Thread.sleep(100); // the old index goes once searches still on it had time to finish
        }
        assertThat(ingest.liveMappingVersion()).isEqualTo(ingest.mappingVersion()).isGreaterThan(0);
        assertThat(client.count(c -> c.index(ALIAS)).count()).isEqualTo(5);
        assertThat(client.indices().exists(e -> e.index(OLD)).value()).isFalse();
    }
}
