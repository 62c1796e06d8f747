package dev.newsportal.elastic;

import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.RequestOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * UP only when the cluster answers. Asked afresh on every call, so it turns DOWN when the node
 * dies and UP again when it comes back, with no restart of the portal.
 */
@Component("elasticsearch")
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ElasticsearchClient client;
    private final ObjectProvider<EmbeddedNode> embedded;

    ElasticsearchHealthIndicator(ElasticsearchClient client, ObjectProvider<EmbeddedNode> embedded) {
        super("Elasticsearch health check failed");
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout((int) TIMEOUT.toMillis())
                .setSocketTimeout((int) TIMEOUT.toMillis())
                .build();
        this.client = client.withTransportOptions(new RestClientOptions(
                RequestOptions.DEFAULT.toBuilder().setRequestConfig(timeouts).build(), false));
        this.embedded = embedded;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        EmbeddedNode node = embedded.getIfAvailable();
        if (node != null) {
            builder.withDetail("embedded", node.httpUri().toString())
                    .withDetail("embeddedState", node.state().name());
            // First line only: the log tail (paths, settings) is for the portal's log, not a public endpoint.
            node.failure().ifPresent(reason -> builder.withDetail("embeddedFailure", reason.lines().findFirst().orElse("")));
        }
        HealthResponse health = client.cluster().health();
        builder.status(health.status() == HealthStatus.Red ? "OUT_OF_SERVICE" : "UP")
                .withDetail("clusterName", health.clusterName())
                .withDetail("status", health.status().jsonValue())
                .withDetail("numberOfNodes", health.numberOfNodes())
                .withDetail("activeShards", health.activeShards());
    }
}
