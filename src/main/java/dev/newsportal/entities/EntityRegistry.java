package dev.newsportal.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical persons and companies, and the matcher that finds them in text.
 *
 * <p>Immutable and thread-safe; edits ({@link #with(Entity)}, {@link #withAlias(String, String)},
 * {@link #without(String)}) return a new registry. Every alias is compiled, in its {@link NameNormalizer#key key}
 * form, into one Aho-Corasick automaton ({@code org.ahocorasick}) that is run over the
 * {@link NormalizedText normalised} text, so a document is scanned once whatever the number of aliases.
 *
 * <p>A match counts when:
 * <ul>
 *   <li>an alias starting or ending with a letter of an alphabetic script has no letter or digit of such a script
 *       next to it (whole words; "Meta" is not found in "Metall" nor "metaverse");</li>
 *   <li>a katakana alias has no katakana next to it ("メタ" is not found in "メタバース"); Han and hiragana have no
 *       boundaries;</li>
 *   <li>an alias written with a capital letter is written with one in the text ("apple" and "meta" as words are not
 *       the companies);</li>
 * </ul>
 * Overlapping matches resolve leftmost-longest ("Meta Platforms" over "Meta"). A match of a Latin-script alias
 * takes in a following genitive ({@code 's}, {@code ’s}, {@code '}; in German also a bare {@code -s}:
 * "Zuckerbergs") and, for companies, a following legal form ("Meta Platforms, Inc."); the genitive is only taken
 * after a known alias, so "Siemens" stays "Siemens".
 */
public final class EntityRegistry {

    /** Classpath location of the starter registry. */
    public static final String STARTER_RESOURCE = "/entities/registry.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "^,? ?(inc\\.?|corp\\.?|corporation|ltd\\.?|plc|llc|ag|gmbh|s\\.a\\.|n\\.v\\.)(?![\\p{L}\\p{N}])");

    private final Map<String, Entity> byId;
    private final Map<String, Alias> byKey;
    private final PayloadTrie<Alias> trie;

    /** What a key stands for. */
    private record Alias(String key, Entity entity, boolean capitalised) {
    }

    private EntityRegistry(Collection<Entity> entities) {
        Map<String, Entity> ids = new LinkedHashMap<>();
        Map<String, Alias> keys = new HashMap<>();
        for (Entity entity : entities) {
            if (ids.putIfAbsent(entity.id(), entity) != null) {
                throw new IllegalArgumentException("duplicate entity id " + entity.id());
            }
        }
        for (Entity entity : ids.values()) {
            for (String name : entity.names()) {
                String key = NameNormalizer.key(name, entity.type());
                if (key.isEmpty()) {
                    continue;
                }
                boolean capitalised = startsCapitalised(name.strip());
                Alias previous = keys.get(key);
                if (previous != null && !previous.entity().id().equals(entity.id())) {
                    throw new IllegalArgumentException("alias \"" + name + "\" of " + entity.id()
                            + " is already an alias of " + previous.entity().id());
                }
                // lower-case spelling among the aliases: the lower-case form is a name too
                keys.put(key, new Alias(key, entity, capitalised && (previous == null || previous.capitalised())));
            }
        }
        PayloadTrie.PayloadTrieBuilder<Alias> builder = PayloadTrie.builder();
        keys.values().forEach(a -> builder.addKeyword(a.key(), a));
        this.byId = ids;
        this.byKey = keys;
        this.trie = builder.build();
    }

    public static EntityRegistry of(Collection<Entity> entities) {
        return new EntityRegistry(entities);
    }

    /** The starter registry shipped with the application ({@value #STARTER_RESOURCE}). */
    public static EntityRegistry starter() {
        try (InputStream in = EntityRegistry.class.getResourceAsStream(STARTER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + STARTER_RESOURCE);
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the registry file format: {@code {"entities": [{"id": "meta", "type": "COMPANY", "labels": {"en": "Meta",
     * ...}, "aliases": ["Meta Platforms", "メタ", ...]}, ...]}}.
     */
    public static EntityRegistry fromJson(InputStream in) {
        JsonNode root = JSON.readTree(in);
        List<Entity> entities = new ArrayList<>();
        for (JsonNode node : root.path("entities")) {
            Map<String, String> labels = new LinkedHashMap<>();
            node.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
            List<String> aliases = new ArrayList<>();
            node.path("aliases").forEach(a -> aliases.add(a.asString()));
            entities.add(new Entity(node.path("id").asString(), EntityType.valueOf(node.path("type").asString()),
                    labels, aliases));
        }
        return new EntityRegistry(entities);
    }

    /** The registry file format of {@link #fromJson(InputStream)}. */
    public String toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("entities", byId.values()));
    }

    public Collection<Entity> entities() {
        return byId.values();
    }

    public Optional<Entity> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    /** The entity a name refers to: exact key of the name (for the given type, or any type when null). */
    public Optional<Entity> lookup(String name, EntityType type) {
        if (type == null || !type.isFacet()) {
            for (EntityType t : new EntityType[] {EntityType.PERSON, EntityType.COMPANY}) {
                Alias a = byKey.get(NameNormalizer.key(name, t));
                if (a != null) {
                    return Optional.of(a.entity());
                }
            }
            return Optional.empty();
        }
        Alias a = byKey.get(NameNormalizer.key(name, type));
        return a == null ? Optional.empty() : Optional.of(a.entity());
    }

    /** Whether a normalised key is an alias. */
    public boolean isKnownKey(String key) {
        return byKey.containsKey(key);
    }

    public Optional<Entity> byKey(String key) {
        Alias a = byKey.get(key);
        return a == null ? Optional.empty() : Optional.of(a.entity());
    }

    public EntityRegistry with(Entity entity) {
        Map<String, Entity> copy = new LinkedHashMap<>(byId);
        copy.put(entity.id(), entity);
        return new EntityRegistry(copy.values());
    }

    public EntityRegistry withAlias(String id, String alias) {
        Entity entity = byId.get(id);
        if (entity == null) {
            throw new IllegalArgumentException("no entity " + id);
        }
        return with(entity.withAlias(alias));
    }

    public EntityRegistry without(String id) {
        Map<String, Entity> copy = new LinkedHashMap<>(byId);
        copy.remove(id);
        return new EntityRegistry(copy.values());
    }

    /** Finds registry entities in a text of unknown language (no bare "-s" genitive). */
    public List<Mention> find(String text) {
        return find(text, null);
    }

    /**
     * Finds registry entities in a text.
     *
     * @param language ISO 639-1 code; {@code "de"} accepts a bare "-s" genitive after a Latin-script alias
     * @return non-overlapping mentions in text order
     */
    public List<Mention> find(String text, String language) {
        NormalizedText normalized = NormalizedText.of(text);
        String s = normalized.text();
        List<int[]> candidates = new ArrayList<>();
        List<Alias> aliases = new ArrayList<>();
        for (PayloadEmit<Alias> emit : trie.parseText(s)) {
            int start = emit.getStart();
            int end = emit.getEnd() + 1;
            Alias alias = emit.getPayload();
            if (!leftBoundary(s, start)) {
                continue;
            }
            int extended = rightBoundary(s, end, alias.entity().type(), language);
            if (extended < 0) {
                continue;
            }
            if (alias.capitalised()) {
                int cp = text.codePointAt(normalized.originalStart(start));
                if (!Character.isUpperCase(cp) && !Character.isTitleCase(cp)) {
                    continue;
                }
            }
            candidates.add(new int[] {start, extended, aliases.size()});
            aliases.add(alias);
        }
        candidates.sort(Comparator.<int[]>comparingInt(c -> c[0]).thenComparingInt(c -> -(c[1] - c[0])));
        List<Mention> mentions = new ArrayList<>();
        int covered = 0;
        for (int[] c : candidates) {
            if (c[0] < covered) {
                continue;
            }
            covered = c[1];
            Alias alias = aliases.get(c[2]);
            int from = normalized.originalStart(c[0]);
            int to = normalized.originalEnd(c[1]);
            mentions.add(new Mention(alias.entity().id(), alias.entity().type(), text.substring(from, to), from, to));
        }
        return mentions;
    }

    private static boolean leftBoundary(String s, int start) {
        if (start == 0) {
            return true;
        }
        int first = s.codePointAt(start);
        int before = s.codePointBefore(start);
        if (NameNormalizer.isWordChar(first)) {
            return !NameNormalizer.isWordChar(before);
        }
        if (NameNormalizer.isKatakana(first)) {
            return !NameNormalizer.isKatakana(before);
        }
        return true;
    }

    /** The end of the match with genitive and legal form taken in, or -1 when the match is not a whole name. */
    private static int rightBoundary(String s, int end, EntityType type, String language) {
        if (end == s.length()) {
            return end;
        }
        int last = s.codePointBefore(end);
        int after = s.codePointAt(end);
        if (NameNormalizer.isKatakana(last)) {
            return NameNormalizer.isKatakana(after) ? -1 : end;
        }
        if (!NameNormalizer.isWordChar(last)) {
            return end;
        }
        int e = end;
        if (s.startsWith("'s", e) && !wordCharAt(s, e + 2)) {
            e += 2;
        } else if (after == '\'' && (last == 's' || last == 'x' || last == 'z') && !wordCharAt(s, e + 1)) {
            e += 1;
        } else if (after == 's' && "de".equals(language) && !wordCharAt(s, e + 1)) {
            e += 1;
        } else if (NameNormalizer.isWordChar(after)) {
            return -1;
        }
        if (type == EntityType.COMPANY && e == end) {
            Matcher m = LEGAL_FORM.matcher(s).region(e, s.length());
            m.useAnchoringBounds(true);
            if (m.lookingAt()) {
                e = m.end();
            }
        }
        return e;
    }

    private static boolean wordCharAt(String s, int i) {
        return i < s.length() && NameNormalizer.isWordChar(s.codePointAt(i));
    }

    private static boolean startsCapitalised(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int cp = name.codePointAt(0);
        return NameNormalizer.isWordChar(cp) && Character.isUpperCase(cp);
    }
}
