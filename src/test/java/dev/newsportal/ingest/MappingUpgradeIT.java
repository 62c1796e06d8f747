package dev.newsportal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import dev.newsportal.elastic.IndexDefinitions;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A live index built by the previous es-mappings/ (no entity status, no version) is upgraded in place when the
 * portal starts: nothing is rebuilt, so a document that came from elsewhere (not from the configured sources)
 * stays, and the entity stage then gives it its people and companies.
 */
@PortalIntegrationTest
class MappingUpgradeIT {

    private static final String ALIAS = "it-upgrade";
    private static final String OLD = ALIAS + "-20200101-000000-000";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        // before the context starts: what the previous version left behind
        ElasticsearchClient client = TestCluster.get().client();
        client.indices().delete(d -> d.index(OLD).ignoreUnavailable(true));
        ObjectNode definition;
        try (InputStream in = IndexDefinitions.open(IndexDefinitions.DOCUMENTS)) {
            definition = (ObjectNode) JsonMapper.builder().build().readTree(in);
        }
        ObjectNode mappings = (ObjectNode) definition.get("mappings");
        mappings.remove("_meta");
        ((ObjectNode) mappings.get("properties")).remove("entities_status");
        client.indices().create(c -> c.index(OLD).withJson(new StringReader(definition.toString())).aliases(ALIAS, a -> a));
        client.index(i -> i.index(OLD).id("archived").refresh(Refresh.True).document(Map.of("id", "archived",
                "title", "Archived report", "body", "Mark Zuckerberg spoke about Meta Platforms in Menlo Park.",
                "title_en", "Archived report", "body_en", "Mark Zuckerberg spoke about Meta Platforms in Menlo Park.",
                "language", "en", "source", "archive", "ingested", "2020-01-01T00:00:00Z")));
        registry.add("portal.ingest.alias", () -> ALIAS);
        registry.add("portal.ingest.index-on-first-start", () -> "true");
        registry.add("portal.ingest.sources[0].name", () -> "seeds");
        registry.add("portal.ingest.sources[0].path", () -> "seeds");
    }

    @Autowired
    IngestService ingest;

    @Test
    @SuppressWarnings("unchecked")
    void olderMappingIsUpgradedInPlaceAndItsDocumentsGetTheirEntities() throws Exception {
        ElasticsearchClient client = TestCluster.get().client();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && ingest.liveMappingVersion() < ingest.mappingVersion()) {
            Thread.sleep(200);
        }
        assertThat(ingest.liveMappingVersion()).isEqualTo(ingest.mappingVersion()).isGreaterThan(0);
        assertThat(client.indices().getAlias(a -> a.name(ALIAS)).result().keySet()).containsExactly(OLD);
        assertThat(ingest.last()).as("no rebuild").isEmpty();

        Map<String, Object> source = null;
        while (System.nanoTime() < deadline) {
            source = (Map<String, Object>) client.get(g -> g.index(ALIAS).id("archived"), Map.class).source();
            if ("done".equals(source.get("entities_status"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(source).containsEntry("entities_status", "done");
        assertThat((List<Object>) source.get("persons")).contains("mark-zuckerberg");
        assertThat((List<Object>) source.get("companies")).contains("meta");
        assertThat(client.count(c -> c.index(ALIAS)).count()).isEqualTo(1);
    }
}
