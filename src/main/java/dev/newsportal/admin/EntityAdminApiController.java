package dev.newsportal.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.newsportal.entities.RegistryService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The entities page for scripts (HTTP Basic): unlinked names, and the same three edits as JSON. */
@RestController
@RequestMapping("/api/admin/entities")
class EntityAdminApiController {

    record Listing(List<UnlinkedNames.Name> persons, List<UnlinkedNames.Name> companies,
                   List<RegistryService.IgnoredName> ignored, String error) {
    }

    record AliasRequest(String id, String name) {
    }

    record CreateRequest(String type, String name) {
    }

    record IgnoreRequest(String type, String key, String name) {
    }

    private final UnlinkedNames unlinked;
    private final RegistryService registry;
    private final EntityEdits edits;

    EntityAdminApiController(UnlinkedNames unlinked, RegistryService registry, EntityEdits edits) {
        this.unlinked = unlinked;
        this.registry = registry;
        this.edits = edits;
    }

    @GetMapping
    ResponseEntity<Listing> list(Locale locale) {
        UnlinkedNames.Listing names = unlinked.list(locale);
        return ResponseEntity.status(names.available() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(new Listing(names.persons(), names.companies(), registry.ignored(), names.error()));
    }

    @PostMapping("/alias")
    ResponseEntity<Map<String, Object>> alias(@RequestBody AliasRequest request, Locale locale) {
        return answer(edits.alias(request.id(), request.name(), locale));
    }

    @PostMapping("/create")
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateRequest request, Locale locale) {
        return answer(edits.create(request.type(), request.name(), locale));
    }

    @PostMapping("/ignore")
    ResponseEntity<Map<String, Object>> ignore(@RequestBody IgnoreRequest request) {
        return answer(edits.ignore(request.type(), request.key(), request.name()));
    }

    private static ResponseEntity<Map<String, Object>> answer(EntityEdits.Result result) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (result.ok()) {
            if (result.entity() != null) {
                body.put("entity", result.entity());
            }
            body.put("reindexNeeded", true); // documents already indexed keep their values until a reindex
            return ResponseEntity.ok(body);
        }
        body.put("error", result.problem());
        return ResponseEntity.status("entities.error.unavailable".equals(result.message())
                ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST).body(body);
    }
}
