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
 */
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=192\\\\.0\\\\.2\\\\.1")
class UntrustedForwardedHeadersE2ETest extends BrowserTestSupport {

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
}
