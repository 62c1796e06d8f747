package dev.newsportal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import dev.newsportal.search.Facet;
import dev.newsportal.search.SearchState;
import dev.newsportal.search.saved.QueryStrings;
import dev.newsportal.search.saved.SavedSearch;
import dev.newsportal.search.saved.SavedSearchService;
import dev.newsportal.search.saved.SavedSearchService.InvalidNameException;
import dev.newsportal.search.saved.SavedSearchService.Listed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved searches: the list (open, rename, delete, counts then and now, new since saved) and the save form.
 * Writes redirect back to the list (post/redirect/get) with a notice.
 */
@Controller
class SavedSearchController {

    private static final Logger log = LoggerFactory.getLogger(SavedSearchController.class);

    /** One row of the list page. */
    record Row(String id, String name, String href, SearchState state, Instant savedAt, String savedAtText,
               long countThen, Long countNow, Long newSince) {
    }

    private final SavedSearchService saved;

    SavedSearchController(SavedSearchService saved) {
        this.saved = saved;
    }

    @GetMapping("/saved")
    String list(Locale locale, Model model, HttpServletResponse response) {
        model.addAttribute("facets", Facet.values());
        model.addAttribute("maxNameLength", SavedSearchService.MAX_NAME_LENGTH);
        try {
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(ZoneId.systemDefault());
            List<Row> rows = saved.list().stream().map(l -> row(l, format)).toList();
            model.addAttribute("rows", rows);
        } catch (Exception e) {
            log.warn("Saved searches unavailable: {}", e.toString());
            model.addAttribute("rows", List.of());
            model.addAttribute("error", "saved.error.unavailable");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
        return "saved/list";
    }

    private static Row row(Listed l, DateTimeFormatter format) {
        SavedSearch s = l.saved();
        return new Row(s.id(), s.name(), s.href(), s.state(), s.savedAt(), format.format(s.savedAt()), s.countAtSave(),
                l.countNow(), l.newSinceSaved());
    }

    /** The save form for the search of the parameters ({@code /saved/new?q=...&language=de}, as on the search page). */
    @GetMapping("/saved/new")
    String form(HttpServletRequest request, Model model) {
        SearchState state = SearchState.fromParameters(request.getParameterMap()).withPage(1);
        return form(model, state, "", null);
    }

    private String form(Model model, SearchState state, String name, String error) {
        model.addAttribute("state", state);
        model.addAttribute("name", name);
        model.addAttribute("error", error);
        model.addAttribute("facets", Facet.values());
        model.addAttribute("maxNameLength", SavedSearchService.MAX_NAME_LENGTH);
        return "saved/new";
    }

    @PostMapping("/saved")
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String state,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            SavedSearch s = saved.save(name, state);
            redirect.addFlashAttribute("notice", "saved.notice.saved");
            redirect.addFlashAttribute("noticeName", s.name());
            return "redirect:/saved";
        } catch (InvalidNameException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, QueryStrings.savable(state), name, e.messageKey());
        } catch (Exception e) {
            log.warn("Could not save search {}: {}", state, e.toString());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return form(model, QueryStrings.savable(state), name, "saved.error.unavailable");
        }
    }

    @PostMapping("/saved/{id}/rename")
    String rename(@PathVariable String id, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            String valid = SavedSearchService.validName(name);
            if (saved.rename(id, valid)) {
                redirect.addFlashAttribute("notice", "saved.notice.renamed");
                redirect.addFlashAttribute("noticeName", valid);
            } else {
                redirect.addFlashAttribute("error", "saved.error.notFound");
            }
        } catch (InvalidNameException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorId", id);
        } catch (Exception e) {
            log.warn("Could not rename saved search {}: {}", id, e.toString());
            redirect.addFlashAttribute("error", "saved.error.unavailable");
        }
        return "redirect:/saved";
    }

    @PostMapping("/saved/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        try {
            var found = saved.find(id);
            if (found.isPresent() && saved.delete(id)) {
                redirect.addFlashAttribute("notice", "saved.notice.deleted");
                redirect.addFlashAttribute("noticeName", found.get().name());
            } else {
                redirect.addFlashAttribute("error", "saved.error.notFound");
            }
        } catch (Exception e) {
            log.warn("Could not delete saved search {}: {}", id, e.toString());
            redirect.addFlashAttribute("error", "saved.error.unavailable");
        }
        return "redirect:/saved";
    }
}
