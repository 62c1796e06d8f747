package dev.newsportal.ingest;

import dev.newsportal.elastic.OnClusterAvailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a fresh installation (no alias yet) indexes the configured sources, so the run command ends with a searchable portal. */
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
        if (properties.indexOnFirstStart() && !ingest.aliasExists()) {
            log.info("No index behind alias '{}' yet: indexing the configured sources", ingest.alias());
            try {
                ingest.startReindex();
            } catch (IngestService.JobRunningException alreadyRunning) {
                // someone was quicker
            }
        }
    }
}
