package dev.newsportal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsportal.ingest.IngestService;
import dev.newsportal.support.PortalIntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Over real HTTP: who may reach the admin side, and what a refused request leaves behind (nothing). */
@PortalIntegrationTest
@TestPropertySource(properties = {"portal.ingest.alias=it-admin-security", "portal.admin.jobs-index=it-jobs-security",
        "portal.admin.max-failed-logins=3"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminSecurityIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    IngestService ingest;

    @Test
    @Order(1)
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        HttpResponse<String> admin = session().send(get("/admin"), HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location")).get().asString().endsWith("/login");
        HttpResponse<String> home = session().send(get("/"), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).as("no sign-out for visitors").doesNotContain("action=\"/logout\"");
    }

    @Test
    @Order(2)
    void wrongPasswordIsRefused() throws Exception {
        HttpClient browser = session();
        HttpResponse<String> signIn = signIn(browser, "admin", "not-the-password");
        assertThat(signIn.headers().firstValue("Location")).get().asString().endsWith("/login?error");
        assertThat(browser.send(get("/login?error"), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Wrong user name or password");
        assertThat(browser.send(get("/admin"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
    }

    @Test
    @Order(3)
    void reindexPostsWithoutSignInOrWithoutCsrfTokenStartNothing() throws Exception {
        HttpClient anonymous = session();
        assertThat(anonymous.send(post("/admin/reindex", ""), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isIn(302, 401, 403);
        String token = csrf(anonymous.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(anonymous.send(post("/admin/reindex", "_csrf=" + token), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location")).get().asString().endsWith("/login");

        HttpClient admin = session();
        assertThat(signIn(admin, "admin", "it-admin-secret").headers().firstValue("Location")).get().asString()
                .doesNotContain("error");
        assertThat(admin.send(get("/admin"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(admin.send(get("/"), HttpResponse.BodyHandlers.ofString()).body()).as("sign-out on every page")
                .contains("action=\"/logout\"");
        assertThat(admin.send(post("/admin/reindex", ""), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(admin.send(post("/admin/reindex", "_csrf=forged"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(ingest.last()).as("no job was started").isEmpty();

        HttpClient api = session();
        assertThat(api.send(post("/api/admin/reindex", ""), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(api.send(withBasic(post("/api/admin/reindex", ""), "admin", "wrong"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
        assertThat(ingest.last()).as("no job was started").isEmpty();

        // The same request with the page's own token does start a job: the refusals above were not accidents.
        String pageToken = csrf(admin.send(get("/admin"), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(admin.send(post("/admin/reindex", "_csrf=" + pageToken), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location")).get().asString().endsWith("/admin");
        assertThat(ingest.last()).isPresent();
        HttpResponse<String> viaApi = api.send(withBasic(get("/api/admin/jobs"), "admin", "it-admin-secret"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaApi.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            signIn(session(), "admin", "guess-" + i);
        }
        HttpClient browser = session();
        assertThat(signIn(browser, "admin", "it-admin-secret").headers().firstValue("Location")).get().asString()
                .endsWith("/login?error");
        assertThat(browser.send(get("/login?error"), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Too many failed sign-ins");
    }

    private HttpClient session() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> signIn(HttpClient client, String user, String password) throws Exception {
        String token = csrf(client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());
        return client.send(post("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token)),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("page carries a CSRF token").isTrue();
        return m.group(1);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static HttpRequest withBasic(HttpRequest request, String user, String password) {
        return HttpRequest.newBuilder(request, (n, v) -> true).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
