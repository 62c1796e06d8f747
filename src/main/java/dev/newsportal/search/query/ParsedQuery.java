package dev.newsportal.search.query;

import java.util.List;

/**
 * What {@link QueryParser} understood: every {@code required} group must match (each group being its
 * OR-ed alternatives), no {@code excluded} clause may match. {@code notices} are message keys
 * ({@code query.notice.*}) telling the user what was repaired or ignored, each at most once.
 */
public record ParsedQuery(List<Group> required, List<Clause> excluded, List<String> notices) {

    public ParsedQuery {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
        notices = List.copyOf(notices);
    }

    /** No required and no excluded clause: the page shows everything. */
    public boolean isEmpty() {
        return required.isEmpty() && excluded.isEmpty();
    }

    /**
     * The canonical form of what was understood ("Showing results for ..."): groups in order, alternatives
     * joined by {@code OR}, then the exclusions; lower-case field names, phrases in straight quotes,
     * prefixes with their star. For a query made by {@link QueryParser}, parsing this text again gives
     * equal {@code required} and {@code excluded} lists. Empty for an empty query.
     */
    public String normalized() {
        StringBuilder sb = new StringBuilder();
        for (Group group : required) {
            separate(sb);
            List<Clause> alternatives = group.alternatives();
            for (int i = 0; i < alternatives.size(); i++) {
                if (i > 0) {
                    sb.append(" OR ");
                }
                render(sb, alternatives.get(i));
            }
        }
        for (Clause clause : excluded) {
            separate(sb);
            render(sb.append('-'), clause);
        }
        return sb.toString();
    }

    private static void separate(StringBuilder sb) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
    }

    private static void render(StringBuilder sb, Clause clause) {
        sb.append(clause.field().prefix());
        if (clause instanceof Word w) {
            sb.append(w.text());
            if (w.prefix()) {
                sb.append('*');
            }
        } else {
            sb.append('"').append(clause.text()).append('"');
        }
    }
}
