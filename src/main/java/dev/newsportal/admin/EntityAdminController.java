package dev.newsportal.admin;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.newsportal.entities.Entity;
import dev.newsportal.entities.EntityType;
import dev.newsportal.entities.RegistryService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Unlinked names of the live index and what the administrator makes of them: alias, new entity, or ignore. */
@Controller
@RequestMapping("/admin/entities")
class EntityAdminController {

    private final UnlinkedNames unlinked;
    private final RegistryService registry;
    private final EntityEdits edits;
    private final IndexOverview overview;

    EntityAdminController(UnlinkedNames unlinked, RegistryService registry, EntityEdits edits, IndexOverview overview) {
        this.unlinked = unlinked;
        this.registry = registry;
        this.edits = edits;
        this.overview = overview;
    }

    @GetMapping
    String page(Locale locale, Model model) {
        model.addAttribute("names", unlinked.list(locale));
        model.addAttribute("groups", List.of("persons", "companies"));
        model.addAttribute("maxNames", UnlinkedNames.TOP);
        model.addAttribute("persons", byLabel(registry.entities(EntityType.PERSON), locale));
        model.addAttribute("companies", byLabel(registry.entities(EntityType.COMPANY), locale));
        model.addAttribute("ignored", registry.ignored());
        return "admin/entities";
    }

    /** The choices of the alias menus, in the order of the labels the page shows. */
    private static List<Entity> byLabel(List<Entity> entities, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return entities.stream().sorted(Comparator.comparing(e -> e.label(locale.getLanguage()), collator)).toList();
    }

    /** Polled by the overview page while the stage has a backlog. */
    @GetMapping("/status")
    @ResponseBody
    IndexOverview.EntityProgress status() {
        return overview.entityProgress();
    }

    @PostMapping("/alias")
    String alias(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String name,
                 Locale locale, RedirectAttributes flash) {
        return back(edits.alias(id, name, locale), flash);
    }

    @PostMapping("/create")
    String create(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String name,
                  Locale locale, RedirectAttributes flash) {
        return back(edits.create(type, name, locale), flash);
    }

    @PostMapping("/ignore")
    String ignore(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String key,
                  @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        return back(edits.ignore(type, key, name), flash);
    }

    private static String back(EntityEdits.Result result, RedirectAttributes flash) {
        flash.addFlashAttribute(result.ok() ? "notice" : "error", result.message());
        flash.addFlashAttribute("messageName", result.name());
        flash.addFlashAttribute("messageTarget", result.target());
        return "redirect:/admin/entities";
    }
}
