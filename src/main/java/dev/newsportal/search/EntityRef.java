package dev.newsportal.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A person or company of an indexed document, labelled in the UI language: a link to the search filtered by it.
 *
 * @param value the facet key ({@code "mark-zuckerberg"}, or {@code "~"} and a name not in the registry)
 * @param count how often the document mentions it (0 when only the facet arrays are known)
 */
public record EntityRef(String value, String label, Facet facet, int count) {

    /** {@code "person"} or {@code "company"}, as in the stored {@code entities} list. */
    public String type() {
        return facet == Facet.PERSON ? "person" : "company";
    }

    /** The search for everything about it: this filter alone. */
    public SearchState search() {
        return SearchState.empty().toggle(facet, value);
    }

    /** Not a registry entity: such keys start with {@code ~}. */
    public boolean linked() {
        return !value.startsWith("~");
    }

    /**
     * A document's persons, then its companies, each most mentioned first, from the stored {@code entities} list;
     * a document without that list (not recognised yet, or from an older stage) falls back to the facet arrays.
     */
    @SuppressWarnings("unchecked")
    public static List<EntityRef> of(Map<String, Object> source, FacetLabels labels, Locale ui) {
        List<EntityRef> persons = new ArrayList<>();
        List<EntityRef> companies = new ArrayList<>();
        Object stored = source.get("entities");
        if (stored instanceof List<?> list && !list.isEmpty()) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> e && e.get("key") instanceof String key) {
                    boolean person = "person".equals(e.get("type"));
                    Facet facet = person ? Facet.PERSON : Facet.COMPANY;
                    int count = e.get("count") instanceof Number n ? n.intValue() : 0;
                    (person ? persons : companies).add(new EntityRef(key, labels.label(facet, key, ui), facet, count));
                }
            }
        } else {
            for (String key : (List<String>) source.getOrDefault("persons", List.of())) {
                persons.add(new EntityRef(key, labels.label(Facet.PERSON, key, ui), Facet.PERSON, 0));
            }
            for (String key : (List<String>) source.getOrDefault("companies", List.of())) {
                companies.add(new EntityRef(key, labels.label(Facet.COMPANY, key, ui), Facet.COMPANY, 0));
            }
        }
        // stable sort: equal counts keep the order of first mention
        Comparator<EntityRef> mostMentioned = Comparator.comparingInt(EntityRef::count).reversed();
        persons.sort(mostMentioned);
        companies.sort(mostMentioned);
        List<EntityRef> all = new ArrayList<>(persons);
        all.addAll(companies);
        return List.copyOf(all);
    }

    public static List<EntityRef> persons(List<EntityRef> refs) {
        return refs.stream().filter(r -> r.facet() == Facet.PERSON).toList();
    }

    public static List<EntityRef> companies(List<EntityRef> refs) {
        return refs.stream().filter(r -> r.facet() == Facet.COMPANY).toList();
    }
}
