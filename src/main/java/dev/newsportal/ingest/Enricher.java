package dev.newsportal.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dev.newsportal.ingest.enrich.Detection;
import dev.newsportal.ingest.enrich.LanguageDetector;
import dev.newsportal.ingest.enrich.SourceAttributor;
import dev.newsportal.ingest.enrich.SourceNames;
import dev.newsportal.ingest.parse.ParsedDocument;

/** Turns a parsed file into an indexable document: id, language and source (outlet). */
public final class Enricher {

    private final LanguageDetector languages;
    private final SourceAttributor attribution;

    public Enricher(LanguageDetector languages, SourceAttributor attribution) {
        this.languages = languages;
        this.attribution = attribution;
    }

    public NewsDocument enrich(ParsedDocument parsed, String collection, Instant now) {
        String language;
        double confidence;
        if (parsed.language() != null && !parsed.language().isBlank()) {
            language = parsed.language().toLowerCase(Locale.ROOT); // metadata wins over detection
            confidence = 1.0;
        } else {
            Detection detection = languages.detect(parsed.title(), parsed.body());
            language = detection.language();
            confidence = detection.confidence();
        }
        String source = SourceNames.normalise(parsed.source());
        if (source == null) {
            source = attribution.attribute(parsed.title(), parsed.body()).orElse(SourceNames.normalise(collection));
        }
        String id = parsed.id() != null && !parsed.id().isBlank() ? parsed.id().trim() : stableId(collection, parsed.locator());
        return new NewsDocument(id, parsed.title(), parsed.body(), language, confidence, source, collection,
                parsed.locator(), parsed.url(), parsed.published(), now, List.of(), List.of());
    }

    /** Same file, same id: a re-run updates the document instead of duplicating it. */
    static String stableId(String collection, String locator) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((collection + "\u0000" + locator).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
