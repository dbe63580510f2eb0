package id.berdaya.ui.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The first flow a user notices: the provincial administrator creates a district operator;
 * the operator logs in with the temporary password, must change it, sees only their menu,
 * is refused the user administration, and logs out.
 */
class UserAdministrationE2ETest extends BrowserTestSupport {

    @Test
    void adminCreatesAUserWhoLogsInSeesOnlyTheirMenuAndIsRefusedAdministration() {
        login("admin.provinsi", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        assertThat(page.locator("#main-nav vaadin-side-nav-item")).containsText(new String[] {"Beranda", "Penerima Manfaat", "Jenis PPKS", "Wilayah", "Pengguna", "Audit"});

        page.locator("#main-nav vaadin-side-nav-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Pengguna")).click();
        page.waitForURL(Pattern.compile(".*/pengguna$").asPredicate());
        String username = "e2e.operator." + System.currentTimeMillis() % 1_000_000;
        page.locator("#user-new").click();
        page.locator("#user-username input").fill(username);
        page.locator("#user-fullname input").fill("Operator Uji Peramban");
        page.locator("#user-role").click();
        page.getByRole(AriaRole.OPTION, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Operator Kab/Kota")).click();
        page.locator("#user-kabkota input").fill("Purbalingga");
        page.locator("vaadin-combo-box-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Kabupaten Purbalingga")).click();
        page.locator("#user-save").click();
        Locator temporary = page.locator("#temporary-password");
        assertThat(temporary).isVisible();
        String password = temporary.textContent().trim();
        page.locator("#temporary-password-close").click();
        page.locator("#user-search input").fill(username);
        assertThat(page.locator("vaadin-grid-cell-content", new com.microsoft.playwright.Page.LocatorOptions().setHasText(username)).first()).isVisible();
        logout();

        login(username, password);
        assertThat(page.locator("#current-password")).isVisible();
        page.locator("#current-password input").fill(password);
        page.locator("#new-password input").fill("Sandi-Baru#E2E-2026");
        page.locator("#repeat-password input").fill("Sandi-Baru#E2E-2026");
        page.locator("#save-password").click();
        assertThat(page.locator("#my-district")).hasText("Kabupaten Purbalingga (33.03)");
        assertThat(page.locator("#main-nav vaadin-side-nav-item")).containsText(new String[] {"Beranda", "Penerima Manfaat", "Wilayah"});

        page.navigate(url("/pengguna"));
        assertThat(page.getByText("Halaman tidak ditemukan atau Anda tidak berhak membukanya.")).isVisible();
        assertThat(page.locator("#user-grid")).hasCount(0);
        page.navigate(url("/"));
        logout();
        assertThat(page.locator("#vaadinLoginUsername")).isVisible();
    }
}
