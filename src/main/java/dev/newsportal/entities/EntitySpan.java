package dev.newsportal.entities;

/**
 * A name found by a recogniser.
 *
 * @param type    what kind of name
 * @param start   start offset in the text (UTF-16 index, inclusive)
 * @param end     end offset (exclusive)
 * @param surface the text as written, {@code text.substring(start, end)}
 */
public record EntitySpan(EntityType type, int start, int end, String surface) {

    public static EntitySpan of(String text, EntityType type, int start, int end) {
        return new EntitySpan(type, start, end, text.substring(start, end));
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
