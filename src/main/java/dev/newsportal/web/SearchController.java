package dev.newsportal.web;

import java.util.Locale;

import dev.newsportal.search.Facet;
import dev.newsportal.search.SearchService;
import dev.newsportal.search.SearchState;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The search page: the state comes from the URL, the page from one search. */
@Controller
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping({"/", "/search"})
    String search(HttpServletRequest request, Locale locale, Model model) {
        SearchState state = SearchState.fromParameters(request.getParameterMap());
        model.addAttribute("state", state);
        SearchService.ResultPage result = search.search(state, locale);
        model.addAttribute("result", result);
        model.addAttribute("facetLinks", FacetLinks.of(state, result.facets()));
        model.addAttribute("facets", Facet.values());
        model.addAttribute("facetLanguage", Facet.LANGUAGE);
        model.addAttribute("sorts", SearchState.Sort.values());
        return "search";
    }
}
