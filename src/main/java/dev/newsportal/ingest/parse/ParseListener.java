package dev.newsportal.ingest.parse;

/** Receives what {@link FolderParser} finds, in walk order. */
public interface ParseListener {

    /** Once per regular file considered (never for sidecars or hidden files). */
    void fileSeen(String locator);

    void document(ParsedDocument document);

    /** A whole file, or one JSONL line / JSON array element. */
    void skipped(Skipped skipped);

    /** Something was wrong but the document is still delivered, e.g. a malformed sidecar. */
    default void warning(String locator, String message) {
    }
}
