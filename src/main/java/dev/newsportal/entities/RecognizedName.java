package dev.newsportal.entities;

/**
 * A name occurrence after registry matching, filtering and in-document linking.
 *
 * @param type     what it is (after repairs: a surname tagged as a place is a person when the full name is in the
 *                 document)
 * @param start    start offset in the text
 * @param end      end offset (exclusive)
 * @param surface  the text as written
 * @param key      facet key (see {@link DocumentEntity#key()}); null for places and miscellaneous names
 * @param entityId registry id, or null
 */
public record RecognizedName(EntityType type, int start, int end, String surface, String key, String entityId) {

    public EntitySpan span() {
        return new EntitySpan(type, start, end, surface);
    }
}
