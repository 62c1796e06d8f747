package dev.newsportal.entities;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newsportal.elastic.IndexDefinitions;
import dev.newsportal.elastic.OnClusterAvailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The entity registry at run time: kept in Elasticsearch (one document per entity, one per ignored name), filled
 * with the starter set on first start, held in memory for recognition and for facet labels. Edits write through
 * to the index and replace the in-memory registry at once; documents recognised before keep their values until
 * a reindex.
 */
@Service
@Order(20)
public class RegistryService implements OnClusterAvailable {

    private static final Logger log = LoggerFactory.getLogger(RegistryService.class);
    static final String KIND_ENTITY = "entity";
    static final String KIND_IGNORED = "ignored";
    private static final int PAGE = 1000;
    public static final int MAX_NAME_LENGTH = 200;

    /** A name the administrator marked as not an entity: recognition drops it. */
    public record IgnoredName(EntityType type, String key, String name) {
    }

    private final ElasticsearchClient client;
    private final String index;
    private final List<Consumer<EntityRegistry>> listeners = new CopyOnWriteArrayList<>();
    private volatile EntityRegistry registry = EntityRegistry.starter();
    private volatile Map<String, IgnoredName> ignored = Map.of();
    private volatile boolean loaded;
    private volatile String signature = "";
    /** Display forms of unlinked names as recognised ("Meta AI" for "~meta ai"), learnt from the stage. */
    private final Map<String, String> displayNames = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_DISPLAY_NAMES = 200_000;

    RegistryService(ElasticsearchClient client, EntityProperties properties) {
        this.client = client;
        this.index = properties.index();
    }

    /** Until the stored registry is loaded, the starter set (so labels and query expansion work from the start). */
    public EntityRegistry registry() {
        return registry;
    }

    public boolean loaded() {
        return loaded;
    }

    public String index() {
        return index;
    }

    public void onChange(Consumer<EntityRegistry> listener) {
        listeners.add(listener);
    }

    @Override
    public void onClusterAvailable() throws IOException {
        reload();
    }

    /** Reads the stored registry; an empty or missing index gets the starter set first. */
    public synchronized void reload() throws IOException {
        IndexDefinitions.createIfMissing(client, index, IndexDefinitions.ENTITIES);
        if (client.count(c -> c.index(index).query(q -> q.term(t -> t.field("kind").value(KIND_ENTITY)))).count() == 0) {
            EntityRegistry starter = EntityRegistry.starter();
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.WaitFor);
            for (Entity e : starter.entities()) {
                // create, not index: a second portal starting at the same moment must not overwrite edits
                bulk.operations(o -> o.create(c -> c.index(index).id(e.id()).document(toSource(e))));
            }
            client.bulk(bulk.build());
            log.info("Entity registry {}: stored the starter set ({} entities)", index, starter.size());
        }
        List<Entity> entities = new ArrayList<>();
        Map<String, IgnoredName> ignoredNames = new LinkedHashMap<>();
        for (Map<String, Object> source : all()) {
            try {
                if (KIND_IGNORED.equals(source.get("kind"))) {
                    IgnoredName n = new IgnoredName(EntityType.valueOf((String) source.get("type")),
                            (String) source.get("key"), (String) source.get("name"));
                    ignoredNames.put(ignoredKey(n.type(), n.key()), n);
                } else {
                    entities.add(fromSource(source));
                }
            } catch (RuntimeException e) {
                log.warn("Skipping broken registry entry {}: {}", source.get("id"), e.getMessage());
            }
        }
        EntityRegistry fresh = consistent(entities);
        ignored = Map.copyOf(ignoredNames);
        publish(fresh);
        signature = signature();
        loaded = true;
        log.info("Entity registry {}: {} entities, {} ignored names", index, fresh.size(), ignoredNames.size());
    }

    /** All entities, or, when two claim the same name (edits from two portals at once), all but the later ones. */
    private EntityRegistry consistent(List<Entity> entities) {
        try {
            return EntityRegistry.of(entities);
        } catch (IllegalArgumentException conflict) {
            EntityRegistry kept = EntityRegistry.of(List.of());
            for (Entity e : entities) {
                try {
                    kept = kept.with(e);
                } catch (IllegalArgumentException again) {
                    log.error("Entity registry {}: leaving out {} ({})", index, e.id(), again.getMessage());
                }
            }
            return kept;
        }
    }

    /** Reloads when the stored registry changed (an edit made by another portal on the same cluster). */
    public void reloadIfChanged() throws IOException {
        if (!signature().equals(signature)) {
            reload();
        }
    }

    /** Number of entries and the newest edit: enough to notice another portal's edits. */
    private String signature() throws IOException {
        var response = client.search(s -> s.index(index).size(0).trackTotalHits(t -> t.enabled(true))
                .aggregations("newest", a -> a.max(m -> m.field("updated"))), Void.class);
        long count = response.hits().total() == null ? -1 : response.hits().total().value();
        return count + "/" + response.aggregations().get("newest").max().value();
    }

    /** Edits need the stored registry: without it they would overwrite stored entries with starter copies. */
    private void ensureStored() throws IOException {
        if (!loaded) {
            throw new IllegalStateException("the entity registry is not loaded yet");
        }
        if (!client.indices().exists(e -> e.index(index)).value()) {
            // deleted while we ran: write back what we hold rather than start from an auto-created index
            IndexDefinitions.createIfMissing(client, index, IndexDefinitions.ENTITIES);
            BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.WaitFor);
            registry.entities().forEach(e -> bulk.operations(o -> o.index(i -> i.index(index).id(e.id())
                    .document(toSource(e)))));
            ignored.values().forEach(n -> bulk.operations(o -> o.index(i -> i.index(index)
                    .id("ignored:" + ignoredKey(n.type(), n.key())).document(ignoredSource(n)))));
            client.bulk(bulk.build());
            log.warn("Entity registry {} was missing: stored the {} entities held in memory", index, registry.size());
        }
    }

    private List<Map<String, Object>> all() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            @SuppressWarnings({"unchecked", "rawtypes"})
            SearchResponse<Map<String, Object>> page = (SearchResponse) client.search(s -> {
                s.index(index).size(PAGE).sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (searchAfter != null) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, Map.class);
            List<Hit<Map<String, Object>>> hits = page.hits().hits();
            hits.forEach(h -> out.add(h.source()));
            if (hits.size() < PAGE) {
                return out;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private void publish(EntityRegistry fresh) {
        registry = fresh;
        listeners.forEach(l -> l.accept(fresh));
    }

    /** Whether recognition should drop this name. */
    public boolean isIgnored(EntityType type, String key) {
        return ignored.containsKey(ignoredKey(type, key));
    }

    public List<IgnoredName> ignored() {
        return List.copyOf(ignored.values());
    }

    /**
     * Adds a name to an entity.
     *
     * @throws IllegalArgumentException no such entity, a blank or over-long name, or a name that already belongs to
     *                                  another entity
     */
    public synchronized Entity addAlias(String id, String alias) throws IOException {
        String name = checkName(alias);
        ensureStored();
        Entity entity = registry.get(id).orElseThrow(() -> new IllegalArgumentException("no entity " + id));
        // the stored copy, which another portal may have changed since we loaded it
        @SuppressWarnings({"unchecked", "rawtypes"})
        var stored = (co.elastic.clients.elasticsearch.core.GetResponse<Map<String, Object>>) (Object) client.get(
                g -> g.index(index).id(id), Map.class);
        Entity base = stored.found() ? fromSource(stored.source()) : entity;
        Entity changed = base.withAlias(name);
        EntityRegistry fresh = registry.with(changed); // throws when another entity has this name
        try {
            client.index(i -> {
                i.index(index).id(id).document(toSource(changed)).refresh(Refresh.WaitFor);
                if (stored.found()) {
                    i.ifSeqNo(stored.seqNo()).ifPrimaryTerm(stored.primaryTerm());
                }
                return i;
            });
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 409) {
                throw new IllegalArgumentException("entity " + id + " was changed meanwhile; try again");
            }
            throw e;
        }
        unignore(entity.type(), NameNormalizer.key(name, entity.type()));
        publish(fresh);
        return changed;
    }

    /** Creates an entity with a new id derived from its label. */
    public synchronized Entity create(EntityType type, String label, List<String> aliases) throws IOException {
        String name = checkName(label);
        ensureStored();
        List<String> names = aliases.stream().map(String::strip).filter(a -> !a.isEmpty() && !a.equals(name))
                .distinct().toList();
        for (int attempt = 0; ; attempt++) {
            Entity entity = new Entity(freeId(slug(name), attempt), type, Map.of("en", name), names);
            EntityRegistry fresh = registry.with(entity); // throws when another entity has this name
            try {
                // create, not index: an id another portal has just taken is not overwritten
                client.create(c -> c.index(index).id(entity.id()).document(toSource(entity)).refresh(Refresh.WaitFor));
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                if (e.status() == 409 && attempt < 5) {
                    continue;
                }
                throw e;
            }
            unignore(type, NameNormalizer.key(name, type));
            publish(fresh);
            return entity;
        }
    }

    /** Marks a recognised name as not an entity. */
    public synchronized void ignore(EntityType type, String key, String name) throws IOException {
        if (key == null || key.isBlank() || !type.isFacet()) {
            throw new IllegalArgumentException("nothing to ignore");
        }
        ensureStored();
        IgnoredName n = new IgnoredName(type, key, name == null ? key : name);
        client.index(i -> i.index(index).id("ignored:" + ignoredKey(type, key)).document(ignoredSource(n))
                .refresh(Refresh.WaitFor));
        Map<String, IgnoredName> copy = new LinkedHashMap<>(ignored);
        copy.put(ignoredKey(type, key), n);
        ignored = Map.copyOf(copy);
    }

    private static Map<String, Object> ignoredSource(IgnoredName n) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("kind", KIND_IGNORED);
        source.put("id", "ignored:" + ignoredKey(n.type(), n.key()));
        source.put("type", n.type().name());
        source.put("key", n.key());
        source.put("name", n.name());
        source.put("updated", Instant.now().toString());
        return source;
    }

    private void unignore(EntityType type, String key) throws IOException {
        String k = ignoredKey(type, DocumentEntity.UNLINKED_PREFIX + key);
        if (ignored.containsKey(k)) {
            client.delete(d -> d.index(index).id("ignored:" + k).refresh(Refresh.WaitFor));
            Map<String, IgnoredName> copy = new LinkedHashMap<>(ignored);
            copy.remove(k);
            ignored = Map.copyOf(copy);
        }
    }

    /** The label of a facet value in a UI language: registry label, or the unlinked name in title case. */
    public String label(String key, Locale ui) {
        if (key == null) {
            return "";
        }
        if (key.startsWith(DocumentEntity.UNLINKED_PREFIX)) {
            String seen = displayNames.get(key);
            return seen != null ? seen : displayUnlinked(key);
        }
        return registry.get(key).map(e -> e.label(ui == null ? "en" : ui.getLanguage())).orElse(key);
    }

    /** Remembers how an unlinked name was written, for its facet label. */
    public void rememberDisplayName(String key, String name) {
        if (key.startsWith(DocumentEntity.UNLINKED_PREFIX) && name != null && !name.isBlank()
                && (displayNames.size() < MAX_DISPLAY_NAMES || displayNames.containsKey(key))) {
            displayNames.put(key, name);
        }
    }

    /** The registry id a name in a query refers to, if any. */
    public Optional<String> resolve(String name, EntityType type) {
        return registry.lookup(name, type).map(Entity::id);
    }

    static String displayUnlinked(String key) {
        String name = key.substring(DocumentEntity.UNLINKED_PREFIX.length());
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            out.appendCodePoint(start ? Character.toTitleCase(cp) : cp);
            start = Character.isWhitespace(cp) || cp == '-';
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String checkName(String name) {
        String s = name == null ? "" : name.strip();
        if (s.isEmpty() || s.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a name needs 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return s;
    }

    /** The first id not in the registry, after skipping {@code taken} free ones (stored meanwhile elsewhere). */
    private String freeId(String base, int taken) {
        String id = base;
        int skipped = 0;
        for (int n = 2; registry.get(id).isPresent() || skipped++ < taken; n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** Lower-case ASCII slug; names without Latin letters get a stable hash. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.isEmpty()) {
            return "entity-" + Integer.toHexString(name.hashCode() & 0x7fffffff);
        }
        return ascii.length() > 60 ? ascii.substring(0, 60).replaceAll("-+$", "") : ascii;
    }

    private static String ignoredKey(EntityType type, String key) {
        return type.name() + " " + key;
    }

    static Map<String, Object> toSource(Entity e) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("kind", KIND_ENTITY);
        source.put("id", e.id());
        source.put("type", e.type().name());
        source.put("labels", e.labels());
        source.put("aliases", e.aliases());
        source.put("updated", Instant.now().toString());
        return source;
    }

    @SuppressWarnings("unchecked")
    static Entity fromSource(Map<String, Object> source) {
        Map<String, String> labels = ((Map<String, Object>) source.getOrDefault("labels", Map.of())).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()), (a, b) -> a,
                        LinkedHashMap::new));
        List<String> aliases = ((List<Object>) source.getOrDefault("aliases", List.of())).stream()
                .map(String::valueOf).toList();
        return new Entity((String) source.get("id"), EntityType.valueOf((String) source.get("type")), labels, aliases);
    }

    /** Every entity of one type (the admin page orders them by the label of its UI language). */
    public List<Entity> entities(EntityType type) {
        return registry.entities().stream().filter(e -> e.type() == type).toList();
    }
}
