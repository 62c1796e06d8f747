package dev.newsportal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.newsportal.search.Facet;
import dev.newsportal.search.SearchRequestFactory;
import dev.newsportal.search.SearchService;
import dev.newsportal.search.SearchService.FacetValue;
import dev.newsportal.search.SearchService.ResultHit;
import dev.newsportal.search.SearchService.ResultPage;
import dev.newsportal.search.SearchState;
import jakarta.servlet.http.HttpServletRequest;
import org.jsoup.parser.Parser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search page as JSON: same parameters, same single search, same answers. Broken input is
 * answered like the page answers it (200 with notices), never with an error status.
 */
@RestController
class SearchApiController {

    /**
     * {@code snippet} is plain text; {@code snippetHtml} is escaped text with only our highlight tags;
     * {@code entities} are the persons, then the companies, most mentioned first, labelled in the UI language.
     */
    record ApiHit(String id, String title, String language, String source, String published, String url,
                  String link, List<String> persons, List<String> companies, List<ApiEntity> entities, String snippet,
                  String snippetHtml) {
    }

    /** {@code value} is what the person or company parameter of a search takes; type is person or company. */
    record ApiEntity(String value, String label, String type) {
    }

    record ApiResult(String query, long total, int page, int pageSize, int lastPage, List<ApiHit> hits,
                     Map<String, List<FacetValue>> facets, String suggestion, List<String> notices) {
    }

    private final SearchService search;

    SearchApiController(SearchService search) {
        this.search = search;
    }

    @GetMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiResult> search(HttpServletRequest request, Locale locale) {
        SearchState state = SearchState.fromParameters(request.getParameterMap());
        ResultPage result = search.search(state, locale);
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            facets.put(facet.parameter(), result.facets().getOrDefault(facet, List.of()));
        }
        List<ApiHit> hits = result.hits().stream().map(SearchApiController::hit).toList();
        return ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(new ApiResult(state.toQueryString(), result.total(), state.page(), SearchState.PAGE_SIZE,
                        result.lastPage(), hits, facets, result.suggestion(), List.copyOf(result.notices())));
    }

    private static ApiHit hit(ResultHit h) {
        return new ApiHit(h.id(), h.title(), h.language(), h.source(),
                h.published() == null ? null : h.published().toString(), h.url(), docPath(h.id()),
                h.persons(), h.companies(),
                h.entities().stream().map(e -> new ApiEntity(e.value(), e.label(), e.type())).toList(),
                plainText(h.snippetHtml()), h.snippetHtml());
    }

    /** The document page of a hit, relative to the portal. */
    static String docPath(String id) {
        return org.springframework.web.util.UriComponentsBuilder.fromPath("/doc/{id}").buildAndExpand(id).encode()
                .toUriString();
    }

    /** A highlight as plain text: our mark tags removed, the encoder's escapes undone. */
    static String plainText(String highlightHtml) {
        if (highlightHtml == null) {
            return null;
        }
        String unmarked = highlightHtml.replace(SearchRequestFactory.HIGHLIGHT_PRE, "")
                .replace(SearchRequestFactory.HIGHLIGHT_POST, "");
        return Parser.unescapeEntities(unmarked, false);
    }
}
