package dev.newsportal.ingest.parse;

import java.time.Instant;
import java.util.Objects;

/**
 * One document read from a file, before enrichment.
 *
 * @param locator   source-relative path with '/' separators; "dir/file.jsonl#L12" for a JSONL record
 *                  (1-based line), "file.json#3" for the 3rd object of a JSON array
 * @param id        from the record or the sidecar metadata, else null
 * @param title     never blank
 * @param body      plain text, never blank
 * @param language  lower-cased ISO 639-1 code from metadata, else null
 * @param source    metadata "source" (HTML: og:site_name), else null
 * @param published metadata "published" (HTML: article:published_time), else null
 * @param url       metadata url (HTML: canonical link or og:url), else null
 */
public record ParsedDocument(
        String locator,
        String id,
        String title,
        String body,
        String language,
        String source,
        Instant published,
        String url) {

    public ParsedDocument {
        Objects.requireNonNull(locator, "locator");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("blank title for " + locator);
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("blank body for " + locator);
        }
    }
}
