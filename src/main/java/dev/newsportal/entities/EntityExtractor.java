package dev.newsportal.entities;

import java.util.List;

/** Finds names in a text. Implementations are thread-safe. */
public interface EntityExtractor {

    /**
     * @param text     plain text
     * @param language ISO 639-1 code of the text ({@code en}, {@code de}, {@code fr}, {@code es}, {@code ja}, ...)
     * @return non-overlapping spans in text order; empty for a language the extractor does not handle
     */
    List<EntitySpan> extract(String text, String language);
}
