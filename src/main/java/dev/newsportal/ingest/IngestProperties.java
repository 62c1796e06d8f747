package dev.newsportal.ingest;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What gets indexed and how.
 *
 * @param alias              the read alias searches use; concrete indices are named {@code <alias>-<timestamp>}
 * @param sources            folders (or single .jsonl/.json files) to index, each under a name that is
 *                           also the fallback source (outlet) of its documents
 * @param languageThreshold  below this language-identification confidence a document is {@code und}
 * @param sourcePatterns     extra attribution patterns (regex with a named group {@code source}),
 *                           tried before the shipped defaults
 * @param indexOnFirstStart  index the sources when the alias does not exist yet
 */
@ConfigurationProperties("portal.ingest")
public record IngestProperties(
        @DefaultValue("news") String alias,
        @DefaultValue List<Source> sources,
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("0.9") double languageThreshold,
        @DefaultValue List<String> sourcePatterns,
        @DefaultValue("500") int bulkActions,
        @DefaultValue("5MB") DataSize bulkSize,
        @DefaultValue("true") boolean indexOnFirstStart) {

    public record Source(String name, Path path) {
    }
}
