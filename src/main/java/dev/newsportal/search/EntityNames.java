package dev.newsportal.search;

import java.util.Optional;

/** Resolves a name typed in a query to the facet value (registry id) of a person or company. */
@FunctionalInterface
public interface EntityNames {

    EntityNames NONE = (name, facet) -> Optional.empty();

    /** @param facet {@link Facet#PERSON} or {@link Facet#COMPANY} */
    Optional<String> resolve(String name, Facet facet);
}
