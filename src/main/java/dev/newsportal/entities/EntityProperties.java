package dev.newsportal.entities;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      whether the background recognition stage runs (documents then keep empty person/company facets)
 * @param index        the registry index (created from {@code es-mappings/entities.json}, filled with the starter set)
 * @param threads      documents recognised in parallel (CoreNLP uses one core per document)
 * @param batchSize    documents fetched and written back per round
 * @param pollInterval how often an idle stage looks for new documents
 * @param modelsDir    a directory with CoreNLP NER classifier files, looked at before the ones in the application
 */
@ConfigurationProperties("portal.entities")
public record EntityProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("portal-entities") String index,
                               @DefaultValue("1") int threads,
                               @DefaultValue("16") int batchSize,
                               @DefaultValue("2s") Duration pollInterval,
                               Path modelsDir) {

    public EntityProperties {
        threads = Math.max(1, threads);
        batchSize = Math.max(1, batchSize);
    }
}
