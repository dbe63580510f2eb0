package id.berdaya.ui.e2e;

import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Beranda in Chromium at 1366 px: the province's scorecard with its map and chart, a
 * district's per kecamatan, and the partner's "&lt;5", each without a horizontal scroll bar on
 * the page (the grid scrolls within itself if it must). Screenshots in target/e2e.
 */
class BerandaE2ETest extends BrowserTestSupport {

    @Test
    void theProvincesScorecardMapAndChartFitAt1366Pixels() {
        login("verifikator.provinsi", DEMO_PASSWORD);
        assertThat(page.locator("#scorecard")).isVisible();
        assertThat(page.locator("#scorecard-map svg")).isVisible();
        assertThat(page.locator("#flow-chart svg title").first()).hasText(java.util.regex.Pattern.compile("Alur penerima per tahun.*"));
        assertThat(page.locator("#scorecard").getByText("Kabupaten Purbalingga")).isVisible();
        org.assertj.core.api.Assertions.assertThat(pageWidth()).as("no horizontal scroll bar on the page").isLessThanOrEqualTo(1366);
    }

    @Test
    void aDistrictHeadAndAPartnerSeeTheirKecamatan() {
        login("kadinsos.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#district-work")).isVisible();
        assertThat(page.locator("#scorecard")).isVisible();
        assertThat(page.locator("#scorecard").getByText("Kalimanah")).isVisible();
        org.assertj.core.api.Assertions.assertThat(pageWidth()).isLessThanOrEqualTo(1366);
        logout();
        login("mitra.polres.purbalingga", DEMO_PASSWORD);
        assertThat(page.locator("#scorecard")).isVisible();
        assertThat(page.locator("#scorecard").getByText("<5").first()).isVisible();
    }

    private int pageWidth() {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    }
}
