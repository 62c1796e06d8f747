package dev.newsportal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsportal.ingest.IngestJob;
import dev.newsportal.ingest.IngestService;
import dev.newsportal.support.BrowserTestBase;
import dev.newsportal.support.PortalIntegrationTest;
import dev.newsportal.support.TestIndex;
import dev.newsportal.support.TestCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** The admin page in a real browser: reindex with live progress under search load, double click, cancel. */
@PortalIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserIT extends BrowserTestBase {

    private static final String ALIAS = "it-admin-ui";
    private static final Path FOLDER = Path.of("target/it-admin-ui").toAbsolutePath();
    private static final int RECORDS = 20_000;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        FileSystemUtils.deleteRecursively(FOLDER);
        Files.createDirectories(FOLDER);
        StringBuilder jsonl = new StringBuilder();
        String[] langs = {"en", "de", "fr"};
        for (int i = 0; i < RECORDS; i++) {
            jsonl.append("{\"id\":\"ui-").append(i).append("\",\"title\":\"Harbour report ").append(i)
                    .append("\",\"body\":\"Ships and cargo, report number ").append(i).append(".\",\"lang\":\"")
                    .append(langs[i % 3]).append("\",\"source\":\"Wire ").append(i % 4).append("\"}\n");
        }
        Files.writeString(FOLDER.resolve("wire.jsonl"), jsonl);
        registry.add("portal.ingest.alias", () -> ALIAS);
        registry.add("portal.admin.jobs-index", () -> "it-jobs-ui");
        registry.add("portal.ingest.sources[0].name", () -> "wire");
        registry.add("portal.ingest.sources[0].path", FOLDER::toString);
        registry.add("portal.ingest.bulk-actions", () -> "200");
    }

    @Autowired
    IngestService ingest;

    @Autowired
    JobHistory history;

    private final ElasticsearchClient client = TestCluster.get().client();

    @BeforeEach
    void liveIndexAndSignedIn() throws Exception {
        TestIndex.ensureIndexed(ingest);
        browser.get(url("/admin"));
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys("it-admin-secret");
            browser.findElement(By.id("sign-in")).click();
            await().until(d -> d.getCurrentUrl().contains("/admin") && !d.getCurrentUrl().contains("/login"));
        }
    }

    @Test
    @Order(1)
    void reindexShowsProgressToCompletionWhileSearchesKeepWorking() throws Exception {
        AtomicBoolean searching = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        Thread searcher = new Thread(() -> {
            while (searching.get()) {
                try {
                    if (client.search(s -> s.index(ALIAS).query(q -> q.match(m -> m.field("body").query("cargo"))),
                            Map.class).hits().total().value() == 0) {
                        bad.incrementAndGet();
                    }
                } catch (Exception e) {
                    bad.incrementAndGet();
                }
                searches.incrementAndGet();
            }
        });
        searcher.start();
        List<Integer> progress = new ArrayList<>();
        IngestJob.Status job;
        try {
            browser.findElement(By.id("reindex")).click();
            await().until(d -> !d.findElements(By.id("job-progress")).isEmpty()
                    && "running".equals(d.findElement(By.id("job-outcome")).getText()));
            // Sample the bar the page's script keeps moving, until the page reloads with the result.
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (!"running".equals(browser.findElement(By.id("job-outcome")).getText())) {
                        break;
                    }
                    String value = browser.findElement(By.id("job-progress")).getDomProperty("value");
                    progress.add((int) Double.parseDouble(value));
                } catch (org.openqa.selenium.WebDriverException reloading) {
                    // the page reloads when the job ends (stale or detached elements)
                }
                Thread.sleep(100);
            }
            job = ingest.last().orElseThrow();
        } finally {
            searching.set(false);
            searcher.join();
        }
        assertThat(job.outcome()).isEqualTo(IngestJob.Outcome.SUCCEEDED);
        assertThat(progress).as("the bar moved while the job ran").anyMatch(p -> p > 0 && p < 100);
        await().until(d -> d.findElement(By.id("job-outcome")).getText().equals("succeeded"));
        assertThat(browser.findElement(By.id("concrete-index")).getText()).isEqualTo(job.targetIndex());
        assertThat(browser.findElement(By.id("document-count")).getText().replaceAll("\\D", "")).isEqualTo(String.valueOf(RECORDS));
        assertThat(searches.get()).isGreaterThan(10);
        assertThat(bad.get()).as("searches failing or empty during the reindex").isZero();
    }

    @Test
    @Order(2)
    void clickingReindexTwiceQuicklyStartsOneJob() throws Exception {
        int before = history.recent(100).size();
        WebElement button = browser.findElement(By.id("reindex"));
        new Actions(browser).doubleClick(button).perform();
        awaitNoJob();
        Thread.sleep(500);
        assertThat(history.recent(100)).hasSize(before + 1);
    }

    @Test
    @Order(3)
    void cancellingKeepsThePreviousIndexLiveAndMarksTheJobCancelled() throws Exception {
        List<String> live = List.copyOf(client.indices().getAlias(a -> a.name(ALIAS)).result().keySet());
        browser.findElement(By.id("reindex")).click();
        await().until(d -> !d.findElements(By.id("cancel")).isEmpty());
        browser.findElement(By.id("cancel")).click();
        awaitNoJob();
        IngestJob.Status job = ingest.last().orElseThrow();
        assertThat(job.outcome()).isEqualTo(IngestJob.Outcome.CANCELLED);
        assertThat(client.indices().getAlias(a -> a.name(ALIAS)).result().keySet()).containsExactlyElementsOf(live);
        assertThat(client.indices().exists(e -> e.index(job.targetIndex())).value()).isFalse();
        assertThat(history.recent(1).get(0).outcome()).isEqualTo(IngestJob.Outcome.CANCELLED);
        browser.get(url("/admin"));
        assertThat(browser.findElement(By.id("job-outcome")).getText()).isEqualTo("cancelled");
    }

    private void awaitNoJob() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Thread.sleep(300);
        while (ingest.current().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ingest.current()).isEmpty();
    }

    private WebDriverWait await() {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.WebDriverException.class); // elements vanish while the page reloads
    }

}
