package id.berdaya.ui.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.HashMap;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A flow in which several users take turns: each has a browser of their own, logged in once (a
 * user stays logged in while another acts), and {@link #as} switches between them.
 */
abstract class ManyUsersTestSupport extends BrowserTestSupport {

    /** Each user's own browser; null: a visitor without login. */
    private final Map<String, Page> browsers = new HashMap<>();

    /** A shared 2-core machine answers slowly at times, the first page of a run above all: waits are for conditions, and longer. */
    @BeforeEach
    void patientAssertions() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    /** Closes every user's browser but the one shown last, which the support screenshots and closes. */
    @AfterEach
    void closeOtherBrowsers() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        for (Page p : browsers.values()) {
            if (p.context() != page.context()) {
                p.context().close();
            }
        }
        context = page.context();
    }

    /** Switches to this user's browser (null: a visitor's), logging in the first time. */
    void as(String username) {
        Page known = browsers.get(username);
        page = known != null ? known : browsers.isEmpty() ? page : newContext().newPage(); // the first user takes the support's own
        if (known == null) {
            browsers.put(username, page);
            if (username != null) {
                login(username, DEMO_PASSWORD);
                assertThat(page.locator("#main-nav")).isVisible();
            }
        }
    }
}
