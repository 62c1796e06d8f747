package dev.newsportal.ingest;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On a fresh installation (no alias yet) indexes the configured sources, so the run command ends
 * with a searchable portal. Waits in the background for Elasticsearch; never blocks start-up.
 */
@Component
class FirstStartIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FirstStartIndexer.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final IngestService ingest;
    private final IngestProperties properties;
    private volatile Thread thread;

    FirstStartIndexer(IngestService ingest, IngestProperties properties) {
        this.ingest = ingest;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (properties.indexOnFirstStart()) {
            thread = new Thread(this::indexWhenReachable, "first-start-indexer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void indexWhenReachable() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!ingest.aliasExists()) {
                    log.info("No index behind alias '{}' yet: indexing the configured sources", ingest.alias());
                    ingest.startReindex();
                }
                return;
            } catch (IngestService.JobRunningException running) {
                return;
            } catch (Exception notReachable) {
                log.debug("Elasticsearch not reachable yet: {}", notReachable.toString());
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
