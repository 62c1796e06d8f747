package dev.newsportal.search;

/** The filterable dimensions: URL parameter name and the keyword field behind it. */
public enum Facet {
    LANGUAGE("language", "language"),
    SOURCE("source", "source"),
    COMPANY("company", "companies"),
    PERSON("person", "persons");

    private final String parameter;
    private final String field;

    Facet(String parameter, String field) {
        this.parameter = parameter;
        this.field = field;
    }

    public String parameter() {
        return parameter;
    }

    public String field() {
        return field;
    }
}
