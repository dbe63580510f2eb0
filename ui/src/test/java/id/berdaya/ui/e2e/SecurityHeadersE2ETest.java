package id.berdaya.ui.e2e;

import com.microsoft.playwright.Response;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionTrackingMode;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers of the documents users actually get (the login page and a view after login, not
 * Spring Security's redirects), the session id never in an address, and a working page under
 * the Content-Security-Policy (no violation in Chromium's console), the tab's icon.
 */
class SecurityHeadersE2ETest extends BrowserTestSupport {

    @Autowired
    ServletContext servletContext;
    @Autowired
    DataSource dataSource;

    @Test
    void theLoginPageAndAViewCarryTheSecurityHeadersAndTheBrowserReportsNoCspViolation() {
        List<String> console = new ArrayList<>();
        page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));

        Response loginPage = page.navigate(url("/login"));
        assertThat(loginPage.status()).isEqualTo(200);
        assertSecurityHeaders(loginPage.allHeaders());

        login("admin.provinsi", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        Response view = page.navigate(url("/wilayah"));
        assertThat(view.status()).isEqualTo(200);
        assertSecurityHeaders(view.allHeaders());
        assertThat(page.locator("#main-nav")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));

        assertThat(console).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"));
    }

    @Test
    void thePagesNameTheirTabIconAndItIsServedWithoutLogin() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // without it the browser asks for /favicon.ico on every page and gets a 404
        assertThat(login.body()).containsPattern("<link(?=[^>]*rel=\"icon\")(?=[^>]*href=\"icons/berdaya.svg\")[^>]*>");
        HttpResponse<String> icon = client.send(HttpRequest.newBuilder(URI.create(url("/icons/berdaya.svg"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith("<svg");
    }

    @Test
    void aRequestWithoutACookieIsRedirectedWithoutTheSessionIdInTheAddress() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/", "/wilayah", "/penerima-manfaat")) {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Accept", "text/html,application/xhtml+xml").header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document").GET().build(), HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).as(path).isBetween(300, 399);
            String location = r.headers().firstValue("Location").orElseThrow();
            assertThat(location).as(path).endsWith("/login").doesNotContainIgnoringCase("jsessionid");
        }
    }

    @Test
    void theSessionIsTrackedByCookieOnly() {
        assertThat(servletContext.getEffectiveSessionTrackingModes()).containsExactly(SessionTrackingMode.COOKIE);
    }

    @Test
    void behindTheTrustedProxyAnHttpsRequestGetsASecureCookieAndHsts() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> https = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.20").GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(https.headers().firstValue("Set-Cookie").orElseThrow()).contains("JSESSIONID=").containsIgnoringCase("; Secure");
        assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
        assertSecurityHeaders(lowerCase(https.headers().map()));

        HttpResponse<Void> plain = client.send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContainIgnoringCase("secure");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theAuditTrailRecordsTheClientAddressThatTheTrustedProxyForwards() {
        String client = "203.0.113." + (10 + (int) (System.nanoTime() % 200));
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", client));
        login("kadinsos.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(lastAddress("kadinsos.purbalingga", "LOGIN_SUCCEEDED")).isEqualTo(client);
    }

    String lastAddress(String username, String action) {
        return JdbcClient.create(dataSource)
                .sql("SELECT client_address FROM audit_event WHERE username = ? AND action = ? ORDER BY id DESC LIMIT 1")
                .params(username, action).query(String.class).single();
    }

    static Map<String, String> lowerCase(Map<String, List<String>> headers) {
        Map<String, String> m = new java.util.HashMap<>();
        headers.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), String.join(", ", v)));
        return m;
    }

    static void assertSecurityHeaders(Map<String, String> headers) {
        assertThat(headers.get("content-security-policy")).as("CSP")
                .contains("frame-ancestors 'none'")
                .contains("connect-src 'self'")
                .doesNotContain("ws:");
        assertThat(headers.get("x-frame-options")).as("X-Frame-Options").isEqualTo("DENY");
        assertThat(headers.get("x-content-type-options")).as("nosniff").isEqualTo("nosniff");
        assertThat(headers.get("referrer-policy")).as("Referrer-Policy").isEqualTo("same-origin");
        assertThat(headers.get("permissions-policy")).as("Permissions-Policy").contains("camera=()");
    }
}
