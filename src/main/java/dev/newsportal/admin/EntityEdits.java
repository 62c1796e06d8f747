package dev.newsportal.admin;

import java.util.Locale;

import dev.newsportal.entities.Entity;
import dev.newsportal.entities.EntityType;
import dev.newsportal.entities.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The registry edits of the entities page and its JSON twin, each answered as a message (key and arguments) so
 * that neither a bad request nor an unreachable registry ever ends as an error page.
 */
@Service
class EntityEdits {

    private static final Logger log = LoggerFactory.getLogger(EntityEdits.class);

    /**
     * @param message message key; {@code name} and {@code target} are its arguments
     * @param entity  the entity created or changed, when it worked
     * @param problem why it did not work (for the API and the log), or null
     */
    record Result(boolean ok, String message, String name, String target, Entity entity, String problem) {
    }

    private final RegistryService registry;

    EntityEdits(RegistryService registry) {
        this.registry = registry;
    }

    Result alias(String id, String name, Locale ui) {
        return attempt(name, () -> {
            Entity changed = registry.addAlias(id, name);
            return new Result(true, "entities.notice.aliased", name.strip(), label(changed, ui), changed, null);
        });
    }

    Result create(String type, String name, Locale ui) {
        return attempt(name, () -> {
            Entity created = registry.create(type(type), name, java.util.List.of());
            return new Result(true, "entities.notice.created", label(created, ui), created.id(), created, null);
        });
    }

    Result ignore(String type, String key, String name) {
        return attempt(name, () -> {
            registry.ignore(type(type), key, name);
            return new Result(true, "entities.notice.ignored", name == null || name.isBlank() ? key : name.strip(),
                    null, null, null);
        });
    }

    /** Runs an edit; a rejected one and an unreachable registry both become messages. */
    private static Result attempt(String name, java.util.concurrent.Callable<Result> edit) {
        try {
            return edit.call();
        } catch (IllegalArgumentException e) {
            return rejected(name, e);
        } catch (Exception e) {
            return unavailable(name, e);
        }
    }

    private static EntityType type(String type) {
        try {
            EntityType t = EntityType.valueOf(String.valueOf(type).strip().toUpperCase(Locale.ROOT));
            if (t.isFacet()) {
                return t;
            }
        } catch (IllegalArgumentException unknown) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("unknown type " + type);
    }

    private static String label(Entity e, Locale ui) {
        return e.label(ui == null ? "en" : ui.getLanguage());
    }

    private static Result rejected(String name, IllegalArgumentException e) {
        return new Result(false, "entities.error.rejected", name, e.getMessage(), null, e.getMessage());
    }

    private static Result unavailable(String name, Exception e) {
        log.warn("Entity registry edit failed for {}: {}", name, e.toString());
        return new Result(false, "entities.error.unavailable", name, null, null, e.toString());
    }
}
