package dev.newsportal.web;

import java.io.IOException;
import java.util.Locale;

import dev.newsportal.search.Facet;
import dev.newsportal.search.FacetLabels;
import dev.newsportal.search.SearchState;
import dev.newsportal.search.DocumentService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** /doc/{id}: the full text with the query highlighted, its entities as filtered searches, related documents. */
@Controller
class DocumentController {

    private final DocumentService documents;
    private final FacetLabels labels;

    DocumentController(DocumentService documents, FacetLabels labels) {
        this.documents = documents;
        this.labels = labels;
    }

    @GetMapping("/doc/{id}")
    String document(@PathVariable String id, @RequestParam(required = false) String q, Model model,
                    HttpServletResponse response, Locale locale) throws IOException {
        java.util.Optional<DocumentService.DocumentView> document;
        try {
            document = documents.document(id, q == null ? "" : q, locale);
        } catch (IOException | RuntimeException unavailable) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", true);
            return "doc-missing";
        }
        if (document.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "doc-missing";
        }
        model.addAttribute("doc", document.get());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("back", SearchState.empty().withQuery(q == null ? "" : q));
        model.addAttribute("languageLabel", labels.label(Facet.LANGUAGE, document.get().language(), locale));
        model.addAttribute("sourceFacet", Facet.SOURCE);
        return "doc";
    }
}
