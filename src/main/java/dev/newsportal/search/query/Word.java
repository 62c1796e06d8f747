package dev.newsportal.search.query;

import java.util.Objects;

/**
 * A single word as typed ({@code musk}, {@code title:musk}); {@code prefix} when it was typed with a trailing
 * star ({@code tech*}), the star not being part of {@code text}. CJK text without spaces is one word: the
 * analyzers tokenise it.
 */
public record Word(Field field, String text, boolean prefix) implements Clause {

    public Word {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty word");
        }
    }
}
