package dev.newsportal.entities;

/**
 * Kinds of names. Registry entities and facets are {@link #PERSON} or {@link #COMPANY} (companies and other
 * organisations: the company facet); recognisers also report {@link #LOCATION} and {@link #MISC}, which are used to
 * repair type confusions (a surname tagged as a place) and are never facet values.
 */
public enum EntityType {
    PERSON, COMPANY, LOCATION, MISC;

    /** Whether values of this type are facet values (person or company). */
    public boolean isFacet() {
        return this == PERSON || this == COMPANY;
    }
}
