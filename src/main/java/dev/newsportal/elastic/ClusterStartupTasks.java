package dev.newsportal.elastic;

import java.time.Duration;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Waits in the background until Elasticsearch answers, then runs the {@link OnClusterAvailable}
 * tasks: the portal starts (and reports DOWN) while the cluster is still away.
 */
@Component
class ClusterStartupTasks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterStartupTasks.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ElasticsearchClient client;
    private final ObjectProvider<OnClusterAvailable> tasks;
    private volatile Thread thread;

    ClusterStartupTasks(ElasticsearchClient client, ObjectProvider<OnClusterAvailable> tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    @Override
    public void start() {
        List<OnClusterAvailable> ordered = tasks.orderedStream().toList();
        if (ordered.isEmpty()) {
            return;
        }
        thread = new Thread(() -> runWhenReachable(ordered), "cluster-startup-tasks");
        thread.setDaemon(true);
        thread.start();
    }

    private void runWhenReachable(List<OnClusterAvailable> ordered) {
        try {
            while (!reachable()) {
                Thread.sleep(RETRY.toMillis());
            }
        } catch (InterruptedException stopped) {
            return;
        }
        for (OnClusterAvailable task : ordered) {
            try {
                task.onClusterAvailable();
            } catch (Exception e) {
                log.error("Start-up task {} failed", task.getClass().getSimpleName(), e);
            }
        }
    }

    private boolean reachable() {
        try {
            client.cluster().health();
            return true;
        } catch (Exception notYet) {
            return false;
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
}
