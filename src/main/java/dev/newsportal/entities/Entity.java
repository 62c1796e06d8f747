package dev.newsportal.entities;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A canonical entity of the registry.
 *
 * @param id      stable canonical id, lower-case ASCII slug ({@code "meta"}, {@code "mark-zuckerberg"}): the facet value
 * @param type    {@link EntityType#PERSON} or {@link EntityType#COMPANY}
 * @param labels  display label per UI language ({@code en}, {@code de}, {@code fr}, {@code ja}); {@code en} required
 * @param aliases names in any script that refer to the entity (labels are aliases too, implicitly)
 */
public record Entity(String id, EntityType type, Map<String, String> labels, List<String> aliases) {

    public Entity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("entity id must be a lower-case slug: " + id);
        }
        if (!type.isFacet()) {
            throw new IllegalArgumentException("registry entities are persons or companies: " + id + " " + type);
        }
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        if (!labels.containsKey("en")) {
            throw new IllegalArgumentException("entity " + id + " has no English label");
        }
    }

    /** The label for a UI language, falling back to English. */
    public String label(String language) {
        String label = language == null ? null : labels.get(language);
        return label != null ? label : labels.get("en");
    }

    /** Labels and aliases: every name the registry matches for this entity. */
    public List<String> names() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(labels.values());
        names.addAll(aliases);
        return List.copyOf(names);
    }

    /** A copy with one more alias. */
    public Entity withAlias(String alias) {
        if (aliases.contains(alias)) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(aliases);
        more.add(alias);
        return new Entity(id, type, labels, more);
    }
}
