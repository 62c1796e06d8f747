package dev.newsportal.search.query;

/** One searchable item of a query: a word (possibly a prefix) or an exact phrase, in one field. */
public sealed interface Clause permits Word, Phrase {

    Field field();

    String text();
}
