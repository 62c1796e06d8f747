package dev.newsportal.ingest.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The optional fields a record, a sidecar or an HTML head can carry. Null means "not given".
 * Values are already validated: language is a lower-case ISO 639-1 code, published an instant.
 */
record Metadata(String id, String title, String language, String source, Instant published, String url) {

    static final Metadata NONE = new Metadata(null, null, null, null, null, null);

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern DATE_SPACE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");
    /** ISO local date-time with a colon-less offset ("+0100"), as some sites write it. */
    private static final DateTimeFormatter COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHmm", "Z")
            .toFormatter(Locale.ROOT);

    /** Reads the known keys of a JSON object; wrongly typed or invalid values are dropped with a warning. */
    static Metadata fromJson(JsonNode object, Consumer<String> warnings) {
        return new Metadata(
                id(object.get("id"), warnings),
                string(object, "title", warnings),
                language(string(object, "lang", warnings), warnings),
                string(object, "source", warnings),
                published(string(object, "published", warnings), warnings),
                string(object, "url", warnings));
    }

    /** This metadata with every value that {@code winner} gives replaced by the winner's. */
    Metadata overriddenBy(Metadata winner) {
        return new Metadata(
                pick(winner.id, id),
                pick(winner.title, title),
                pick(winner.language, language),
                pick(winner.source, source),
                pick(winner.published, published),
                pick(winner.url, url));
    }

    /** Without id and title, for sidecars of files holding many records (one id for all would collide). */
    Metadata withoutIdAndTitle() {
        return new Metadata(null, null, language, source, published, url);
    }

    /** "de", "DE", "de-DE", "de_AT" give "de"; anything else gives null and a warning. */
    static String language(String raw, Consumer<String> warnings) {
        if (raw == null) {
            return null;
        }
        String primary = raw.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        if (LANGUAGE.matcher(primary).matches()) {
            return primary;
        }
        warnings.accept("ignored lang \"" + raw + "\": not an ISO 639-1 code");
        return null;
    }

    /**
     * ISO-8601 instant or offset/zoned date-time; a local date-time or a plain date is taken as UTC.
     * A space instead of the 'T' and a colon-less offset are tolerated. Anything else gives null and a
     * warning.
     */
    static Instant published(String raw, Consumer<String> warnings) {
        if (raw == null) {
            return null;
        }
        String s = DATE_SPACE_TIME.matcher(raw.strip()).replaceFirst("$1T$2");
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(s);
            return t.isSupported(ChronoField.INSTANT_SECONDS)
                    ? Instant.from(t)
                    : LocalDateTime.from(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Instant.from(COMPACT_OFFSET.parse(s));
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            warnings.accept("ignored published \"" + raw + "\": not an ISO-8601 date or date-time");
            return null;
        }
    }

    /** Trimmed string value, null when absent, null or blank; other JSON types warn. */
    static String string(JsonNode object, String key, Consumer<String> warnings) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            warnings.accept("ignored \"" + key + "\": expected a string");
            return null;
        }
        String s = value.asString().strip();
        return s.isEmpty() ? null : s;
    }

    /** Ids are often numeric in exports, so whole numbers are accepted as well as strings. */
    private static String id(JsonNode value, Consumer<String> warnings) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asString();
        }
        if (!value.isString()) {
            warnings.accept("ignored \"id\": expected a string or a whole number");
            return null;
        }
        String s = value.asString().strip();
        return s.isEmpty() ? null : s;
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
