package dev.newsportal.entities;

/**
 * A registry entity found in a text.
 *
 * @param entityId the canonical id
 * @param type     the entity's type
 * @param surface  the text as written, {@code text.substring(start, end)}
 * @param start    start offset in the text (UTF-16 index, inclusive)
 * @param end      end offset (exclusive)
 */
public record Mention(String entityId, EntityType type, String surface, int start, int end) {
}
