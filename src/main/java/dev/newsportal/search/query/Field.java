package dev.newsportal.search.query;

import java.util.Locale;

/** What a clause searches: {@link #TEXT} is free text (no prefix), the others are typed as {@code name:value}. */
public enum Field {
    TEXT, TITLE, PERSON, COMPANY, SOURCE, LANGUAGE;

    /** The prefix a user types for this field ({@code "title:"}); empty for {@link #TEXT}. */
    public String prefix() {
        return this == TEXT ? "" : name().toLowerCase(Locale.ROOT) + ":";
    }

    /** The field a typed prefix name stands for, in any ASCII letter case; null when there is none (or "text"). */
    static Field byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Field f : values()) {
            if (f != TEXT && f.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return f;
            }
        }
        return null;
    }
}
