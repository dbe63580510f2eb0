package id.berdaya.ui.e2e;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that is not a trusted proxy cannot forge its address in the audit trail: here the
 * only trusted proxy is an address nobody connects from, so the loopback client is untrusted.
 * And a session ends after its absolute lifetime (here 30 s), however active.
 */
@TestPropertySource(properties = {"server.tomcat.remoteip.internal-proxies=192\\\\.0\\\\.2\\\\.1",
        "berdaya.session.absolute-lifetime=PT30S"})
class UntrustedClientAndSessionLifetimeE2ETest extends BrowserTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void aForwardedAddressFromAnUntrustedClientIsIgnored() {
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", "198.51.100.77", "X-Forwarded-Proto", "https"));
        login("kadinsos.pekalongan", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        String address = JdbcClient.create(dataSource)
                .sql("SELECT client_address FROM audit_event WHERE username = ? AND action = ? ORDER BY id DESC LIMIT 1")
                .params("kadinsos.pekalongan", "LOGIN_SUCCEEDED").query(String.class).single();
        assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverActive() throws InterruptedException {
        long start = System.nanoTime();
        login("kadinsos.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        // active all along: a page every few seconds, far below the idle timeout
        while (System.nanoTime() - start < 31_000_000_000L) {
            Thread.sleep(5_000);
            page.navigate(url("/wilayah"));
        }
        page.waitForURL(u -> u.contains("/login"));
        assertThat(page.locator("#vaadinLoginUsername")).isVisible();
    }
}
