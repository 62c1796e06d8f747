package dev.newsportal.search.saved;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newsportal.elastic.IndexDefinitions;
import org.springframework.stereotype.Component;

/**
 * Saved searches in their own Elasticsearch index, created on first use from
 * {@code es-mappings/saved-searches.json}. Writes wait for a refresh, so the list shows them at once.
 */
@Component
public class SavedSearchStore {

    /** The list page shows at most this many, newest first. */
    public static final int MAX_LISTED = 500;

    private final ElasticsearchClient client;
    private final String index;
    private volatile boolean ready;

    SavedSearchStore(ElasticsearchClient client, SavedSearchProperties properties) {
        this.client = client;
        this.index = properties.index();
    }

    public String index() {
        return index;
    }

    public void save(SavedSearch saved) throws IOException {
        ensureIndex();
        client.index(i -> i.index(index).id(saved.id()).document(toSource(saved)).refresh(Refresh.WaitFor));
    }

    public Optional<SavedSearch> find(String id) throws IOException {
        ensureIndex();
        GetResponse<Map> response = client.get(g -> g.index(index).id(id), Map.class);
        return response.found() ? Optional.of(fromSource(response.source())) : Optional.empty();
    }

    public List<SavedSearch> list() throws IOException {
        ensureIndex();
        return client.search(s -> s.index(index).size(MAX_LISTED)
                        .sort(o -> o.field(f -> f.field("saved_at").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), Map.class)
                .hits().hits().stream().map(Hit::source).map(SavedSearchStore::fromSource).toList();
    }

    /** False when there is no such saved search. */
    public boolean rename(String id, String name) throws IOException {
        ensureIndex();
        try {
            client.update(u -> u.index(index).id(id).doc(Map.of("name", name)).refresh(Refresh.WaitFor), Map.class);
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** False when there was no such saved search. */
    public boolean delete(String id) throws IOException {
        ensureIndex();
        return client.delete(d -> d.index(index).id(id).refresh(Refresh.WaitFor)).result() == Result.Deleted;
    }

    private synchronized void ensureIndex() throws IOException {
        if (!ready) {
            IndexDefinitions.createIfMissing(client, index, IndexDefinitions.SAVED_SEARCHES);
            ready = true;
        }
    }

    static Map<String, Object> toSource(SavedSearch s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("name", s.name());
        json.put("query", s.query());
        json.put("saved_at", s.savedAt().toString());
        json.put("count_at_save", s.countAtSave());
        if (s.newestAtSave() != null) {
            json.put("newest_at_save", s.newestAtSave().toString());
        }
        return json;
    }

    static SavedSearch fromSource(Map<String, Object> j) {
        Object newest = j.get("newest_at_save");
        Object count = j.get("count_at_save");
        return new SavedSearch((String) j.get("id"), (String) j.get("name"), (String) j.getOrDefault("query", ""),
                Instant.parse((String) j.get("saved_at")), count instanceof Number n ? n.longValue() : 0,
                newest == null ? null : Instant.parse(newest.toString()));
    }
}
