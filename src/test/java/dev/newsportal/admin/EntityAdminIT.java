package dev.newsportal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsportal.entities.EntityStage;
import dev.newsportal.entities.EntityType;
import dev.newsportal.entities.RegistryService;
import dev.newsportal.ingest.IngestJob;
import dev.newsportal.ingest.IngestService;
import dev.newsportal.support.BrowserTestBase;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entities admin page over real HTTP, in a browser, on a small wire corpus with names the registry does not know:
 * an alias, an ignored name and a new entity take effect on the indexed documents after a reindex, not before.
 */
@PortalIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntityAdminIT extends BrowserTestBase {

    private static final String ALIAS = "it-entity-admin";
    private static final Path FOLDER = Path.of("target/it-entity-admin").toAbsolutePath();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Nvidia's founder under his registered name once and under his birth name three times (twice in English). */
    private static final String CORPUS = """
            {"id":"ea-1","lang":"en","source":"Wire","title":"Nvidia sales beat forecasts","body":"Nvidia co-founder Jen-Hsun Huang told analysts on Wednesday that demand for data-centre chips still exceeds supply. Jen-Hsun Huang said the company would ship its next generation of accelerators in the spring."}
            {"id":"ea-2","lang":"en","source":"Wire","title":"Chip makers gather in Taipei","body":"At the Computex trade fair in Taipei, Jen-Hsun Huang presented a new line of processors for robots and said that Taiwanese suppliers would build most of them."}
            {"id":"ea-3","lang":"de","source":"Wire","title":"Nvidia erhöht die Prognose","body":"Firmenchef Jen-Hsun Huang sagte am Mittwoch, die Nachfrage nach Rechenzentren sei ungebrochen. Der Konzern rechnet im laufenden Quartal mit einem deutlich höheren Umsatz als bisher erwartet."}
            {"id":"ea-4","lang":"en","source":"Wire","title":"Memory prices keep rising","body":"Ada Quintero, a semiconductor analyst at Harbour Research in Lisbon, said memory prices would keep rising until the summer. Quintero expects new factories to ease the shortage next year."}
            {"id":"ea-5","lang":"en","source":"Wire","title":"Smartphone shipments fall","body":"Shipments of smartphones fell for the third quarter in a row, according to Ada Quintero of Harbour Research, who blamed higher memory prices."}
            {"id":"ea-6","lang":"en","source":"Wire","title":"Developer conference opens","body":"Jensen Huang opened the developer conference in San Jose with a two-hour keynote on software for factories."}
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        FileSystemUtils.deleteRecursively(FOLDER);
        Files.createDirectories(FOLDER);
        Files.writeString(FOLDER.resolve("wire.jsonl"), CORPUS);
        registry.add("portal.ingest.alias", () -> ALIAS);
        registry.add("portal.admin.jobs-index", () -> "it-jobs-entity-admin");
        registry.add("portal.entities.index", () -> "it-entities-admin");
        registry.add("portal.ingest.sources[0].name", () -> "wire");
        registry.add("portal.ingest.sources[0].path", FOLDER::toString);
    }

    @Autowired
    IngestService ingest;

    @Autowired
    EntityStage stage;

    @Autowired
    RegistryService registry;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void indexedAndRecognised() throws Exception {
        TestIndex.ensureEnriched(ingest, stage);
    }

    @Test
    @Order(1)
    void anonymousVisitorsNeitherSeeThePageNorChangeTheRegistry() throws Exception {
        HttpClient anonymous = session();
        HttpResponse<String> page = anonymous.send(get("/admin/entities"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(anonymous.send(get("/admin/entities/status"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(302);

        String ignoreComputex = "type=COMPANY&key=" + enc("~computex") + "&name=Computex";
        assertThat(anonymous.send(post("/admin/entities/ignore", ignoreComputex), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isIn(302, 403); // no CSRF token
        String token = csrf(anonymous.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> withToken = anonymous.send(post("/admin/entities/ignore", ignoreComputex + "&_csrf=" + token),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(302);
        assertThat(withToken.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(anonymous.send(post("/admin/entities/alias", "id=jensen-huang&name=Ada+Quintero&_csrf=" + token),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location")).get().asString().endsWith("/login");

        assertThat(anonymous.send(get("/api/admin/entities"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        assertThat(anonymous.send(postJson("/api/admin/entities/ignore",
                "{\"type\":\"COMPANY\",\"key\":\"~computex\",\"name\":\"Computex\"}"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
        assertThat(anonymous.send(withBasic(postJson("/api/admin/entities/create",
                "{\"type\":\"PERSON\",\"name\":\"Ada Quintero\"}"), "wrong"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);

        assertThat(registry.ignored()).isEmpty();
        assertThat(registry.resolve("Ada Quintero", EntityType.PERSON)).isEmpty();
        assertThat(registry.resolve("Jen-Hsun Huang", EntityType.PERSON)).isEmpty();
    }

    @Test
    @Order(2)
    void aliasIgnoreAndNewEntityMoveTheIndexedDocumentsAfterAReindex() throws Exception {
        signIn();
        assertThat(personFacet()).containsEntry("~jen-hsun huang", 3L).containsEntry("jensen-huang", 1L);

        // The work list: unlinked names with their counts, linked to the search filtered by them.
        WebElement birthName = row("persons", "~jen-hsun huang");
        assertThat(birthName.findElement(By.cssSelector(".unlinked-name")).getText()).isEqualTo("Jen-Hsun Huang");
        assertThat(birthName.findElement(By.cssSelector(".count")).getText()).isEqualTo("3");
        assertThat(birthName.findElement(By.cssSelector(".unlinked-name")).getDomAttribute("href"))
                .isEqualTo("/search?person=~jen-hsun%20huang");
        assertThat(row("persons", "~ada quintero").findElement(By.cssSelector(".count")).getText()).isEqualTo("2");
        assertThat(row("companies", "~harbour research").findElement(By.cssSelector(".count")).getText()).isEqualTo("2");
        assertThat(row("companies", "~computex").findElement(By.cssSelector(".count")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#unlinked-persons tr[data-key='jensen-huang']")))
                .as("registry entities are not unlinked names").isEmpty();
        assertThat(browser.findElement(By.id("reindex-hint")).getText()).contains("from now on", "until the next reindex");

        // (a) Jen-Hsun Huang is Jensen Huang.
        new Select(birthName.findElement(By.cssSelector("form.alias select"))).selectByVisibleText("Jensen Huang");
        birthName.findElement(By.cssSelector("form.alias button")).click();
        await().until(d -> !d.findElements(By.id("notice")).isEmpty());
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Jen-Hsun Huang", "Jensen Huang");
        assertThat(row("persons", "~jen-hsun huang").findElement(By.cssSelector(".linked")).getText())
                .contains("Jensen Huang");
        assertThat(registry.resolve("Jen-Hsun Huang", EntityType.PERSON)).contains("jensen-huang");
        assertThat(personFacet()).as("documents already indexed change only with a reindex")
                .containsEntry("~jen-hsun huang", 3L).containsEntry("jensen-huang", 1L);

        // Bad input is a message on the page, not an error page.
        WebElement ada = row("persons", "~ada quintero");
        browser.executeScript("arguments[0].add(new Option('gone', 'no-such-entity', true, true))",
                ada.findElement(By.cssSelector("form.alias select")));
        ada.findElement(By.cssSelector("form.alias button")).click();
        await().until(d -> !d.findElements(By.id("error")).isEmpty());
        assertThat(browser.findElement(By.id("error")).getText()).contains("Ada Quintero", "no entity no-such-entity");
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at dev.newsportal");
        assertThat(registry.resolve("Ada Quintero", EntityType.PERSON)).isEmpty();

        // (c) Computex is a trade fair, not a company.
        row("companies", "~computex").findElement(By.cssSelector("form.ignore button")).click();
        await().until(d -> !d.findElements(By.id("notice")).isEmpty());
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Computex");
        assertThat(browser.findElements(By.cssSelector("#unlinked-companies tr[data-key='~computex']"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#ignored tr[data-key='~computex']")).getText()).contains("Computex");
        assertNoSeriousAccessibilityViolations();

        // (b) and the JSON twin: Harbour Research becomes an entity; a name cannot belong to two entities.
        JsonNode listed = json.readTree(api(get("/api/admin/entities")).body());
        assertThat(listed.get("companies").findValuesAsString("key")).contains("~harbour research")
                .doesNotContain("~computex");
        HttpResponse<String> created = api(postJson("/api/admin/entities/create",
                "{\"type\":\"COMPANY\",\"name\":\"Harbour Research\"}"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json.readTree(created.body()).get("entity").get("id").asString()).isEqualTo("harbour-research");
        HttpResponse<String> taken = api(postJson("/api/admin/entities/alias",
                "{\"id\":\"elon-musk\",\"name\":\"Jen-Hsun Huang\"}"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(json.readTree(taken.body()).get("error").asString()).contains("jensen-huang");

        // The reindex button right on the page; then the stage recognises the new index with the edited registry.
        IngestJob.Status before = ingest.last().orElse(null);
        browser.get(url("/admin/entities"));
        browser.findElement(By.id("reindex")).click();
        awaitReindexAfter(before);
        assertThat(ingest.last().orElseThrow().outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
        assertThat(stage.awaitIdle(3, TimeUnit.MINUTES)).isTrue();

        Map<String, Long> persons = personFacet();
        assertThat(persons).containsEntry("jensen-huang", 4L).doesNotContainKey("~jen-hsun huang")
                .as("unlinked names are still recognised").containsEntry("~ada quintero", 2L);
        Map<String, Long> companies = facet("company");
        assertThat(companies).containsEntry("harbour-research", 2L).doesNotContainKey("~harbour research")
                .doesNotContainKey("~computex").containsEntry("nvidia", 2L);
        assertThat(json.readTree(publicGet("/api/search?person=jensen-huang").body()).get("total").asLong()).isEqualTo(4);

        browser.get(url("/admin/entities"));
        assertThat(browser.findElements(By.cssSelector("#unlinked-persons tr[data-key='~jen-hsun huang']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#unlinked-companies tr[data-key='~harbour research']"))).isEmpty();
        assertThat(row("persons", "~ada quintero")).isNotNull();
    }

    @Test
    @Order(3)
    void overviewShowsTheRecognitionBacklogOfTheLiveIndex() throws Exception {
        signIn();
        browser.get(url("/admin"));
        assertThat(browser.findElement(By.id("entities-total")).getText()).isEqualTo("6");
        assertThat(browser.findElement(By.id("entities-pending")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("entities-done")).getText()).isEqualTo("6");
        assertThat(browser.findElement(By.id("entities-percent")).getText()).isEqualTo("100");
        assertThat(browser.findElement(By.id("entities-progress")).getDomProperty("value")).isEqualTo("100");
        browser.findElement(By.id("entities-link")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/admin/entities");

        JsonNode overview = json.readTree(api(get("/api/admin/overview")).body()).get("entities");
        assertThat(overview.get("total").asLong()).isEqualTo(6);
        assertThat(overview.get("pending").asLong()).isZero();
        assertThat(overview.get("percent").asInt()).isEqualTo(100);
        assertThat(overview.get("idle").asBoolean()).isTrue();
    }

    private void signIn() {
        browser.get(url("/admin/entities"));
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys("it-admin-secret");
            browser.findElement(By.id("sign-in")).click();
            // the saved request comes back with Spring Security's "?continue" marker
            await().until(d -> d.getCurrentUrl().contains("/admin/entities") && !d.getCurrentUrl().contains("/login"));
        }
    }

    private WebElement row(String group, String key) {
        return browser.findElement(By.cssSelector("#unlinked-" + group + " tr[data-key='" + key + "']"));
    }

    private void awaitReindexAfter(IngestJob.Status before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            IngestJob.Status last = ingest.last().orElse(null);
            if (ingest.current().isEmpty() && last != null && (before == null || !last.id().equals(before.id()))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the reindex did not finish");
    }

    private Map<String, Long> personFacet() throws Exception {
        return facet("person");
    }

    private Map<String, Long> facet(String name) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode v : json.readTree(publicGet("/api/search").body()).get("facets").get(name)) {
            counts.put(v.get("value").asString(), v.get("count").asLong());
        }
        return counts;
    }

    private WebDriverWait await() {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.WebDriverException.class);
    }

    private HttpResponse<String> publicGet(String path) throws Exception {
        return session().send(get(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(HttpRequest request) throws Exception {
        return session().send(withBasic(request, "it-admin-secret"), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient session() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("page carries a CSRF token").isTrue();
        return m.group(1);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private HttpRequest postJson(String path, String body) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest withBasic(HttpRequest request, String password) {
        return HttpRequest.newBuilder(request, (n, v) -> true).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
