package dev.newsportal.entities;

import java.util.List;

/**
 * One person or company of a document: a facet value.
 *
 * @param key      the facet value: the registry id when linked ({@code "mark-zuckerberg"}), otherwise {@code "~"} and
 *                 the normalised name ({@code "~zhao shengjia"}); registry ids never start with {@code ~}
 * @param type     {@link EntityType#PERSON} or {@link EntityType#COMPANY}
 * @param entityId the registry id, or null for an unlinked name
 * @param name     display name: for an unlinked name the fullest surface form seen (genitive removed), for a linked one
 *                 the registry label in the document's language (show the label of the UI language instead)
 * @param mentions where it occurs in the text, in order
 */
public record DocumentEntity(String key, EntityType type, String entityId, String name, List<RecognizedName> mentions) {

    /** Prefix of the keys of names that are not in the registry. */
    public static final String UNLINKED_PREFIX = "~";

    public boolean linked() {
        return entityId != null;
    }

    public int count() {
        return mentions.size();
    }
}
