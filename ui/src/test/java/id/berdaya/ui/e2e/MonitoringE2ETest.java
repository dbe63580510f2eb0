package id.berdaya.ui.e2e;

import com.microsoft.playwright.Locator;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsFixture;
import id.berdaya.monitoring.MonitoringFixture;
import id.berdaya.monitoring.MonitoringFixture.HandedOver;
import id.berdaya.monitoring.ledger.Asset;
import id.berdaya.monitoring.ledger.AssetKind;
import id.berdaya.monitoring.ledger.LedgerService;
import id.berdaya.monitoring.scorecard.Indicator;
import id.berdaya.monitoring.scorecard.Scorecard;
import id.berdaya.monitoring.scorecard.ScorecardRow;
import id.berdaya.monitoring.scorecard.ScorecardService;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitoring in the browser, as issue 12 describes it: a handover made about 40 days ago schedules
 * four visits (1, 3, 6 and 12 months) and the Purbalingga field officer finds the first overdue on
 * the worklist; they record it with a kid born and one goat sold, and the asset history shows both
 * and the new count; a second visit raises the flag "back to the former activity"; the district
 * head's Beranda shows the new flag and a visit overdue for weeks (another person's, set up so);
 * the partner's scorecard reads "&lt;5"; the province's row for Purbalingga says what the
 * scorecard service says.
 */
class MonitoringE2ETest extends ManyUsersTestSupport {

    private static final String PBG = "33.03";

    @Autowired MonitoringFixture monitoring;
    @Autowired VisitService visits;
    @Autowired LedgerService ledger;
    @Autowired ScorecardService scorecards;

    @Test
    void aHandoverIsVisitedWithItsLedgerAndFlagAndTheBerandasCountIt() {
        // two people of Purbalingga handed a goat and feed: one 40 days ago (the first visit due ten days ago), one 60 days ago
        // (its first visit overdue for a month, left so)
        TestAccounts.loginAs(monitoring.head(PBG));
        LocalDate today = visits.today();
        TestAccounts.logout();
        GrantsFixture.Catalogue year = monitoring.year(PBG);
        HandedOver main = monitoring.handedOver(year, PBG, 1, today.minusDays(40)).getFirst();
        HandedOver late = monitoring.handedOver(year, PBG, 1, today.minusDays(60)).getFirst();
        TestAccounts.loginAs(monitoring.head(PBG));
        List<Visit> scheduled = visitsOf(main);
        Visit lateFirst = visitsOf(late).getFirst();
        assertThat(scheduled).extracting(Visit::monthOffset).containsExactly(1, 3, 6, 12);
        assertThat(scheduled).allMatch(v -> !v.done());
        assertThat(daysLate(scheduled.getFirst(), today)).as("the first visit due about ten days ago").isBetween(7L, 12L);
        Visit first = scheduled.get(0);
        Visit second = scheduled.get(1);
        String name = first.beneficiaryName();
        List<Asset> assets = ledger.assets(first.caseId());
        int goat = indexOfLivestock(assets);
        TestAccounts.logout();

        // 1. the field officer covering every kecamatan of Purbalingga finds the first visit overdue, the second upcoming
        as("pendamping.purbalingga");
        page.navigate(url("/pemantauan"));
        page.locator("#monitoring-search input").fill(name);
        Locator overdue = page.locator("#monitoring-overdue vaadin-grid-cell-content:visible");
        assertThat(overdue.getByText(name, new Locator.GetByTextOptions().setExact(true))).hasCount(1);
        assertThat(overdue.getByText("Bulan ke-1", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
        assertThat(overdue.getByText(daysLate(first, today) + " hari terlambat", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
        Locator upcoming = page.locator("#monitoring-upcoming vaadin-grid-cell-content:visible");
        assertThat(upcoming.getByText(name, new Locator.GetByTextOptions().setExact(true))).hasCount(1);
        assertThat(upcoming.getByText("Bulan ke-3", new Locator.GetByTextOptions().setExact(true))).hasCount(1);

        // 2. they open the first visit and record it: met, running, turnover and profit, one kid born and one goat sold
        overdue.getByText(name, new Locator.GetByTextOptions().setExact(true)).click();
        page.waitForURL(u -> u.endsWith("/pemantauan/kunjungan/" + first.id()));
        assertThat(page.locator("#visit-state")).hasText("Terlambat");
        assertThat(page.locator("#ledger-history")).containsText("Diserahkan 1 ekor");
        assertThat(pageWidth()).as("the form with its asset lines fits 1366 px").isLessThanOrEqualTo(1366);
        runningBusiness();
        page.locator("#asset-" + goat + "-born input").fill("1");
        page.locator("#asset-" + goat + "-sold input").fill("1");
        page.locator("#asset-" + goat + "-price input").fill("2750000");
        page.locator("#visit-save").click();
        assertThat(page.getByText("Kunjungan dicatat.")).isVisible();
        assertThat(page.locator("#visit-state")).hasText("Sudah dikunjungi");
        assertThat(page.locator("#visit-summary")).containsText("Omzet");
        assertThat(page.locator("#visit-summary")).containsText("Rp 1.500.000");
        assertThat(page.locator("#visit-summary")).containsText("Dicatat oleh pendamping.purbalingga");
        Locator history = page.locator("#ledger-history vaadin-grid-cell-content:visible");
        assertThat(history.getByText("Lahir 1 ekor", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
        assertThat(history.getByText("Dijual 1 ekor · Rp 2.750.000", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
        assertThat(history.getByText("sisa 2", new Locator.GetByTextOptions().setExact(true))).hasCount(1);
        TestAccounts.loginAs(monitoring.head(PBG));
        Asset goatNow = ledger.assets(first.caseId()).get(goat);
        TestAccounts.logout();
        assertThat(goatNow.balance()).as("handed 1, born 1, sold 1").isEqualTo(1);
        // the last movement leaves the new count
        assertThat(history.getByText("sisa 1", new Locator.GetByTextOptions().setExact(true))).hasCount(2); // handed over, sold

        // 3. the second visit reports the person back at their former activity
        page.navigate(url("/pemantauan/kunjungan/" + second.id()));
        assertThat(page.locator("#visit-state")).hasText("Akan datang");
        runningBusiness();
        page.locator("#visit-flags vaadin-checkbox").getByText("Kembali ke kegiatan lama").click();
        page.locator("#visit-flag-note textarea").fill("Terlihat kembali berkumpul di pangkalan lama (uji).");
        assertThat(page.locator("#flags-count-" + second.caseId())).hasText("Tanda risiko terbuka: 0");
        page.locator("#visit-save").click();
        assertThat(page.getByText("Kunjungan dicatat.")).isVisible();
        assertThat(page.locator("#visit-state")).hasText("Sudah dikunjungi");
        assertThat(page.locator("#flags-count-" + second.caseId())).hasText("Tanda risiko terbuka: 1");

        // 4. the district head sees the new flag and the visit overdue for a month, and the counts the scorecard holds
        TestAccounts.loginAs(monitoring.head(PBG));
        Scorecard district = scorecards.district(PBG);
        TestAccounts.logout();
        as("kadinsos.purbalingga");
        page.navigate(url("/"));
        assertThat(page.locator("#monitoring-alerts .monitoring-alert-new_flag").getByText(name + ": tanda risiko baru")).isVisible();
        assertThat(page.locator("#monitoring-alerts")).not().containsText("Kembali ke kegiatan lama"); // never the flag's kind
        assertThat(page.locator("#monitoring-alerts .monitoring-alert-overdue").getByText(
                lateFirst.beneficiaryName() + ": kunjungan terlambat " + daysLate(lateFirst, today) + " hari"))
                .isVisible();
        assertThat(page.locator("#open-flags")).hasText(district.total().cell(Indicator.OPEN_FLAGS).text(Indicator.OPEN_FLAGS));
        assertThat(page.locator("#visits-overdue")).hasText(district.total().cell(Indicator.VISITS_OVERDUE).text(Indicator.VISITS_OVERDUE));
        assertThat(district.total().cell(Indicator.OPEN_FLAGS).value()).isPositive();
        assertThat(district.total().cell(Indicator.VISITS_OVERDUE).value()).isPositive();

        // 5. the partner's scorecard hides small numbers
        as("mitra.polres.purbalingga");
        page.navigate(url("/"));
        assertThat(page.locator("#scorecard")).isVisible();
        assertThat(page.locator("#scorecard vaadin-grid-cell-content:visible").getByText("<5", new Locator.GetByTextOptions().setExact(true))
                .first()).isVisible();

        // 6. the province's row for Purbalingga reads what the scorecard service reads
        TestAccounts.loginAs(monitoring.provinceOfficer());
        Scorecard province = scorecards.province();
        TestAccounts.logout();
        ScorecardRow pbg = province.rows().stream().filter(r -> PBG.equals(r.code())).findFirst().orElseThrow();
        List<String> expected = new ArrayList<>(List.of(pbg.name()));
        province.available().forEach(i -> expected.add(pbg.cell(i).text(i)));
        assertThat(pbg.cell(Indicator.VISITS_DONE).value()).isPositive();
        as("verifikator.provinsi");
        page.navigate(url("/"));
        assertThat(page.locator("#scorecard vaadin-grid-cell-content:visible").getByText(pbg.name(),
                new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(rowOf("scorecard", pbg.name())).containsExactlyElementsOf(expected);
        // the 15-column scorecard scrolls inside its panel: the picture beside and below it stays on the page at 1366 px
        assertThat(((Number) page.evaluate("() => Math.max(...['trend-charts', 'trend-visits-chart', 'trend-cohorts-chart', 'flow-chart']"
                + ".map(id => document.getElementById(id).getBoundingClientRect().right))")).intValue())
                .as("the charts' right edge").isLessThanOrEqualTo(1366);
    }

    private int pageWidth() {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    }

    /** The person's visits, in order of their month. */
    private List<Visit> visitsOf(HandedOver h) {
        return visits.ofBeneficiaries(List.of(h.beneficiaryId())).stream().sorted(Comparator.comparingInt(Visit::monthOffset)).toList();
    }

    private static long daysLate(Visit v, LocalDate today) {
        return today.toEpochDay() - v.dueOn().toEpochDay();
    }

    private static int indexOfLivestock(List<Asset> assets) {
        for (int i = 0; i < assets.size(); i++) {
            if (assets.get(i).kind() == AssetKind.LIVESTOCK) {
                return i;
            }
        }
        throw new AssertionError("no livestock handed over: " + assets);
    }

    /** The visit form: the person met (preset), the business running, a turnover and a profit. */
    private void runningBusiness() {
        assertThat(page.locator("#visit-form")).isVisible();
        page.locator("#visit-business vaadin-radio-button").getByText("Berjalan", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#visit-turnover input").fill("1500000");
        page.locator("#visit-profit input").fill("400000");
    }

    /** The texts of the grid row whose first cell reads {@code name}, column by column (the grid's cells are slotted into its table). */
    @SuppressWarnings("unchecked")
    private List<String> rowOf(String gridId, String name) {
        return (List<String>) page.evaluate("""
                ([gridId, name]) => {
                  const grid = document.getElementById(gridId);
                  const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')].find(c => c.textContent.trim() === name && c.checkVisibility());
                  const tr = grid.shadowRoot.querySelector(`slot[name="${cell.slot}"]`).closest('tr');
                  return [...tr.querySelectorAll('slot')].map(s => grid.querySelector(`vaadin-grid-cell-content[slot="${s.name}"]`).textContent.trim());
                }""", List.of(gridId, name));
    }
}
