package id.berdaya.ui.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import id.berdaya.BerdayaApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * End-to-end tests: the application on a random port with the demo accounts, driven through
 * Debian's Chromium (headless) by Playwright. Set BERDAYA_CHROMIUM to use another binary.
 */
@SpringBootTest(classes = BerdayaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("demo")
abstract class BrowserTestSupport {

    static final String DEMO_PASSWORD = "Berdaya#Demo2026";
    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;
    /**
     * This application context's holder of the security context. Vaadin installs one per context as
     * the global strategy, each with its own thread-local fallback; when a test with other
     * properties has started a second context, the global one is that context's, and a user set
     * up by a test (TestAccounts.loginAs) would be invisible to this context's method security.
     */
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void startBrowser() {
        String chromium = System.getenv().getOrDefault("BERDAYA_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            throw new IllegalStateException("End-to-end tests need Chromium at " + chromium
                    + " (apt-get install chromium; .ci/run installs it)");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(chromium))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newPage() {
        SecurityContextHolder.setContextHolderStrategy(securityContexts);
        context = newContext();
        page = context.newPage();
    }

    /** A browser of its own (no cookies shared): 1366 × 900, Indonesian. */
    BrowserContext newContext() {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale("id-ID"));
        c.setDefaultTimeout(30_000);
        return c;
    }

    @AfterEach
    void closePage(org.junit.jupiter.api.TestInfo test) {
        // the last screen of every flow, for a look after a failure (target/e2e/*.png)
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/e2e", test.getDisplayName().replaceAll("\\W", "") + ".png")));
        context.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void login(String username, String password) {
        page.navigate(url("/login"));
        page.locator("#vaadinLoginUsername input").fill(username);
        page.locator("#vaadinLoginPassword input").fill(password);
        page.locator("#vaadinLoginPassword input").press("Enter");
    }

    void logout() {
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.MENUITEM,
                new Page.GetByRoleOptions().setName("Keluar")).click();
        page.waitForURL(u -> u.contains("/login"));
    }
}
