package id.berdaya.ui.e2e;

import id.berdaya.registry.Sex;
import id.berdaya.registry.synthetic.SyntheticNik;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The register's first flow: the Purbalingga operator registers a person whose NIK disagrees
 * with the entered birth date (a warning, not a refusal), the Purbalingga head verifies them,
 * and the Pekalongan head cannot find them, neither in the list nor by address.
 */
class RegistryE2ETest extends BrowserTestSupport {

    @Test
    void operatorRegistersWithANikWarningHeadVerifiesAndAnotherDistrictCannotFindThem() {
        String name = "Laras Uji Peramban " + (System.currentTimeMillis() % 10_000);
        LocalDate born = LocalDate.of(1987, 5, 14);
        String nik = SyntheticNik.of("33.03.01", born, Sex.P, 9000 + (int) (System.currentTimeMillis() % 900));

        login("operator.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        page.navigate(url("/penerima-manfaat/baru"));
        page.locator("#nik input").fill(nik);
        page.locator("#full-name input").fill(name);
        page.locator("#sex vaadin-radio-button", new Page.LocatorOptions().setHasText("Perempuan")).click();
        page.locator("#birth-date input").fill("15/05/1987");
        page.locator("#birth-date input").press("Enter");
        assertThat(page.locator("#nik-warnings")).containsText("Tanggal lahir berbeda");
        choosefirst("#kecamatan");
        assertThat(page.locator("#desa")).isEnabled();
        choosefirst("#desa");
        assertThat(page.locator("#desa input")).not().hasValue("");
        page.locator("#category input").fill("Tuna Susila");
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("Tuna Susila")).click();
        page.locator("#referral").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Penjangkauan")).click();
        page.locator("#save-beneficiary").click();

        assertThat(page.locator("#beneficiary-name")).hasText(name);
        assertThat(page.locator("#review-flags")).containsText("tanggal lahir beda dengan NIK");
        assertThat(page.locator("#beneficiary-status")).hasText("Terdaftar");
        // Vaadin moves the address bar in a setTimeout after the new view is drawn (History.pushState),
        // so the record's address is read only once the URL carries its id
        page.waitForURL(Pattern.compile(".*/penerima-manfaat/\\d+$").asPredicate());
        String record = page.url();
        logout();

        login("kadinsos.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        page.navigate(record);
        assertThat(page.locator("#beneficiary-name")).hasText(name);
        page.locator("#verify").click();
        assertThat(page.locator("#beneficiary-status")).hasText("Terverifikasi");
        logout();

        login("kadinsos.pekalongan", DEMO_PASSWORD);
        assertThat(page.locator("#main-nav")).isVisible();
        page.navigate(url("/penerima-manfaat"));
        page.locator("#filter-name input").fill(name);
        assertThat(page.locator("#beneficiary-count")).hasText("0 penerima manfaat");
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(name))).hasCount(0);
        page.navigate(record);
        assertThat(page.getByText("Data tidak ditemukan.")).isVisible();
        assertThat(page.getByText(name)).hasCount(0);
    }

    /** Opens a combo box and takes its first item with the keyboard, as a user would. */
    private void choosefirst(String comboBox) {
        page.locator(comboBox + " input").click();
        assertThat(page.locator("vaadin-combo-box-item:visible").first()).isVisible();
        page.locator(comboBox + " input").press("ArrowDown");
        page.locator(comboBox + " input").press("Enter");
    }
}
