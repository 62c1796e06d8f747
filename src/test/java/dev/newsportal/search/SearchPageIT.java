package dev.newsportal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.newsportal.entities.EntityStage;
import dev.newsportal.ingest.IngestService;
import dev.newsportal.support.BrowserTestBase;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestCluster;
import dev.newsportal.support.TestIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** The search page in a real browser, on the seeds plus a hostile document. */
@PortalIntegrationTest
class SearchPageIT extends BrowserTestBase {

    private static final Path EXTRA = Path.of("target/it-search-extra").toAbsolutePath();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        FileSystemUtils.deleteRecursively(EXTRA);
        Files.createDirectories(EXTRA);
        Files.writeString(EXTRA.resolve("hostile.txt"), """
                Harbour alert <script>window.__xss = 1</script> report
                The harbour alert mentioned <img src=x onerror="window.__xss = 2"> in the middle of the text.
                """);
        registry.add("portal.ingest.alias", () -> "it-search");
        registry.add("portal.ingest.sources[0].name", () -> "seeds");
        registry.add("portal.ingest.sources[0].path", () -> "seeds");
        registry.add("portal.ingest.sources[1].name", () -> "wire");
        registry.add("portal.ingest.sources[1].path", EXTRA::toString);
    }

    @Autowired
    IngestService ingest;
    @Autowired
    EntityStage entities;

    @BeforeEach
    void indexed() throws Exception {
        TestIndex.ensureEnriched(ingest, entities);
    }

    @Test
    void typedQueryGivesHighlightedResultsThroughTheLanguageAnalyzers() {
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("Entlassungsrunden", Keys.ENTER);
        awaitUrlContaining("/search?q=Entlassungsrunden");
        assertThat(resultIds()).hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".hits mark"))).isNotEmpty();
        assertNoSeriousAccessibilityViolations();

        browser.get(url("/search?q=" + enc("従業員")));
        assertThat(browser.findElements(By.cssSelector(".hit .language"))).extracting(WebElement::getText)
                .containsExactly("Japanese");

        // a registry name finds the entity in another script: the Japanese seed writes マーク・ザッカーバーグ
        browser.get(url("/"));
        browser.findElement(By.id("q")).sendKeys("Zuckerberg", Keys.ENTER);
        awaitUrlContaining("/search?q=Zuckerberg");
        assertThat(browser.findElements(By.cssSelector(".hit .language"))).extracting(WebElement::getText)
                .contains("Japanese", "German", "French");
    }

    @Test
    void facetsWidenWithinAndNarrowAcrossAndTheUrlReproducesThePage() throws Exception {
        browser.get(url("/search"));
        int all = resultIds().size();
        assertThat(all).isEqualTo(6);
        String languageCountsOfAll = facetCounts("language");
        facetLink("person", "mark-zuckerberg").click();
        assertThat(resultIds()).hasSize((int) documentsWithPerson("mark-zuckerberg"));
        String personCountsBefore = facetCounts("person");
        String languageCountsWithOne = facetCounts("language");
        assertThat(languageCountsWithOne).isNotEqualTo(languageCountsOfAll); // other facets narrow

        // a second person, named in a document that does not name the first
        String second = browser.findElements(By.cssSelector("#facet-person a")).stream().filter(WebElement::isDisplayed)
                .map(a -> a.getDomAttribute("data-value")).filter(v -> !v.equals("mark-zuckerberg"))
                .filter(v -> documentsWithPerson(v, "mark-zuckerberg") > 0).findFirst().orElseThrow();
        facetLink("person", second).click();
        long either = documentsWithPerson("mark-zuckerberg") + documentsWithPerson(second, "mark-zuckerberg");
        assertThat(resultIds()).hasSize((int) either); // OR inside a facet: wider
        assertThat(either).isGreaterThan(documentsWithPerson("mark-zuckerberg"));
        assertThat(facetCounts("person")).isEqualTo(personCountsBefore); // its own counts stay
        assertThat(facetCounts("language")).isNotEqualTo(languageCountsWithOne);
        assertThat(browser.getCurrentUrl()).endsWith("/search?person=mark-zuckerberg&person=" + enc(second));

        String reproducible = browser.getCurrentUrl();
        List<String> ids = resultIds();
        browser.get(url("/"));
        browser.get(reproducible);
        assertThat(resultIds()).isEqualTo(ids);
        assertThat(facetLink("person", "mark-zuckerberg").getDomAttribute("data-selected")).isEqualTo("true");

        browser.findElement(By.cssSelector(".chips a.chip")).click(); // remove the first person
        assertThat(resultIds()).hasSize((int) documentsWithPerson(second));
        browser.findElement(By.id("clear-all")).click();
        assertThat(resultIds()).hasSize(all);
    }

    /** Counted in the index itself: documents naming {@code person} but not {@code without}. */
    private static long documentsWithPerson(String person, String... without) {
        try {
            return TestCluster.get().client().count(c -> c.index("it-search").query(q -> q.bool(b -> {
                b.filter(f -> f.term(t -> t.field("persons").value(person)));
                for (String other : without) {
                    b.mustNot(m -> m.term(t -> t.field("persons").value(other)));
                }
                return b;
            }))).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void documentTextIsEscapedAndNoScriptRuns() {
        browser.get(url("/search?q=harbour"));
        WebElement hit = browser.findElement(By.cssSelector(".hit"));
        assertThat(hit.getText()).contains("<script>window.__xss = 1</script>").contains("<img src=x onerror=");
        assertThat(browser.executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector(".hits img, .hits script"))).isEmpty();
    }

    @Test
    void brokenQueriesGiveANormalPageWithANotice() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String query : List.of("q=" + enc("\"unbalanced quote"), "q=OR", "q=" + enc("- * OR"),
                "q=" + enc("word ".repeat(2200)), "page=1000000000", "q=" + enc("title:") + "&sort=upside-down",
                "language=" + enc("<script>"))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/search?" + query))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String label = query.substring(0, Math.min(60, query.length()));
            assertThat(response.statusCode()).as(label).isEqualTo(200);
            assertThat(response.body()).as(label).contains("id=\"result-count\"").doesNotContain("<script>\"");
        }
    }

    @Test
    void misspeltQueryGetsANoResultsPageWithASuggestionThatWorks() {
        browser.get(url("/search?q=" + enc("Zuckerbreg")));
        assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("No results");
        WebElement suggestion = browser.findElement(By.cssSelector("#did-you-mean a"));
        assertThat(suggestion.getText()).isEqualTo("zuckerberg");
        suggestion.click();
        assertThat(resultIds()).isNotEmpty();
    }

    @Test
    void documentPageShowsTheWholeTextEscapedWithTheQueryHighlighted() throws Exception {
        browser.get(url("/search?q=harbour"));
        browser.findElement(By.cssSelector(".hit h2 a")).click();
        assertThat(browser.getCurrentUrl()).contains("/doc/").contains("q=harbour");
        String body = browser.findElement(By.id("doc-body")).getText();
        assertThat(body).contains("<img src=x onerror=\"window.__xss = 2\">");
        assertThat(browser.findElements(By.cssSelector("#doc-body mark"))).extracting(WebElement::getText).contains("harbour");
        assertThat(browser.executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("article img, article script"))).isEmpty();
        assertNoSeriousAccessibilityViolations();

        HttpResponse<String> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/doc/no-such-document"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Document not found");
    }

    @Test
    void languageSwitcherKeepsTheSearchAndEveryUiLanguageRenders() throws Exception {
        browser.get(url("/search?q=Meta&language=de"));
        assertNoSeriousAccessibilityViolations();
        for (String[] expected : new String[][] {{"de", "2 Treffer", "Deutsch"}, {"fr", "2 résultats", "allemand"},
                {"ja", "2 件", "ドイツ語"}, {"en", "2 results", "German"}}) {
            browser.findElement(By.cssSelector("a[data-lang='" + expected[0] + "']")).click();
            assertThat(browser.getCurrentUrl()).contains("q=Meta").contains("language=de");
            assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo(expected[1]);
            assertThat(facetLink("language", "de").findElement(By.cssSelector(".label")).getText()).isEqualTo(expected[2]);
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(expected[0]);
            assertThat(browser.getPageSource()).doesNotContain("??"); // Thymeleaf's mark of a missing message key
        }
    }

    @Test
    void onAPhoneTheFiltersStartCollapsedAndOpenFromTheKeyboard() {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(400, 800));
        try {
            browser.get(url("/search?q=Meta&language=de"));
            WebElement toggle = browser.findElement(By.cssSelector("#facet-panel > summary"));
            assertThat(toggle.isDisplayed()).isTrue();
            assertThat(toggle.getText()).isEqualTo("Filters");
            assertThat(browser.findElement(By.id("facet-panel")).getDomProperty("open")).isEqualTo("false");
            assertThat(facetLink("source", "iFanr").isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector(".chips a.chip")).isDisplayed()).isTrue(); // the selection stays in view
            assertNoSeriousAccessibilityViolations();

            toggle.sendKeys(Keys.ENTER);
            assertThat(browser.findElement(By.id("facet-panel")).getDomProperty("open")).isEqualTo("true");
            assertThat(facetLink("source", "iFanr").isDisplayed()).isTrue();
            assertThat(facetLink("language", "de").isDisplayed()).isTrue();
            assertNoSeriousAccessibilityViolations();

            toggle.sendKeys(Keys.SPACE);
            assertThat(facetLink("source", "iFanr").isDisplayed()).isFalse();
        } finally {
            browser.manage().window().setSize(desktop);
        }
        browser.get(url("/search?q=Meta&language=de"));
        assertThat(browser.findElement(By.cssSelector("#facet-panel > summary")).isDisplayed()).isFalse();
        assertThat(facetLink("source", "iFanr").isDisplayed()).isTrue();
    }

    /** Enter submits the form: the results are read from the next page, not from the one still showing. */
    private void awaitUrlContaining(String part) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains(part));
        assertThat(browser.getCurrentUrl()).contains(part);
    }

    private WebElement facetLink(String facet, String value) {
        return browser.findElement(By.cssSelector("#facet-" + facet + " a[data-value='" + value + "']"));
    }

    private String facetCounts(String facet) {
        return browser.findElements(By.cssSelector("#facet-" + facet + " a")).stream()
                .map(a -> a.getDomAttribute("data-value") + "=" + a.findElement(By.cssSelector(".count")).getText())
                .sorted().toList().toString();
    }

    private List<String> resultIds() {
        return browser.findElements(By.cssSelector(".hits .hit")).stream().map(e -> e.getDomAttribute("data-id")).toList();
    }


    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
