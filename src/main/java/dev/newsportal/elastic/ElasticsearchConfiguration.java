package dev.newsportal.elastic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One client for the whole portal, pointed at the configured cluster or at the embedded node.
 */
@Configuration(proxyBeanMethods = false)
public class ElasticsearchConfiguration {

    static final String PLUGIN_RESOURCE = "/elasticsearch/newsportal-analysis.zip";

    /** Started only when no external cluster is configured. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${portal.elasticsearch.uris:}'.trim().isEmpty()")
    EmbeddedNode embeddedNode(ElasticsearchProperties properties) {
        ElasticsearchProperties.Embedded embedded = properties.embedded();
        Path directory = embedded.directory().toAbsolutePath().normalize();
        return new EmbeddedNode(new EmbeddedNode.Settings(
                DistributionLocator.locate(embedded.distribution(), directory.resolve("downloads")),
                extractPlugin(directory), directory, embedded.httpPort(), embedded.transportPort(),
                embedded.heap(), embedded.runAsUser(), embedded.startupTimeout()))
                .start();
    }

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchProperties properties, ObjectProvider<EmbeddedNode> embedded) {
        List<URI> uris = Optional.ofNullable(embedded.getIfAvailable())
                .map(node -> List.of(node.httpUri()))
                .orElseGet(() -> properties.uris().stream().filter(u -> !u.isBlank()).map(u -> URI.create(u.trim())).toList());
        RestClientBuilder builder = RestClient.builder(uris.stream()
                .map(u -> new HttpHost(u.getHost(), u.getPort() < 0 ? 9200 : u.getPort(), u.getScheme()))
                .toArray(HttpHost[]::new));
        builder.setRequestConfigCallback(c -> c
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setSocketTimeout((int) properties.socketTimeout().toMillis()));
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + properties.apiKey())});
        }
        SSLContext ssl = properties.caCertificate() == null ? null : trusting(properties.caCertificate());
        builder.setHttpClientConfigCallback(http -> {
            if (properties.username() != null && !properties.username().isBlank()) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY,
                        new UsernamePasswordCredentials(properties.username(), properties.password()));
                http.setDefaultCredentialsProvider(credentials);
            }
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            return http;
        });
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper()));
    }

    private static SSLContext trusting(Path caCertificate) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(caCertificate.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("portal.elasticsearch.ca-certificate: cannot read " + caCertificate, e);
        }
    }

    /** The plugin zip ships inside the application; the plugin installer needs it as a file. */
    private static Path extractPlugin(Path directory) {
        try (InputStream in = ElasticsearchConfiguration.class.getResourceAsStream(PLUGIN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PLUGIN_RESOURCE + " is missing: build with ./mvnw package");
            }
            Path target = directory.resolve("newsportal-analysis.zip");
            Files.createDirectories(directory);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
