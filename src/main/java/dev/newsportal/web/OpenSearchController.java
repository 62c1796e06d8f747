package dev.newsportal.web;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The OpenSearch 1.1 description that lets browsers add the portal as a search engine. */
@Controller
class OpenSearchController {

    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    static final MediaType OPENSEARCH_UTF8 = MediaType.parseMediaType("application/opensearchdescription+xml;charset=UTF-8");
    /** OpenSearch 1.1 limits: ShortName 16 characters, Description 1024. */
    private static final int SHORT_NAME = 16;

    private final MessageSource messages;

    OpenSearchController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/opensearch.xml")
    ResponseEntity<byte[]> description(Locale locale) throws XMLStreamException {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String name = messages.getMessage("app.name", null, locale);
        String description = messages.getMessage("feed.opensearch.description", null, locale);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(OPENSEARCH);
        xml.writeStartElement(OPENSEARCH, "OpenSearchDescription");
        xml.writeDefaultNamespace(OPENSEARCH);
        text(xml, "ShortName", name.codePointCount(0, name.length()) <= SHORT_NAME ? name
                : name.substring(0, name.offsetByCodePoints(0, SHORT_NAME)));
        text(xml, "Description", description.length() <= 1024 ? description : description.substring(0, 1024));
        text(xml, "InputEncoding", "UTF-8");
        text(xml, "OutputEncoding", "UTF-8");
        text(xml, "Language", "*");
        url(xml, "text/html", "results", base + "/search?q={searchTerms}");
        url(xml, "application/atom+xml", "results", base + "/search.atom?q={searchTerms}");
        url(xml, "application/json", "results", base + "/api/search?q={searchTerms}&page={startPage?}");
        url(xml, "application/opensearchdescription+xml", "self", base + "/opensearch.xml");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(OPENSEARCH_UTF8).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(out.toByteArray());
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(OPENSEARCH, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void url(XMLStreamWriter xml, String type, String rel, String template) throws XMLStreamException {
        xml.writeEmptyElement(OPENSEARCH, "Url");
        xml.writeAttribute("type", type);
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("template", template);
    }
}
