package dev.newsportal.elastic;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal finds Elasticsearch. With no {@code uris} the portal runs its own embedded node.
 */
@ConfigurationProperties("portal.elasticsearch")
public record ElasticsearchProperties(
        @DefaultValue List<String> uris,
        String username,
        String password,
        String apiKey,
        Path caCertificate,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration socketTimeout,
        @DefaultValue Embedded embedded) {

    public boolean external() {
        return uris.stream().anyMatch(u -> !u.isBlank());
    }

    public record Embedded(
            @DefaultValue("data/elasticsearch") Path directory,
            Path distribution,
            @DefaultValue("9200") int httpPort,
            @DefaultValue("9300") int transportPort,
            @DefaultValue("512m") String heap,
            @DefaultValue("nobody") String runAsUser,
            @DefaultValue("180s") Duration startupTimeout) {
    }
}
