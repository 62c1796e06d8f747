package dev.newsportal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import dev.newsportal.entities.EntityStage;
import dev.newsportal.ingest.IngestJob;
import dev.newsportal.ingest.IngestService;

/** The test context's configured sources, indexed once (the first test of a class pays). */
public final class TestIndex {

    private TestIndex() {
    }

    public static void ensureIndexed(IngestService ingest) throws Exception {
        if (!ingest.aliasExists()) {
            assertThat(ingest.reindex().outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
        }
    }

    /** Indexed, and the background entity stage done with every document. */
    public static void ensureEnriched(IngestService ingest, EntityStage entities) throws Exception {
        ensureIndexed(ingest);
        assertThat(entities.awaitIdle(3, TimeUnit.MINUTES)).as("entity stage idle").isTrue();
    }
}
