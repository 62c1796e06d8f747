package dev.newsportal.ingest;

import dev.newsportal.elastic.OnClusterAvailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a fresh installation (no alias yet) indexes the configured sources, so the run command ends with a searchable
 * portal; an index built with an older es-mappings/documents.json (lower {@code _meta.version}) is upgraded in place.
 */
@Component
@Order(100)
class FirstStartIndexer implements OnClusterAvailable {

    private static final Logger log = LoggerFactory.getLogger(FirstStartIndexer.class);

    private final IngestService ingest;
    private final IngestProperties properties;

    FirstStartIndexer(IngestService ingest, IngestProperties properties) {
        this.ingest = ingest;
        this.properties = properties;
    }

    @Override
    public void onClusterAvailable() throws Exception {
        if (ingest.aliasExists()) {
            ingest.upgradeLiveMapping();
            return;
        }
        if (!properties.indexOnFirstStart()) {
            return;
        }
        log.info("No index behind alias '{}' yet: indexing the configured sources", ingest.alias());
        try {
            ingest.startReindex();
        } catch (IngestService.JobRunningException alreadyRunning) {
            // someone was quicker
        }
    }
}
