package dev.newsportal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import dev.newsportal.entities.DocumentEntity;
import dev.newsportal.entities.Entity;
import dev.newsportal.entities.EntityType;
import dev.newsportal.entities.RegistryService;
import dev.newsportal.ingest.IngestProperties;
import dev.newsportal.search.Facet;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/** Names recognised in the live index that are not in the registry, most frequent first: the entities page's work list. */
@Service
public class UnlinkedNames {

    static final int TOP = 100;
    // Escaped: a bare "~" is the complement operator of Lucene regexps, and "~.*" would match registry ids too.
    private static final String UNLINKED_REGEX = "\\" + DocumentEntity.UNLINKED_PREFIX + ".*";

    /**
     * @param linkedTo the label of the registry entity the name now resolves to (added as an alias or created since
     *                 the documents were recognised: a reindex moves them), or null
     */
    public record Name(String type, String key, String name, long documents, String searchHref, String linkedTo) {
    }

    public record Listing(List<Name> persons, List<Name> companies, String error) {

        public boolean available() {
            return error == null;
        }
    }

    private final ElasticsearchClient client;
    private final RegistryService registry;
    private final String alias;

    UnlinkedNames(ElasticsearchClient client, RegistryService registry, IngestProperties ingest) {
        this.client = client;
        this.registry = registry;
        this.alias = ingest.alias();
    }

    /** One aggregation request over the live index: both facets, each bucket with one document to take the name from. */
    public Listing list(Locale ui) {
        try {
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                return new Listing(List.of(), List.of(), null);
            }
            SearchResponse<Void> response = client.search(s -> s.index(alias).size(0)
                    .aggregations(Facet.PERSON.field(), terms(Facet.PERSON, EntityType.PERSON))
                    .aggregations(Facet.COMPANY.field(), terms(Facet.COMPANY, EntityType.COMPANY)), Void.class);
            return new Listing(names(response, Facet.PERSON, EntityType.PERSON, ui),
                    names(response, Facet.COMPANY, EntityType.COMPANY, ui), null);
        } catch (Exception e) {
            return new Listing(List.of(), List.of(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Aggregation terms(Facet facet, EntityType type) {
        // Ignored names stay in documents recognised before the ignore, until a reindex: leave them out here.
        List<String> ignored = registry.ignored().stream().filter(n -> n.type() == type)
                .map(RegistryService.IgnoredName::key).toList();
        return Aggregation.of(a -> a
                .terms(t -> {
                    t.field(facet.field()).size(TOP).include(i -> i.regexp(UNLINKED_REGEX));
                    if (!ignored.isEmpty()) {
                        t.exclude(x -> x.terms(ignored));
                    }
                    return t;
                })
                .aggregations("example", sub -> sub.topHits(h -> h.size(1)
                        .source(src -> src.filter(f -> f.includes("entities"))))));
    }

    private List<Name> names(SearchResponse<Void> response, Facet facet, EntityType type, Locale ui) {
        List<Name> out = new ArrayList<>();
        for (StringTermsBucket b : response.aggregations().get(facet.field()).sterms().buckets().array()) {
            String key = b.key().stringValue();
            String name = displayName(b, key);
            if (name == null) {
                name = registry.label(key, ui);
            }
            String linkedTo = registry.resolve(name, type).flatMap(id -> registry.registry().get(id))
                    .map((Entity e) -> e.label(ui == null ? "en" : ui.getLanguage())).orElse(null);
            String href = UriComponentsBuilder.fromPath("/search").queryParam(facet.parameter(), "{key}")
                    .buildAndExpand(key).encode().toUriString();
            out.add(new Name(type.name(), key, name, b.docCount(), href, linkedTo));
        }
        return out;
    }

    /** The name as recognised in one of the documents (its fullest form there), if that document says. */
    @SuppressWarnings("unchecked")
    private static String displayName(StringTermsBucket bucket, String key) {
        List<Hit<JsonData>> hits = bucket.aggregations().get("example").topHits().hits().hits();
        if (hits.isEmpty() || hits.get(0).source() == null) {
            return null;
        }
        Object entities = hits.get(0).source().to(Map.class).get("entities");
        if (entities instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && key.equals(m.get("key")) && m.get("name") instanceof String name
                        && !name.isBlank()) {
                    return name;
                }
            }
        }
        return null;
    }
}
