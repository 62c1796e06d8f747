package dev.newsportal.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newsportal.ingest.IngestProperties;
import dev.newsportal.search.Facet;
import dev.newsportal.search.FacetLabels;
import dev.newsportal.search.SearchService;
import dev.newsportal.search.SearchService.ResultHit;
import dev.newsportal.search.SearchService.ResultPage;
import dev.newsportal.search.SearchState;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An Atom 1.0 feed (RFC 4287) for any search URL: the same parameters as {@code /search}, always
 * newest first, always the first page.
 */
@Controller
class FeedController {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final MediaType ATOM_UTF8 = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final Logger log = LoggerFactory.getLogger(FeedController.class);

    private final SearchService search;
    private final FacetLabels labels;
    private final MessageSource messages;
    private final ElasticsearchClient client;
    private final String alias;

    FeedController(SearchService search, FacetLabels labels, MessageSource messages, ElasticsearchClient client,
                   IngestProperties ingest) {
        this.search = search;
        this.labels = labels;
        this.messages = messages;
        this.client = client;
        this.alias = ingest.alias();
    }

    @GetMapping("/search.atom")
    ResponseEntity<byte[]> feed(HttpServletRequest request, Locale resolved) throws XMLStreamException {
        Locale ui = resolved; // ?lang= is applied by LocaleConfiguration for every request
        SearchState asked = SearchState.fromParameters(request.getParameterMap());
        // The feed's own address ignores sort and page; the page that shows its entries is the newest-first page 1.
        SearchState canonical = asked.withSort(SearchState.Sort.RELEVANCE);
        SearchState newest = asked.withSort(SearchState.Sort.NEWEST);
        ResultPage result = search.search(newest, ui);
        Map<String, Instant> ingested = ingested(result.hits());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        List<Instant> updated = new ArrayList<>();
        for (ResultHit h : result.hits()) {
            updated.add(h.published() != null ? h.published() : ingested.getOrDefault(h.id(), now));
        }
        Instant feedUpdated = updated.stream().max(Instant::compareTo).orElse(now);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String query = canonical.toQueryString();
        String appName = messages.getMessage("app.name", null, ui);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(ATOM);
        xml.writeStartElement(ATOM, "feed");
        xml.writeDefaultNamespace(ATOM);
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", ui.toLanguageTag());
        text(xml, "id", urn("feed:" + query));
        text(xml, "title", title(canonical, ui, appName));
        text(xml, "updated", feedUpdated.toString());
        link(xml, "self", "application/atom+xml",
                base + "/search.atom" + (query.isEmpty() ? "" : "?" + query));
        link(xml, "alternate", "text/html", base + newest.href());
        xml.writeStartElement(ATOM, "author");
        text(xml, "name", appName);
        text(xml, "uri", base + "/");
        xml.writeEndElement();
        xml.writeStartElement(ATOM, "generator");
        xml.writeAttribute("uri", base + "/");
        xml.writeCharacters(clean(appName));
        xml.writeEndElement();

        for (int i = 0; i < result.hits().size(); i++) {
            ResultHit h = result.hits().get(i);
            xml.writeStartElement(ATOM, "entry");
            text(xml, "id", urn("doc:" + h.id()));
            text(xml, "title", h.title() == null || h.title().isBlank() ? h.id() : h.title());
            text(xml, "updated", updated.get(i).toString());
            if (h.published() != null) {
                text(xml, "published", h.published().toString());
            }
            link(xml, "alternate", "text/html", base + SearchApiController.docPath(h.id()));
            if (h.language() != null) {
                category(xml, "language", h.language(), labels.label(Facet.LANGUAGE, h.language(), ui));
            }
            if (h.source() != null) {
                category(xml, "source", h.source(), labels.label(Facet.SOURCE, h.source(), ui));
            }
            for (var e : h.entities()) {
                category(xml, e.facet().parameter(), e.value(), e.label());
            }
            String summary = SearchApiController.plainText(h.snippetHtml());
            if (summary != null && !summary.isBlank()) {
                xml.writeStartElement(ATOM, "summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(clean(summary));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(ATOM_UTF8).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(out.toByteArray());
    }

    /** The query, else the selected filters, else "latest news". */
    private String title(SearchState state, Locale ui, String appName) {
        List<String> subject = new ArrayList<>();
        if (!state.q().isEmpty()) {
            subject.add(state.q());
        }
        for (Facet facet : Facet.values()) {
            for (String value : state.values(facet)) {
                subject.add(labels.label(facet, value, ui));
            }
        }
        if (subject.isEmpty()) {
            return messages.getMessage("feed.title.all", new Object[] {appName}, ui);
        }
        return messages.getMessage("feed.title", new Object[] {String.join(" · ", subject), appName}, ui);
    }

    /**
     * When each hit was indexed, for entries without a publication date: one small request for the
     * whole page (the result page does not carry it). Without it, such entries say "now".
     */
    @SuppressWarnings("rawtypes")
    private Map<String, Instant> ingested(List<ResultHit> hits) {
        List<String> ids = hits.stream().filter(h -> h.published() == null).map(ResultHit::id).toList();
        Map<String, Instant> times = new HashMap<>();
        if (ids.isEmpty()) {
            return times;
        }
        try {
            SearchResponse<Map> response = client.search(s -> s.index(alias).size(ids.size())
                    .query(q -> q.ids(i -> i.values(ids))).source(src -> src.filter(f -> f.includes("ingested"))), Map.class);
            for (Hit<Map> hit : response.hits().hits()) {
                Object value = hit.source() == null ? null : hit.source().get("ingested");
                if (value != null) {
                    times.put(hit.id(), Instant.parse(value.toString()));
                }
            }
        } catch (Exception e) {
            log.debug("No ingestion times for the feed: {}", e.toString());
        }
        return times;
    }

    /** A stable id that survives host names and ports: a name-based UUID. */
    private static String urn(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("newsportal:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static void category(XMLStreamWriter xml, String facet, String term, String label) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "category");
        xml.writeAttribute("scheme", "urn:newsportal:facet:" + facet);
        xml.writeAttribute("term", clean(term));
        xml.writeAttribute("label", clean(label));
    }

    /** Document text may hold characters XML 1.0 cannot carry (control characters, lone surrogates). */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null && ok) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
