package dev.newsportal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.newsportal.elastic.EmbeddedNode;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * The one Elasticsearch node of a test run, shared by every integration test:
 * <ol>
 *   <li>an external cluster when {@code PORTAL_TEST_ELASTICSEARCH_URIS} is set,</li>
 *   <li>else the official image plus kuromoji through Testcontainers where Docker runs,</li>
 *   <li>else our own embedded node from Maven Central, started by the production code.</li>
 * </ol>
 */
public final class TestCluster {

    public enum Kind { EXTERNAL, CONTAINER, EMBEDDED }

    private static TestCluster instance;

    private final Kind kind;
    private final URI uri;
    private final EmbeddedNode node;
    private ElasticsearchClient client;

    private TestCluster(Kind kind, URI uri, EmbeddedNode node) {
        this.kind = kind;
        this.uri = uri;
        this.node = node;
    }

    public static synchronized TestCluster get() {
        if (instance == null) {
            instance = start();
            instance.deleteTestIndices();
        }
        return instance;
    }

    /** Every test index is named it-*: a run starts from none, whatever an earlier run left. */
    private void deleteTestIndices() {
        try {
            var names = client().indices().get(g -> g.index("it-*").allowNoIndices(true)
                    .expandWildcards(co.elastic.clients.elasticsearch._types.ExpandWildcard.All)).result().keySet();
            for (String name : names) {
                client().indices().delete(d -> d.index(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestCluster start() {
        String external = System.getenv("PORTAL_TEST_ELASTICSEARCH_URIS");
        if (external != null && !external.isBlank()) {
            return new TestCluster(Kind.EXTERNAL, URI.create(external.split(",")[0].trim()), null);
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            ElasticsearchContainer container = new ElasticsearchContainer(DockerImageName
                    .parse(new ImageFromDockerfile("newsportal-elasticsearch-test", false)
                            .withFileFromPath(".", Path.of("docker/elasticsearch")).get())
                    .asCompatibleSubstituteFor("docker.elastic.co/elasticsearch/elasticsearch"))
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
            container.start();
            return new TestCluster(Kind.CONTAINER, URI.create("http://" + container.getHttpHostAddress()), null);
        }
        Path work = Path.of(System.getProperty("portal.test.work-dir", "target/it-elasticsearch"));
        EmbeddedNode node = new EmbeddedNode(new EmbeddedNode.Settings(
                Path.of(System.getProperty("portal.test.distribution",
                        "target/elasticsearch-dist/elasticsearch-8.19.21.zip")),
                pluginZip(work), work, 0, 0, "512m", "nobody", Duration.ofMinutes(3)));
        node.start().awaitReady();
        return new TestCluster(Kind.EMBEDDED, node.httpUri(), node);
    }

    private static Path pluginZip(Path work) {
        try (InputStream in = TestCluster.class.getResourceAsStream("/elasticsearch/newsportal-analysis.zip")) {
            if (in == null) {
                throw new IllegalStateException("plugin zip missing: run the build (./mvnw verify)");
            }
            Files.createDirectories(work);
            Path zip = work.resolve("newsportal-analysis.zip");
            Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public URI uri() {
        return uri;
    }

    /** Whether the test may kill and restart the node (only our own embedded one). */
    public boolean restartable() {
        return node != null;
    }

    public void kill() {
        requireRestartable().kill();
    }

    public void restart() {
        requireRestartable().start().awaitReady();
    }

    private EmbeddedNode requireRestartable() {
        if (node == null) {
            throw new IllegalStateException("only the embedded test node can be killed and restarted");
        }
        return node;
    }

    public synchronized ElasticsearchClient client() {
        if (client == null) {
            RestClient rest = RestClient.builder(new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme())).build();
            client = new ElasticsearchClient(new RestClientTransport(rest, new Jackson3JsonpMapper()));
        }
        return client;
    }
}
