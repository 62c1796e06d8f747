package dev.newsportal.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A document as indexed. Its text goes to the language-neutral fields and, for a language with
 * its own analyzer, to that language's fields too (es-mappings/documents.json).
 */
public record NewsDocument(String id, String title, String body, String language, double languageConfidence,
                           String source, String collection, String path, String url, Instant published,
                           Instant ingested, List<String> persons, List<String> companies) {

    /** Languages with their own analysed fields in es-mappings/documents.json. */
    public static final Set<String> ANALYSED_LANGUAGES =
            Set.of("en", "de", "fr", "es", "it", "pt", "nl", "ru", "ja", "zh", "ko");

    public static final String UNDETERMINED = "und";

    /** Entity recognition runs after indexing (dev.newsportal.entities.EntityStage): new text waits for it. */
    public static final String ENTITIES_PENDING = "pending";

    /** The same document with another ingestion time (a reindex keeps a document's first one). */
    public NewsDocument withIngested(Instant time) {
        return new NewsDocument(id, title, body, language, languageConfidence, source, collection, path, url, published,
                time, persons, companies);
    }

    public Map<String, Object> toSource() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("title", title);
        json.put("body", body);
        if (ANALYSED_LANGUAGES.contains(language)) {
            json.put("title_" + language, title);
            json.put("body_" + language, body);
        }
        json.put("language", language);
        json.put("language_confidence", languageConfidence);
        json.put("source", source);
        json.put("collection", collection);
        json.put("path", path);
        if (url != null) {
            json.put("url", url);
        }
        if (published != null) {
            json.put("published", published.toString());
        }
        json.put("ingested", ingested.toString());
        json.put("persons", persons);
        json.put("companies", companies);
        json.put("entities_status", ENTITIES_PENDING);
        return json;
    }
}
