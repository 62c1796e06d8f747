package dev.newsportal.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stored registry against a real node, as two portals on one cluster see it (no Spring context needed). */
class RegistryServiceIT {

    private static final String INDEX = "it-registry-service";
    private final ElasticsearchClient client = TestCluster.get().client();

    @BeforeEach
    void fresh() throws Exception {
        client.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
    }

    private RegistryService portal() {
        return new RegistryService(client, new EntityProperties(true, INDEX, 1, 16, java.time.Duration.ofSeconds(2), null));
    }

    @Test
    void editsAreRefusedUntilTheStoredRegistryIsLoaded() {
        RegistryService notLoaded = portal();
        assertThatThrownBy(() -> notLoaded.addAlias("meta", "Facebook Inc"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherPortalsEditsArriveAndNeitherOverwritesTheOther() throws Exception {
        RegistryService a = portal();
        RegistryService b = portal();
        a.reload();
        b.reload();
        assertThat(a.registry().size()).isEqualTo(EntityRegistry.starter().size());

        b.addAlias("mark-zuckerberg", "Zuck");
        a.addAlias("mark-zuckerberg", "Marc Zuckerberg"); // a still holds the old copy in memory
        assertThat(a.registry().get("mark-zuckerberg").orElseThrow().aliases()).contains("Zuck", "Marc Zuckerberg");

        b.reloadIfChanged();
        assertThat(b.resolve("Marc Zuckerberg", EntityType.PERSON)).contains("mark-zuckerberg");
        Entity created = a.create(EntityType.COMPANY, "Harbour Research", List.of());
        b.reloadIfChanged();
        assertThat(b.registry().get(created.id())).isPresent();
    }

    @Test
    void aDeletedRegistryIndexIsWrittenBackFromMemoryOnTheNextEdit() throws Exception {
        RegistryService a = portal();
        a.reload();
        a.addAlias("meta", "Meta Platforms Inc");
        client.indices().delete(d -> d.index(INDEX));

        a.addAlias("openai", "Open AI");
        RegistryService restarted = portal();
        restarted.reload();
        assertThat(restarted.registry().size()).isEqualTo(a.registry().size());
        assertThat(restarted.resolve("Meta Platforms Inc", EntityType.COMPANY)).contains("meta");
        assertThat(restarted.resolve("Open AI", EntityType.COMPANY)).contains("openai");
    }
}
