package dev.newsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.newsportal.ingest.IngestJob;
import dev.newsportal.ingest.IngestProperties;
import dev.newsportal.entities.EntityStage;
import dev.newsportal.ingest.IngestService;
import dev.newsportal.support.BrowserTestBase;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestCluster;
import dev.newsportal.support.TestIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved searches in a real browser: save, list with counts, rename, open, delete, refusal, new since saved (also
 * across a reindex), and the list's cost in Elasticsearch requests.
 */
@PortalIntegrationTest
class SavedSearchIT extends BrowserTestBase {

    /** A second configured source, empty at first: a reindex picks up what a test writes there. */
    private static final Path WIRE = Path.of("target/it-saved-wire").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        FileSystemUtils.deleteRecursively(WIRE);
        Files.createDirectories(WIRE);
        registry.add("portal.ingest.alias", () -> "it-saved");
        registry.add("portal.ingest.index-on-first-start", () -> "false");
        registry.add("portal.ingest.sources[0].name", () -> "seeds");
        registry.add("portal.ingest.sources[0].path", () -> "seeds");
        registry.add("portal.ingest.sources[1].name", () -> "wire");
        registry.add("portal.ingest.sources[1].path", WIRE::toString);
        registry.add("portal.saved.index", () -> "it-saved-searches");
    }

    @Autowired
    IngestService ingest;

    @Autowired
    EntityStage entities;

    @TempDir
    Path extra;

    @BeforeEach
    void indexed() throws Exception {
        // Results compared across requests must not change under the entity stage in between.
        TestIndex.ensureEnriched(ingest, entities);
    }

    @Test
    void saveListRenameOpenAndDelete() {
        browser.get(url("/search?language=de"));
        long countOnSearchPage = resultCount();
        assertThat(countOnSearchPage).isPositive();

        save("/saved/new?language=de&page=2", "German news");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/saved"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("German news");
        WebElement row = row("German news").orElseThrow();
        assertThat(row.findElement(By.cssSelector(".count-then")).getText()).isEqualTo(Long.toString(countOnSearchPage));
        assertThat(row.findElement(By.cssSelector(".count-now")).getText()).isEqualTo(Long.toString(countOnSearchPage));
        assertThat(row.findElement(By.cssSelector(".new-since")).getText()).isEqualTo("0");
        assertThat(row.findElement(By.cssSelector(".saved-at")).getText()).isNotBlank();

        WebElement rename = row.findElement(By.cssSelector("form.rename input[name=name]"));
        assertThat(row.findElement(By.cssSelector("label[for='" + rename.getDomAttribute("id") + "']")).getText()).isNotBlank();
        rename.clear();
        rename.sendKeys("  Deutsche Nachrichten  ");
        submit(row.findElement(By.cssSelector("form.rename button")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Deutsche Nachrichten");
        assertThat(row("German news")).isEmpty();

        submit(row("Deutsche Nachrichten").orElseThrow().findElement(By.cssSelector("a.open")));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/search?language=de")); // page 2 was not saved
        assertThat(resultCount()).isEqualTo(countOnSearchPage);

        browser.get(url("/saved"));
        submit(row("Deutsche Nachrichten").orElseThrow().findElement(By.cssSelector("form.delete button")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Deutsche Nachrichten");
        assertThat(row("Deutsche Nachrichten")).isEmpty();
    }

    @Test
    void anEmptyNameIsRefusedWithAMessageAndTheSearchIsKept() {
        browser.get(url("/saved"));
        int before = browser.findElements(By.cssSelector(".saved-search")).size();
        save("/saved/new?q=Zuckerberg", "   ");
        WebElement error = browser.findElement(By.id("error"));
        assertThat(error.getText()).isEqualTo("Please give the search a name.");
        assertThat(error.getDomAttribute("role")).isEqualTo("alert");
        assertThat(browser.findElement(By.cssSelector("#save-form input[name=state]")).getDomAttribute("value"))
                .isEqualTo("q=Zuckerberg");
        assertThat(browser.findElement(By.id("saved-name")).getDomAttribute("aria-invalid")).isEqualTo("true");

        save("/saved/new?q=Zuckerberg", "x".repeat(100) + "y"); // maxlength keeps the browser at 100
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/saved"));
        WebElement row = row("x".repeat(100)).orElseThrow();
        submit(row.findElement(By.cssSelector("form.delete button")));
        browser.get(url("/saved"));
        assertThat(browser.findElements(By.cssSelector(".saved-search"))).hasSize(before);
    }

    @Test
    void newSinceSavedRisesWhenMatchingDocumentsAreIndexed() throws Exception {
        save("/saved/new?q=" + "quokka", "Quokkas");
        WebElement row = row("Quokkas").orElseThrow();
        assertThat(row.findElement(By.cssSelector(".count-then")).getText()).isEqualTo("0");
        assertThat(row.findElement(By.cssSelector(".new-since")).getText()).isEqualTo("0");

        writeArticle("quokka.txt", "Quokka sightings rise on Rottnest Island",
                "Wildlife researchers counted more quokka families on Rottnest Island this spring than in any year "
                        + "since the survey began. The quokka is a small marsupial that lives almost nowhere else.");
        IngestJob.Status update = ingest.update(List.of(new IngestProperties.Source("wildlife", extra)));
        assertThat(update.outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
        assertThat(update.indexed()).isEqualTo(1);

        browser.get(url("/saved"));
        row = row("Quokkas").orElseThrow();
        assertThat(row.findElement(By.cssSelector(".count-then")).getText()).isEqualTo("0");
        assertThat(row.findElement(By.cssSelector(".count-now")).getText()).isEqualTo("1");
        assertThat(row.findElement(By.cssSelector(".new-since")).getText()).isEqualTo("1");
        submit(row.findElement(By.cssSelector("form.delete button")));
    }

    @Test
    void aReindexKeepsIngestionTimesSoOnlyReallyNewDocumentsCountAsNew() throws Exception {
        save("/saved/new", "Everything");
        save("/saved/new?q=wombat", "Wombats");
        try {
            assertThat(cell("Everything", ".new-since")).isEqualTo("0");

            // The same documents rebuilt into a new index: none of them is new.
            assertThat(ingest.reindex().outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
            browser.get(url("/saved"));
            assertThat(cell("Everything", ".new-since")).isEqualTo("0");
            assertThat(cell("Wombats", ".count-now")).isEqualTo("0");

            // A document the next reindex finds for the first time is.
            Files.writeString(WIRE.resolve("wombat.txt"), "Wombat crossing closes a mountain road\n\n"
                    + "Rangers closed the mountain road for an hour while a wombat and her young crossed it slowly.\n");
            assertThat(ingest.reindex().outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
            browser.get(url("/saved"));
            assertThat(cell("Everything", ".new-since")).isEqualTo("1");
            assertThat(cell("Wombats", ".count-now")).isEqualTo("1");
            assertThat(cell("Wombats", ".new-since")).isEqualTo("1");
        } finally {
            delete("Everything");
            delete("Wombats");
        }
    }

    @Test
    void theListCountsAllItsSearchesInOneRoundTrip() throws Exception {
        List<String> names = List.of("Round trip (Meta)", "Round trip (de)", "Round trip (none)");
        save("/saved/new?q=Meta", names.get(0));
        save("/saved/new?language=de", names.get(1));
        save("/saved/new?q=nothingmatchesthis", names.get(2));
        try {
            Map<String, Long> before = searchRequests();
            browser.get(url("/saved"));
            Map<String, Long> after = searchRequests();
            for (String name : names) {
                assertThat(cell(name, ".count-now")).as(name).matches("\\d+");
                assertThat(cell(name, ".new-since")).as(name).isEqualTo("0");
            }
            assertThat(cell(names.get(2), ".count-now")).isEqualTo("0");
            // One _msearch for every entry's counts; the one _search is the list of saved searches itself.
            assertThat(after.get("_msearch") - before.get("_msearch")).isEqualTo(1);
            assertThat(after.get("_search") - before.get("_search")).isLessThanOrEqualTo(1);
        } finally {
            names.forEach(this::delete);
        }
    }

    @Test
    void countsThatCannotBeHadShowAsUnavailableAndThePageStillRenders() throws Exception {
        save("/saved/new?q=Meta", "Meta, unreachable");
        var client = TestCluster.get().client();
        String index = client.indices().getAlias(a -> a.name("it-saved")).result().keySet().iterator().next();
        client.indices().deleteAlias(d -> d.index(index).name("it-saved"));
        try {
            browser.get(url("/saved"));
            assertThat(cell("Meta, unreachable", ".count-then")).matches("\\d+");
            assertThat(cell("Meta, unreachable", ".count-now")).isEqualTo("not available");
            assertThat(cell("Meta, unreachable", ".new-since")).isEqualTo("not available");
        } finally {
            client.indices().putAlias(p -> p.index(index).name("it-saved"));
        }
        browser.get(url("/saved"));
        assertThat(cell("Meta, unreachable", ".count-now")).matches("\\d+");
        delete("Meta, unreachable");
    }

    @Test
    void savedSearchPagesAreAccessibleAndTranslated() {
        save("/saved/new?q=Meta&language=de&sort=newest", "Meta (de)");
        try {
            for (String[] expected : new String[][] {{"de", "Gespeicherte Suchen"}, {"fr", "Recherches enregistrées"},
                    {"ja", "保存した検索"}, {"en", "Saved searches"}}) {
                browser.get(url("/saved?lang=" + expected[0]));
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(expected[1]);
                assertThat(browser.getPageSource()).doesNotContain("??"); // a missing message key
                assertNoSeriousAccessibilityViolations();
                browser.get(url("/saved/new?q=Meta&language=de"));
                assertThat(browser.getPageSource()).doesNotContain("??");
                assertNoSeriousAccessibilityViolations();
            }
        } finally {
            browser.get(url("/saved?lang=en"));
        }
        WebElement row = row("Meta (de)").orElseThrow();
        assertThat(row.findElement(By.cssSelector(".meta")).getText()).contains("Meta").contains("German")
                .contains("Newest first");
        submit(row.findElement(By.cssSelector("form.delete button")));
        assertThat(row("Meta (de)")).isEmpty();
    }

    /** Opens the save form for a search and submits it under a name. */
    private void save(String formPath, String name) {
        browser.get(url(formPath));
        WebElement field = browser.findElement(By.id("saved-name"));
        assertThat(browser.findElement(By.cssSelector("label[for=saved-name]")).getText()).isNotBlank();
        field.clear();
        field.sendKeys(name);
        submit(browser.findElement(By.id("save")));
    }

    /** Clicks and waits for the next page, so that nothing is read from the old one. */
    private void submit(WebElement control) {
        WebElement page = browser.findElement(By.tagName("html"));
        control.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    private String cell(String name, String css) {
        return row(name).orElseThrow(() -> new AssertionError("no saved search " + name))
                .findElement(By.cssSelector(css)).getText();
    }

    /** Clean-up; Chrome may still be settling the previous navigation ("node does not belong to the document"). */
    private void delete(String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                browser.get(url("/saved"));
                row(name).ifPresent(r -> submit(r.findElement(By.cssSelector("form.delete button"))));
                return;
            } catch (org.openqa.selenium.WebDriverException settling) {
                if (attempt == 3) {
                    throw settling;
                }
            }
        }
    }

    /** Search and multi-search requests the node has received so far, from its HTTP route statistics. */
    private static Map<String, Long> searchRequests() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        TestCluster.get().uri().resolve("/_nodes/stats/http?filter_path=nodes.*.http.routes")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Long> counts = new TreeMap<>(Map.of("_search", 0L, "_msearch", 0L));
        for (JsonNode node : JSON.readTree(response.body()).path("nodes")) {
            for (Map.Entry<String, JsonNode> route : node.path("http").path("routes").properties()) {
                String last = route.getKey().substring(route.getKey().lastIndexOf('/') + 1);
                counts.computeIfPresent(last, (k, v) -> v + route.getValue().path("requests").path("count").asLong());
            }
        }
        return counts;
    }

    private Optional<WebElement> row(String name) {
        return browser.findElements(By.cssSelector(".saved-search")).stream()
                .filter(r -> r.findElement(By.cssSelector("a.open")).getText().equals(name)).findFirst();
    }

    private long resultCount() {
        String text = browser.findElement(By.id("result-count")).getText().replaceAll("\\D", "");
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    private void writeArticle(String file, String title, String body) throws IOException {
        Files.writeString(extra.resolve(file), title + "\n\n" + body + "\n");
    }
}
