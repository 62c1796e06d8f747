package dev.newsportal.elastic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;

/**
 * Creates indices from the JSON files of {@code es-mappings/} (packaged under the same name):
 * settings and mappings live there and nowhere else.
 */
public final class IndexDefinitions {

    /** The ingestion job history. */
    public static final String JOBS = "jobs";

    /** The news documents index. */
    public static final String DOCUMENTS = "documents";

    /** The entity registry: canonical persons and companies, and ignored names. */
    public static final String ENTITIES = "entities";

    /** Saved searches. */
    public static final String SAVED_SEARCHES = "saved-searches";

    private IndexDefinitions() {
    }

    public static void createIndex(ElasticsearchClient client, String indexName, String definition) throws IOException {
        try (InputStream json = open(definition)) {
            client.indices().create(CreateIndexRequest.of(b -> b.index(indexName).withJson(json)));
        }
    }

    /** Creates the index unless it exists; a concurrent creator (another portal process) is fine. */
    public static void createIfMissing(ElasticsearchClient client, String indexName, String definition) throws IOException {
        if (client.indices().exists(e -> e.index(indexName)).value()) {
            return;
        }
        try {
            createIndex(client, indexName, definition);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    public static InputStream open(String definition) {
        String resource = "/es-mappings/" + definition + ".json";
        InputStream in = IndexDefinitions.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing index definition " + resource));
        }
        return in;
    }
}
