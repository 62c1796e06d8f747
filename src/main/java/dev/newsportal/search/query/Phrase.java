package dev.newsportal.search.query;

import java.util.Objects;

/** An exact phrase ({@code "elon musk"}, {@code person:"Mark Zuckerberg"}), whitespace collapsed to single spaces. */
public record Phrase(Field field, String text) implements Clause {

    public Phrase {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty phrase");
        }
    }
}
