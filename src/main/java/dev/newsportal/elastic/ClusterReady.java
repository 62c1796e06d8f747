package dev.newsportal.elastic;

import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.context.ApplicationContext;

/** For the command-line tools: the context's cluster (the embedded node, if it starts one) answering. */
public final class ClusterReady {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private ClusterReady() {
    }

    /** Waits for the embedded node, if any, then up to a minute for cluster health; returns the client. */
    public static ElasticsearchClient await(ApplicationContext context) throws InterruptedException {
        context.getBeanProvider(EmbeddedNode.class).ifAvailable(EmbeddedNode::awaitReady);
        ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                client.cluster().health();
                return client;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Elasticsearch is not reachable: " + e.getMessage(), e);
                }
                Thread.sleep(1000);
            }
        }
    }
}
