package dev.newsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.newsportal.entities.EntityStage;
import dev.newsportal.ingest.IngestService;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestIndex;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Atom feed, the JSON API and the OpenSearch description, over real HTTP on the seeds. */
@PortalIntegrationTest
class FeedsAndApiIT {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    private static final List<String> FACETS = List.of("language", "source", "company", "person");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("portal.ingest.alias", () -> "it-feeds");
        registry.add("portal.ingest.sources[0].name", () -> "seeds");
        registry.add("portal.ingest.sources[0].path", () -> "seeds");
    }

    @Autowired
    IngestService ingest;

    @Autowired
    EntityStage entities;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void indexed() throws Exception {
        // Results compared across requests must not change under the entity stage in between.
        TestIndex.ensureEnriched(ingest, entities);
    }

    @Test
    void atomFeedIsWellFormedAtomNewestFirstWhateverTheSort() throws Exception {
        HttpResponse<byte[]> response = get("/search.atom?q=Meta&sort=oldest&page=3", "en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/atom+xml").containsIgnoringCase("charset=UTF-8");
        Document doc = parse(response.body());
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertRfc4287(feed);

        assertThat(text(feed, "title")).contains("Meta");
        assertThat(link(feed, "self")).isEqualTo(url("/search.atom?q=Meta"));
        assertThat(link(feed, "alternate")).isEqualTo(url("/search?q=Meta&sort=newest"));

        List<Element> entries = children(feed, "entry");
        assertThat(entries).isNotEmpty();
        // The same documents in the same order as the newest-first page 1.
        JsonNode newest = api("/api/search?q=Meta&sort=newest", "en");
        List<String> feedIds = entries.stream().map(e -> link(e, "alternate"))
                .map(href -> href.substring(href.lastIndexOf('/') + 1)).toList();
        assertThat(feedIds).isEqualTo(ids(newest));

        // Newest first: dated entries in descending order, ahead of undated ones (ordered by indexing time).
        List<Instant> dated = new ArrayList<>();
        List<Instant> undated = new ArrayList<>();
        for (Element e : entries) {
            Instant updated = Instant.parse(text(e, "updated"));
            if (children(e, "published").isEmpty()) {
                undated.add(updated);
            } else {
                assertThat(undated).as("dated entries come first").isEmpty();
                assertThat(Instant.parse(text(e, "published"))).isEqualTo(updated);
                dated.add(updated);
            }
        }
        assertThat(dated).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(undated).isSortedAccordingTo((a, b) -> b.compareTo(a));
        Instant feedUpdated = Instant.parse(text(feed, "updated"));
        for (Element e : entries) {
            assertThat(Instant.parse(text(e, "updated"))).isBeforeOrEqualTo(feedUpdated);
            assertThat(link(e, "alternate")).startsWith(url("/doc/"));
            assertThat(text(e, "id")).startsWith("urn:uuid:");
            assertThat(children(e, "category")).extracting(c -> c.getAttribute("scheme"))
                    .contains("urn:newsportal:facet:language", "urn:newsportal:facet:source");
            for (Element summary : children(e, "summary")) {
                assertThat(summary.getAttribute("type")).isEqualTo("text");
                assertThat(summary.getTextContent()).doesNotContain("<mark>", "&lt;", "&amp;").isNotBlank();
            }
        }
        assertThat(entries.stream().flatMap(e -> children(e, "summary").stream())).isNotEmpty();

        // Ids are stable: a second fetch and a reordered URL give the same feed and entry ids.
        Element again = parse(get("/search.atom?sort=newest&q=Meta", "de").body()).getDocumentElement();
        assertThat(text(again, "id")).isEqualTo(text(feed, "id"));
        assertThat(children(again, "entry").stream().map(e -> text(e, "id")).toList())
                .isEqualTo(entries.stream().map(e -> text(e, "id")).toList());
        assertThat(again.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("de");
    }

    @Test
    void apiMatchesTheSearchPageForTheSameUrl() throws Exception {
        for (String query : List.of("q=Meta", "q=Meta&language=de&language=fr", "language=de&sort=oldest",
                "q=Zuckerberg&sort=newest")) {
            for (String ui : List.of("en", "de")) {
                JsonNode api = api("/api/search?" + query, ui);
                org.jsoup.nodes.Document page = Jsoup.parse(new String(get("/search?" + query, ui).body(),
                        StandardCharsets.UTF_8));
                String label = query + " [" + ui + "]";
                assertThat(api.get("query").asString()).as(label).isEqualTo(query.replace("sort=oldest", "sort=oldest"));
                assertThat(api.get("page").asInt()).as(label).isEqualTo(1);
                assertThat(api.get("total").asLong()).as(label)
                        .isEqualTo(Long.parseLong(page.getElementById("result-count").text().replaceAll("\\D", "")));
                assertThat(ids(api)).as(label).isNotEmpty()
                        .isEqualTo(page.select(".hits .hit").eachAttr("data-id"));
                for (String facet : FACETS) {
                    Map<String, String> fromApi = new TreeMap<>();
                    for (JsonNode v : api.get("facets").get(facet)) {
                        fromApi.put(v.get("value").asString(), v.get("label").asString() + "=" + v.get("count").asLong()
                                + (v.get("selected").asBoolean() ? "*" : ""));
                    }
                    Map<String, String> fromPage = new TreeMap<>();
                    for (org.jsoup.nodes.Element a : page.select("#facet-" + facet + " a[data-value]")) {
                        fromPage.put(a.attr("data-value"), a.selectFirst(".label").text() + "=" + a.selectFirst(".count").text()
                                + ("true".equals(a.attr("data-selected")) ? "*" : ""));
                    }
                    assertThat(fromApi).as(label + " facet " + facet).isEqualTo(fromPage);
                }
                JsonNode hit = api.get("hits").get(0);
                for (String field : List.of("id", "title", "language", "source", "published", "url", "persons",
                        "companies", "entities", "snippet")) {
                    assertThat(hit.has(field)).as(label + " hit field " + field).isTrue();
                }
            }
        }
        // Labels follow the UI language, also when asked for with ?lang.
        assertThat(languageLabel(api("/api/search?language=de", "en"))).isEqualTo("German");
        assertThat(languageLabel(api("/api/search?language=de", "de"))).isEqualTo("Deutsch");
        assertThat(languageLabel(api("/api/search?language=de&lang=fr", "en"))).isEqualTo("allemand");
        // Snippets are plain text; the highlighted form keeps only our own markup.
        JsonNode hit = api("/api/search?q=Zuckerberg", "en").get("hits").get(0);
        assertThat(hit.get("snippet").asString()).doesNotContain("<mark>");
        assertThat(hit.get("snippetHtml").asString()).contains("<mark>");
    }

    @Test
    void openSearchDescriptionIsValidAndPointsAtTheSearchAndTheFeed() throws Exception {
        HttpResponse<byte[]> response = get("/opensearch.xml", "en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/opensearchdescription+xml");
        Element root = parse(response.body()).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(OPENSEARCH);
        assertThat(root.getLocalName()).isEqualTo("OpenSearchDescription");
        List<Element> shortName = children(root, OPENSEARCH, "ShortName");
        assertThat(shortName).hasSize(1);
        assertThat(shortName.get(0).getTextContent()).isEqualTo("News portal").hasSizeLessThanOrEqualTo(16);
        assertThat(children(root, OPENSEARCH, "Description")).hasSize(1);
        assertThat(children(root, OPENSEARCH, "InputEncoding").get(0).getTextContent()).isEqualTo("UTF-8");
        Map<String, String> templates = new TreeMap<>();
        for (Element u : children(root, OPENSEARCH, "Url")) {
            templates.put(u.getAttribute("type"), u.getAttribute("template"));
        }
        assertThat(templates).containsEntry("text/html", url("/search?q={searchTerms}"))
                .containsEntry("application/atom+xml", url("/search.atom?q={searchTerms}"))
                .containsKey("application/json");
        assertThat(templates.get("application/json")).startsWith(url("/api/search?q={searchTerms}"));
        // The templates work when a browser fills them in.
        String filled = templates.get("text/html").replace("{searchTerms}", "Meta");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(filled)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(200);
        String japanese = text(parse(get("/opensearch.xml", "ja").body()).getDocumentElement(), OPENSEARCH, "ShortName");
        assertThat(japanese).isEqualTo("ニュースポータル");
    }

    @Test
    void brokenQueriesGiveNormalAnswersWithNotices() throws Exception {
        for (String query : List.of("q=" + enc("\"unbalanced quote"), "q=OR", "q=" + enc("- * OR"),
                "q=" + enc("word ".repeat(2200)), "page=1000000000", "page=-5&sort=upside-down",
                "q=" + enc("title:"), "language=" + enc("<script>"))) {
            String label = query.substring(0, Math.min(60, query.length()));
            HttpResponse<byte[]> api = get("/api/search?" + query, "en");
            assertThat(api.statusCode()).as(label).isEqualTo(200);
            JsonNode body = json.readTree(api.body());
            assertThat(body.get("page").asInt()).as(label).isBetween(1, 50);
            assertThat(body.get("notices").isArray()).as(label).isTrue();
            HttpResponse<byte[]> feed = get("/search.atom?" + query, "en");
            assertThat(feed.statusCode()).as(label).isEqualTo(200);
            assertRfc4287(parse(feed.body()).getDocumentElement());
        }
        // Bytes that are not UTF-8 are refused by the servlet container before any controller runs: a 400, like the page.
        assertThat(get("/api/search?q=%C3%28", "en").statusCode()).isEqualTo(400);
        assertThat(get("/search.atom?q=%C3%28", "en").statusCode()).isEqualTo(400);
        assertThat(api("/api/search?q=" + enc("\"unbalanced quote"), "en").get("notices").toString()).contains("query.notice.unbalancedQuote");
        assertThat(api("/api/search?page=1000000000", "en").get("page").asInt()).isEqualTo(50);
    }

    /** RFC 4287's required elements: feed id, title, updated, author (or on every entry); entry id, title, updated, link or content. */
    private static void assertRfc4287(Element feed) {
        for (String name : List.of("id", "title", "updated")) {
            assertThat(children(feed, name)).as("feed/%s", name).hasSize(1);
        }
        assertThat(children(feed, "updated").get(0).getTextContent()).matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)");
        boolean feedAuthor = !children(feed, "author").isEmpty();
        for (Element author : children(feed, "author")) {
            assertThat(children(author, "name")).hasSize(1);
        }
        assertThat(children(feed, "link").stream().filter(l -> "alternate".equals(l.getAttribute("rel"))).count())
                .isLessThanOrEqualTo(1);
        for (Element entry : children(feed, "entry")) {
            for (String name : List.of("id", "title", "updated")) {
                assertThat(children(entry, name)).as("entry/%s", name).hasSize(1);
            }
            Instant.parse(children(entry, "updated").get(0).getTextContent());
            URI.create(children(entry, "id").get(0).getTextContent()); // an IRI
            assertThat(feedAuthor || !children(entry, "author").isEmpty()).as("entry author").isTrue();
            assertThat(!children(entry, "link").isEmpty() || !children(entry, "content").isEmpty()).isTrue();
            for (Element l : children(entry, "link")) {
                assertThat(l.getAttribute("href")).isNotEmpty();
            }
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> children(Element parent, String name) {
        return children(parent, ATOM, name);
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return text(parent, ATOM, name);
    }

    private static String text(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0).getTextContent();
    }

    private static String link(Element parent, String rel) {
        List<String> hrefs = children(parent, "link").stream().filter(l -> rel.equals(l.getAttribute("rel")))
                .map(l -> l.getAttribute("href")).toList();
        assertThat(hrefs).as("link rel=" + rel).hasSize(1);
        return hrefs.get(0);
    }

    private static List<String> ids(JsonNode api) {
        List<String> ids = new ArrayList<>();
        api.get("hits").forEach(h -> ids.add(h.get("id").asString()));
        return ids;
    }

    private static String languageLabel(JsonNode api) {
        for (JsonNode v : api.get("facets").get("language")) {
            if ("de".equals(v.get("value").asString())) {
                return v.get("label").asString();
            }
        }
        return null;
    }

    private JsonNode api(String path, String language) throws Exception {
        HttpResponse<byte[]> response = get(path, language);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return json.readTree(response.body());
    }

    private HttpResponse<byte[]> get(String path, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", language).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
