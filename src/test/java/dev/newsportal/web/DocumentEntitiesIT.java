package dev.newsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.newsportal.entities.EntityStage;
import dev.newsportal.ingest.IngestService;
import dev.newsportal.support.BrowserTestBase;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestIndex;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persons and companies on the document page and in the results, after the entity stage has run over the seeds;
 * expectations come from the index itself, not from numbers written down here.
 */
@PortalIntegrationTest
class DocumentEntitiesIT extends BrowserTestBase {

    private static final String ALIAS = "it-doc-entities";
    private static final String ZUCKERBERG = "mark-zuckerberg";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("portal.ingest.alias", () -> ALIAS);
        registry.add("portal.ingest.sources[0].name", () -> "seeds");
        registry.add("portal.ingest.sources[0].path", () -> "seeds");
    }

    @Autowired
    IngestService ingest;

    @Autowired
    EntityStage stage;

    @Autowired
    ElasticsearchClient client;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void indexedAndRecognised() throws Exception {
        TestIndex.ensureIndexed(ingest);
        assertThat(stage.awaitIdle(5, TimeUnit.MINUTES)).as("entity stage idle").isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void japaneseDocumentLinksItsPersonsInTheUiLanguageAndRelatedDocumentsInOtherLanguages() throws Exception {
        List<Hit<Map>> japanese = search(Query.of(q -> q.term(t -> t.field("language").value("ja"))));
        assertThat(japanese).as("the Japanese seed").hasSize(1);
        String id = japanese.get(0).id();

        browser.get(url("/doc/" + id + "?lang=en"));
        assertThat(personLabels()).contains("Mark Zuckerberg");
        browser.get(url("/doc/" + id + "?lang=ja"));
        assertThat(personLabels()).contains("マーク・ザッカーバーグ").doesNotContain("Mark Zuckerberg");
        assertThat(browser.findElements(By.id("entities-pending"))).isEmpty();
        assertThat(browser.findElement(By.id("doc-body")).getDomAttribute("lang")).isEqualTo("ja");
        // most mentioned first, as the entity stage counted them
        List<Map<String, Object>> stored = (List<Map<String, Object>>) japanese.get(0).source().get("entities");
        for (String type : List.of("person", "company")) {
            List<Map<String, Object>> ofType = stored.stream().filter(e -> type.equals(e.get("type"))).toList();
            List<Integer> counts = browser.findElements(By.cssSelector("#doc-" + (type.equals("person") ? "persons" : "companies") + " a"))
                    .stream().map(a -> a.getDomAttribute("data-value"))
                    .map(key -> ofType.stream().filter(e -> key.equals(e.get("key"))).findFirst().orElseThrow())
                    .map(e -> ((Number) e.get("count")).intValue()).toList();
            assertThat(counts).hasSize(ofType.size()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }

        // Related: every document of another language sharing a registry entity, up to five, none in Japanese.
        Map<String, Object> source = (Map<String, Object>) japanese.get(0).source();
        List<String> expected = ids(sharingLinkedEntities(id, source, "ja"));
        assertThat(expected).as("other-language seeds about the same people or companies").isNotEmpty();
        List<WebElement> related = browser.findElements(By.cssSelector("#related > ul > li"));
        assertThat(related).hasSize(Math.min(5, expected.size()));
        assertThat(related).extracting(li -> li.getDomAttribute("data-language")).doesNotContain("ja");
        assertThat(expected).containsAll(related.stream().map(li -> li.getDomAttribute("data-id")).toList());
        List<String> otherZuckerberg = ids(search(Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("persons").value(ZUCKERBERG)))
                .mustNot(n -> n.term(t -> t.field("language").value("ja")))))));
        assertThat(otherZuckerberg).as("Zuckerberg in other languages").isNotEmpty();
        if (expected.size() <= 5) {
            assertThat(related.stream().map(li -> li.getDomAttribute("data-id")).toList()).containsAll(otherZuckerberg);
        }
        List<String> documentLabels = new ArrayList<>(personLabels());
        documentLabels.addAll(texts("#doc-companies a"));
        for (WebElement li : related) {
            List<String> shared = li.findElements(By.cssSelector(".shared")).stream().map(WebElement::getText).toList();
            assertThat(shared).isNotEmpty();
            assertThat(documentLabels).containsAll(shared);
        }
        assertNoSeriousAccessibilityViolations();

        // Follow the person: a search filtered by the registry id, whatever the script of the documents.
        browser.findElement(By.cssSelector("#doc-persons a[data-value='" + ZUCKERBERG + "']")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/search?person=" + ZUCKERBERG);
        List<String> all = ids(search(Query.of(q -> q.term(t -> t.field("persons").value(ZUCKERBERG)))));
        assertThat(browser.findElements(By.cssSelector(".hits .hit")).stream().map(e -> e.getDomAttribute("data-id")))
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(all).hasSize(otherZuckerberg.size() + 1);
    }

    @Test
    void resultsShowTopEntitiesAsTheApiLabelsThem() throws Exception {
        browser.get(url("/search?person=" + ZUCKERBERG + "&lang=ja"));
        JsonNode api = JsonMapper.builder().build().readTree(http.send(HttpRequest.newBuilder(
                URI.create(url("/api/search?person=" + ZUCKERBERG + "&lang=ja"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<WebElement> hits = browser.findElements(By.cssSelector(".hits .hit"));
        assertThat(hits).hasSize(api.get("hits").size()).isNotEmpty();
        boolean zuckerbergShown = false;
        for (int i = 0; i < hits.size(); i++) {
            JsonNode apiHit = api.get("hits").get(i);
            assertThat(hits.get(i).getDomAttribute("data-id")).isEqualTo(apiHit.get("id").asString());
            List<String> apiLabels = new ArrayList<>();
            Set<String> apiPersons = new HashSet<>();
            for (JsonNode e : apiHit.get("entities")) {
                apiLabels.add(e.get("label").asString());
                assertThat(e.get("type").asString()).isIn("person", "company");
                if ("person".equals(e.get("type").asString())) {
                    apiPersons.add(e.get("value").asString());
                }
                if (ZUCKERBERG.equals(e.get("value").asString())) {
                    assertThat(e.get("label").asString()).isEqualTo("マーク・ザッカーバーグ");
                }
            }
            // the API keeps its flat lists: the same persons, by key
            List<String> persons = new ArrayList<>();
            apiHit.get("persons").forEach(p -> persons.add(p.asString()));
            assertThat(apiPersons).containsExactlyInAnyOrderElementsOf(persons);
            assertThat(persons).contains(ZUCKERBERG);

            List<WebElement> links = hits.get(i).findElements(By.cssSelector(".entities a"));
            assertThat(links).extracting(WebElement::getText)
                    .containsExactlyElementsOf(apiLabels.subList(0, Math.min(4, apiLabels.size())));
            List<String> facets = links.stream().map(a -> a.getDomAttribute("data-facet")).toList();
            assertThat(facets).isSortedAccordingTo((a, b) -> a.equals(b) ? 0 : "person".equals(a) ? -1 : 1);
            for (WebElement a : links) {
                assertThat(a.getDomAttribute("href")).startsWith("/search?" + a.getDomAttribute("data-facet") + "=");
                if (ZUCKERBERG.equals(a.getDomAttribute("data-value"))) {
                    assertThat(a.getDomAttribute("href")).isEqualTo("/search?person=" + ZUCKERBERG);
                    zuckerbergShown = true;
                }
            }
        }
        assertThat(zuckerbergShown).as("Zuckerberg among the top entities of some hit").isTrue();
        assertNoSeriousAccessibilityViolations();

        // The feed lists them as categories.
        String feed = http.send(HttpRequest.newBuilder(URI.create(url("/search.atom?person=" + ZUCKERBERG + "&lang=ja")))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(feed).contains("scheme=\"urn:newsportal:facet:person\" term=\"mark-zuckerberg\" label=\"マーク・ザッカーバーグ\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void relatedDocumentsAreNeverInTheDocumentsOwnLanguage() throws Exception {
        boolean sameLanguageCandidate = false;
        for (Hit<Map> doc : search(Query.of(q -> q.matchAll(m -> m)))) {
            String language = (String) doc.source().get("language");
            var page = Jsoup.parse(http.send(HttpRequest.newBuilder(URI.create(url("/doc/" + doc.id()))).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(page.select("#related > ul > li").eachAttr("data-language")).as(doc.id()).doesNotContain(language);
            assertThat(page.select("#related > ul > li").eachAttr("data-id")).as(doc.id()).doesNotContain(doc.id());
            // documents of its own language sharing its entities exist (the two German seeds): the exclusion is real
            sameLanguageCandidate |= !sharingLinkedEntities(doc.id(), (Map<String, Object>) doc.source(), null).stream()
                    .filter(h -> language.equals(h.source().get("language"))).toList().isEmpty();
        }
        assertThat(sameLanguageCandidate).as("some document shares entities with one of its own language").isTrue();
    }

    @Test
    void aDocumentWaitingForRecognitionSaysSo() throws Exception {
        String id = search(Query.of(q -> q.term(t -> t.field("language").value("fr")))).get(0).id();
        String concrete = client.indices().getAlias(a -> a.name(ALIAS)).result().keySet().iterator().next();
        stage.stop(); // so that it does not recognise the document again before the page is read
        try {
            client.update(u -> u.index(concrete).id(id).doc(Map.of("entities_status", "pending"))
                    .refresh(Refresh.True), Map.class);
            browser.get(url("/doc/" + id + "?lang=fr"));
            assertThat(browser.findElement(By.id("entities-pending")).getText()).contains("reconnaissance");
        } finally {
            stage.start();
        }
        assertThat(stage.awaitIdle(2, TimeUnit.MINUTES)).isTrue();
        browser.get(url("/doc/" + id + "?lang=fr"));
        assertThat(browser.findElements(By.id("entities-pending"))).isEmpty();
    }

    /** Documents sharing a registry (not "~") person or company with the given one, except in {@code language}. */
    @SuppressWarnings("unchecked")
    private List<Hit<Map>> sharingLinkedEntities(String id, Map<String, Object> source, String language) throws Exception {
        List<FieldValue> persons = ((List<String>) source.getOrDefault("persons", List.of())).stream()
                .filter(k -> !k.startsWith("~")).map(FieldValue::of).toList();
        List<FieldValue> companies = ((List<String>) source.getOrDefault("companies", List.of())).stream()
                .filter(k -> !k.startsWith("~")).map(FieldValue::of).toList();
        return search(Query.of(q -> q.bool(b -> {
            b.should(s -> s.terms(t -> t.field("persons").terms(v -> v.value(persons))))
                    .should(s -> s.terms(t -> t.field("companies").terms(v -> v.value(companies))))
                    .minimumShouldMatch("1").mustNot(n -> n.ids(i -> i.values(id)));
            if (language != null) {
                b.mustNot(n -> n.term(t -> t.field("language").value(language)));
            }
            return b;
        })));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Hit<Map>> search(Query query) throws Exception {
        return client.search(s -> s.index(ALIAS).query(query).size(100), Map.class).hits().hits();
    }

    private static List<String> ids(List<Hit<Map>> hits) {
        return hits.stream().map(Hit::id).toList();
    }

    private List<String> personLabels() {
        return texts("#doc-persons a");
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
