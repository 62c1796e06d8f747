package dev.newsportal.ingest.parse;

import java.util.Objects;

/**
 * A file, JSONL line or JSON array element that gave no document.
 *
 * @param locator same form as {@link ParsedDocument#locator()}
 * @param reason  a short human sentence, e.g. "empty file" or "invalid UTF-8 at byte 1234"
 */
public record Skipped(String locator, String reason) {

    public Skipped {
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(reason, "reason");
    }
}
