package dev.newsportal.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One browser per test class, closed after it; pages addressed on the portal's random port. */
public abstract class BrowserTestBase {

    protected static ChromeDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** axe-core, run inside the page: no serious or critical violation. */
    protected void assertNoSeriousAccessibilityViolations() {
        var results = new com.deque.html.axecore.selenium.AxeBuilder().analyze(browser);
        var serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp()).toList();
        assertThat(serious).as("axe-core serious/critical violations on %s", browser.getCurrentUrl()).isEmpty();
    }
}
