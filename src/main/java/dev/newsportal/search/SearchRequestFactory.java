package dev.newsportal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import dev.newsportal.ingest.NewsDocument;
import dev.newsportal.search.query.Clause;
import dev.newsportal.search.query.Field;
import dev.newsportal.search.query.Group;
import dev.newsportal.search.query.ParsedQuery;
import dev.newsportal.search.query.Phrase;
import dev.newsportal.search.query.QueryParser;
import dev.newsportal.search.query.Word;

/**
 * Turns a search state into the one Elasticsearch request a result page needs: hits, facets
 * (each counted without its own filter: post_filter plus one filter aggregation per facet),
 * highlights and the did-you-mean suggestion.
 */
public final class SearchRequestFactory {

    public static final String HIGHLIGHT_PRE = "<mark>";
    public static final String HIGHLIGHT_POST = "</mark>";
    /** Facet values fetched; the page shows the first few and "show more" for the rest. */
    static final int FACET_SIZE = 50;
    /** Just under index.highlight.max_analyzed_offset (1,000,000), above which Elasticsearch refuses to highlight. */
    public static final int MAX_ANALYZED_OFFSET = 999_999;
    static final int SNIPPET_SIZE = 180;

    private static final List<String> TITLE_FIELDS = textFields("title", 3);
    private static final List<String> BODY_FIELDS = textFields("body", 1);
    private static final List<String> ALL_FIELDS = concat(TITLE_FIELDS, BODY_FIELDS);
    private static final List<String> SOURCE_FIELDS = List.of("id", "title", "language", "source", "published", "url",
            "persons", "companies", "path", "entities");
    /** How many of a document's persons and companies the related-documents query may use. */
    static final int RELATED_TERMS = 100;

    private final String index;
    private final EntityNames names;

    public SearchRequestFactory(String index) {
        this(index, EntityNames.NONE);
    }

    /** @param names query words that name a registry entity also match documents tagged with it, in any script */
    public SearchRequestFactory(String index, EntityNames names) {
        this.index = index;
        this.names = names;
    }

    /** Title fields weighted above body fields; every language's analyzer gets its say. */
    private static List<String> textFields(String base, int boost) {
        List<String> fields = new ArrayList<>();
        String suffix = boost == 1 ? "" : "^" + boost;
        for (String language : NewsDocument.ANALYSED_LANGUAGES.stream().sorted().toList()) {
            fields.add(base + "_" + language + suffix);
        }
        fields.add(base + (boost == 1 ? "" : "^" + (boost - 1)));
        return List.copyOf(fields);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    public SearchRequest build(SearchState state, ParsedQuery query) {
        return SearchRequest.of(r -> {
            r.index(index)
                    .query(query(query))
                    .from(state.from())
                    .size(SearchState.PAGE_SIZE)
                    .trackTotalHits(t -> t.enabled(true))
                    .source(s -> s.filter(f -> f.includes(SOURCE_FIELDS)));
            Query postFilter = filters(state, null);
            if (postFilter != null) {
                r.postFilter(postFilter);
            }
            for (Facet facet : Facet.values()) {
                r.aggregations(facet.parameter(), facetAggregation(state, facet));
            }
            switch (state.sort()) {
                case NEWEST -> r.sort(s -> s.field(f -> f.field("published").order(SortOrder.Desc).missing("_last")))
                        .sort(s -> s.field(f -> f.field("ingested").order(SortOrder.Desc)));
                case OLDEST -> r.sort(s -> s.field(f -> f.field("published").order(SortOrder.Asc).missing("_last")))
                        .sort(s -> s.field(f -> f.field("ingested").order(SortOrder.Asc)));
                default -> r.sort(s -> s.score(o -> o.order(SortOrder.Desc)))
                        .sort(s -> s.field(f -> f.field("published").order(SortOrder.Desc).missing("_last")));
            }
            r.highlight(h -> {
                // html encoder: the document text comes back escaped, with only our <mark> tags in it.
                h.type(HighlighterType.Unified).encoder(HighlighterEncoder.Html)
                        .preTags(HIGHLIGHT_PRE).postTags(HIGHLIGHT_POST)
                        .requireFieldMatch(false).fragmentSize(SNIPPET_SIZE).numberOfFragments(2).noMatchSize(0)
                        // A huge document must not make the whole page fail: highlight its first million characters.
                        .maxAnalyzedOffset(MAX_ANALYZED_OFFSET);
                for (String field : ALL_FIELDS) {
                    String name = field.replaceAll("\\^\\d+$", "");
                    // a hit found through its entities alone still gets a snippet: the start of its text
                    h.fields(name, f -> name.equals("body") ? f.noMatchSize(SNIPPET_SIZE) : f);
                }
                return h;
            });
            String suggestText = suggestText(query);
            if (!suggestText.isEmpty()) {
                r.suggest(s -> s.text(suggestText).suggesters("didYouMean",
                        g -> g.term(t -> t.field("body").suggestMode(co.elastic.clients.elasticsearch._types.SuggestMode.Popular)
                                .minWordLength(3).size(1))));
            }
            return r;
        });
    }

    /** The search page's query plus its facet filters, without paging: what a saved search counts. */
    public Query matching(SearchState state) {
        Query text = query(QueryParser.parse(state.q()));
        Query filters = filters(state, null);
        return filters == null ? text : Query.of(q -> q.bool(b -> b.must(text).filter(filters)));
    }

    /** The query alone (no paging, facets or highlights). */
    public Query query(ParsedQuery query) {
        if (query.required().isEmpty()) {
            if (query.excluded().isEmpty()) {
                return Query.of(q -> q.matchAll(m -> m));
            }
            return Query.of(q -> q.bool(b -> b.must(m -> m.matchAll(a -> a)).mustNot(clauses(query.excluded()))));
        }
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (Group group : query.required()) {
            if (group.alternatives().size() == 1) {
                bool.must(clause(group.alternatives().get(0)));
            } else {
                bool.must(m -> m.bool(b -> b.should(clauses(group.alternatives())).minimumShouldMatch("1")));
            }
        }
        if (!query.excluded().isEmpty()) {
            bool.mustNot(clauses(query.excluded()));
        }
        Query text = Query.of(q -> q.bool(bool.build()));
        // "Mark Zuckerberg" typed without quotes: the words together name an entity
        List<Query> whole = wholeQueryEntity(query);
        if (whole.isEmpty()) {
            return text;
        }
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(text);
        for (Query entity : whole) {
            alternatives.add(query.excluded().isEmpty() ? entity
                    : Query.of(q -> q.bool(b -> b.filter(entity).mustNot(clauses(query.excluded())))));
        }
        return Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
    }

    private List<Query> wholeQueryEntity(ParsedQuery query) {
        if (query.required().size() < 2) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (Group group : query.required()) {
            if (group.alternatives().size() != 1 || !(group.alternatives().get(0) instanceof Word w)
                    || w.field() != Field.TEXT || w.prefix()) {
                return List.of();
            }
            words.add(w.text());
        }
        return entityTerms(String.join(" ", words));
    }

    /** Term queries on the person and company fields for the entities a name refers to. */
    private List<Query> entityTerms(String name) {
        List<Query> terms = new ArrayList<>();
        for (Facet facet : new Facet[] {Facet.PERSON, Facet.COMPANY}) {
            names.resolve(name, facet).ifPresent(id ->
                    terms.add(Query.of(q -> q.term(t -> t.field(facet.field()).value(id)))));
        }
        return terms;
    }

    /** The text query, or it OR the entities the text names. */
    private Query orEntity(Query text, String name) {
        List<Query> entities = entityTerms(name);
        if (entities.isEmpty()) {
            return text;
        }
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(text);
        alternatives.addAll(entities);
        return Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
    }

    private List<Query> clauses(List<Clause> clauses) {
        return clauses.stream().map(this::clause).toList();
    }

    private Query clause(Clause clause) {
        if (clause instanceof Word w) {
            if (keyword(w.field())) {
                return keywordQuery(w.field(), w.text(), w.prefix());
            }
            Query text = Query.of(q -> q.multiMatch(m -> m.query(w.text()).fields(fields(w.field()))
                    .type(w.prefix() ? TextQueryType.PhrasePrefix : TextQueryType.BestFields)
                    .operator(Operator.And)));
            return w.prefix() || w.field() != Field.TEXT ? text : orEntity(text, w.text());
        }
        Phrase p = (Phrase) clause;
        if (keyword(p.field())) {
            return keywordQuery(p.field(), p.text(), false);
        }
        Query text = Query.of(q -> q.multiMatch(m -> m.query(p.text()).fields(fields(p.field()))
                .type(TextQueryType.Phrase)));
        return p.field() != Field.TEXT ? text : orEntity(text, p.text());
    }

    private static boolean keyword(Field field) {
        return field == Field.PERSON || field == Field.COMPANY || field == Field.SOURCE || field == Field.LANGUAGE;
    }

    private static List<String> fields(Field field) {
        return field == Field.TITLE ? TITLE_FIELDS : ALL_FIELDS;
    }

    private Query keywordQuery(Field field, String value, boolean prefix) {
        String name = switch (field) {
            case PERSON -> Facet.PERSON.field();
            case COMPANY -> Facet.COMPANY.field();
            case SOURCE -> Facet.SOURCE.field();
            default -> Facet.LANGUAGE.field();
        };
        String v = field == Field.LANGUAGE ? value.toLowerCase(Locale.ROOT) : value;
        if (prefix) {
            return Query.of(q -> q.prefix(p -> p.field(name).value(v).caseInsensitive(true)));
        }
        Query exact = Query.of(q -> q.term(t -> t.field(name).value(v).caseInsensitive(true)));
        // person:zuckerberg means the entity, whatever the script of the document
        var id = field == Field.PERSON ? names.resolve(value, Facet.PERSON)
                : field == Field.COMPANY ? names.resolve(value, Facet.COMPANY) : java.util.Optional.<String>empty();
        if (id.isEmpty() || id.get().equals(v)) {
            return exact;
        }
        return Query.of(q -> q.bool(b -> b.should(exact)
                .should(s -> s.term(t -> t.field(name).value(id.get()))).minimumShouldMatch("1")));
    }

    /**
     * Documents in other languages that share persons or companies with document {@code id}, best more_like_this
     * score first.
     * Elasticsearch reads the document's own values itself (more_like_this on the facet fields, a terms lookup for
     * its language), so this query needs no earlier request and goes into the same msearch as the document.
     */
    public Query related(String id) {
        return Query.of(q -> q.bool(b -> b
                .must(m -> m.moreLikeThis(l -> l.fields(Facet.PERSON.field(), Facet.COMPANY.field())
                        .like(k -> k.document(d -> d.index(index).id(id)))
                        // every shared value counts, however rare or frequent
                        .minTermFreq(1).minDocFreq(1).maxQueryTerms(RELATED_TERMS).minimumShouldMatch("1")))
                .mustNot(n -> n.ids(i -> i.values(id)))
                .mustNot(n -> n.terms(t -> t.field(Facet.LANGUAGE.field())
                        .terms(v -> v.lookup(l -> l.index(index).id(id).path(Facet.LANGUAGE.field())))))));
    }

    /** All selected facet filters except {@code except}'s own (null: all of them); null when there are none. */
    private static Query filters(SearchState state, Facet except) {
        List<Query> filters = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            List<String> values = state.values(facet);
            if (facet != except && !values.isEmpty()) {
                filters.add(Query.of(q -> q.terms(t -> t.field(facet.field())
                        .terms(v -> v.value(values.stream().map(FieldValue::of).toList())))));
            }
        }
        return filters.isEmpty() ? null : Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    /**
     * The facet's top values, plus (when some are selected) the selected values themselves: a selected value
     * outside the top {@value #FACET_SIZE} still shows its real count.
     */
    private static Aggregation facetAggregation(SearchState state, Facet facet) {
        Query others = filters(state, facet);
        Aggregation terms = Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(FACET_SIZE)));
        List<String> selected = state.values(facet);
        Map<String, Aggregation> subs = selected.isEmpty() ? Map.of("values", terms) : Map.of("values", terms,
                "selected", Aggregation.of(a -> a.terms(t -> t.field(facet.field()).size(selected.size())
                        .include(i -> i.terms(selected)))));
        return Aggregation.of(a -> a.filter(others != null ? others : Query.of(q -> q.matchAll(m -> m)))
                .aggregations(subs));
    }

    /** Free text only: field-prefixed values and exclusions are not worth correcting. */
    private static String suggestText(ParsedQuery query) {
        List<String> words = new ArrayList<>();
        for (Group g : query.required()) {
            for (Clause c : g.alternatives()) {
                if (c instanceof Word w && w.field() == Field.TEXT && !w.prefix()) {
                    words.add(w.text());
                } else if (c instanceof Phrase p && p.field() == Field.TEXT) {
                    words.add(p.text());
                }
            }
        }
        return String.join(" ", words);
    }
}
