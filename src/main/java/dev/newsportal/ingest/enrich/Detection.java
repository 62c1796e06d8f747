package dev.newsportal.ingest.enrich;

/**
 * The language of a document as {@link LanguageDetector} sees it.
 *
 * @param language   an ISO 639-1 code from {@link LanguageDetector#SUPPORTED}, or {@link #UNDETERMINED}
 * @param confidence the detector's confidence in that answer, 0..1; for {@code "und"} the confidence the best
 *                   candidate had (0 when there was nothing to classify)
 */
public record Detection(String language, double confidence) {

    /** ISO 639-2 code for "undetermined". */
    public static final String UNDETERMINED = "und";

    public Detection {
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("language must be a code or \"und\"");
        }
    }

    public boolean isUndetermined() {
        return UNDETERMINED.equals(language);
    }

    static Detection undetermined(double confidence) {
        return new Detection(UNDETERMINED, confidence);
    }
}
