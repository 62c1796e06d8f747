package dev.newsportal.search.query;

import java.util.List;

/** Clauses joined by {@code OR}: a document must match at least one. A lone clause is a group of one. */
public record Group(List<Clause> alternatives) {

    public Group {
        alternatives = List.copyOf(alternatives);
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one alternative");
        }
    }
}
