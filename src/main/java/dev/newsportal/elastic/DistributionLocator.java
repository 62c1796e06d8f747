package dev.newsportal.elastic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Elasticsearch distribution zip: the configured file, the build's copy, the local Maven
 * repository, or else Maven Central (verified by its SHA-1), so a bare {@code java -jar} works too.
 */
final class DistributionLocator {

    private static final Logger log = LoggerFactory.getLogger(DistributionLocator.class);
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private DistributionLocator() {
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = DistributionLocator.class.getResourceAsStream("/elasticsearch/distribution.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("elasticsearch/distribution.properties missing from the build", e);
        }
        return p.getProperty("version");
    }

    static String repositoryPath(String version) {
        return "org/elasticsearch/distribution/integ-test-zip/elasticsearch/" + version
                + "/elasticsearch-" + version + ".zip";
    }

    static Path locate(Path configured, Path cacheDirectory) {
        if (configured != null) {
            if (!Files.isRegularFile(configured)) {
                throw new IllegalStateException("portal.elasticsearch.embedded.distribution: no such file " + configured);
            }
            return configured;
        }
        String version = version();
        String fileName = "elasticsearch-" + version + ".zip";
        List<Path> candidates = List.of(
                Path.of("target", "elasticsearch-dist", fileName),
                Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(repositoryPath(version)),
                cacheDirectory.resolve(fileName));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return download(version, cacheDirectory.resolve(fileName));
    }

    private static Path download(String version, Path target) {
        String url = CENTRAL + repositoryPath(version);
        log.info("Downloading Elasticsearch {} from {} (first start only)", version, url);
        try {
            Files.createDirectories(target.getParent());
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            Path part = target.resolveSibling(target.getFileName() + ".part");
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofFile(part));
            String expected = http.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().trim().split("\\s+")[0];
            if (response.statusCode() != 200 || !expected.equalsIgnoreCase(EmbeddedNode.digest(part, "SHA-1"))) {
                Files.deleteIfExists(part);
                throw new IllegalStateException("Download of " + url + " failed (HTTP " + response.statusCode()
                        + " or checksum mismatch)");
            }
            return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot download " + url
                    + "; set portal.elasticsearch.embedded.distribution to a local copy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
