package id.berdaya.ui.views;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import id.berdaya.core.security.Role;
import id.berdaya.monitoring.scorecard.Indicator;
import id.berdaya.monitoring.scorecard.ScorecardRow;
import id.berdaya.ui.components.ProvinceMap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Beranda's scorecard per role: the province's per kabupaten/kota with the map, a district's per kecamatan with its work, a partner's "<5". */
class BerandaScorecardViewTest extends ViewTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void provinceOfficersSeeEveryDistrictWithTheMapAndCellsThatOpenTheLists() {
        loginAs("uji.rapor.verif", Role.PROVINCE_OFFICER, null);
        navigate(BerandaView.class);
        Grid<ScorecardRow> card = find(Grid.class).withId("scorecard").single();
        assertThat(test(card).size()).isEqualTo(35);
        assertThat(card.getColumnByKey("REGISTERED")).isNotNull();
        assertThat(card.getColumnByKey("ABSORPTION_PCT")).isNotNull();
        assertThat(Double.parseDouble(card.getColumnByKey("VERIFIED").getWidth().replace("rem", "")))
                .as("'Terverifikasi' fits on one line of its header (it broke inside the word at 6.5rem)").isGreaterThanOrEqualTo(9.0);
        assertThat(find(ProvinceMap.class).withId("scorecard-map").all()).hasSize(1);
        Select<Indicator> indicator = find(Select.class).withId("scorecard-indicator").single();
        assertThat(indicator.getValue()).isEqualTo(Indicator.REGISTERED);
        assertThat(find(Div.class).withId("flow-chart").single().getElement().getProperty("innerHTML"))
                .startsWith("<svg").contains("<title id=\"chart-title\">Alur penerima per tahun");
        assertThat(find(Anchor.class).withId("scorecard-export").all()).hasSize(1);
        assertThat(find(Div.class).withId("trend-visits-chart").single().getElement().getProperty("innerHTML"))
                .startsWith("<svg").contains("Kunjungan pemantauan per bulan").contains("Jatuh tempo").contains("Dilakukan");
        assertThat(find(Div.class).withId("trend-cohorts-chart").single().getElement().getProperty("innerHTML"))
                .startsWith("<svg").contains("Usaha berjalan per angkatan serah terima");
        assertThat(find(Div.class).withId("district-work").all()).as("the province has no district work panel").isEmpty();

        ScorecardRow pbg = IntStream.range(0, test(card).size()).mapToObj(i -> test(card).getRow(i))
                .filter(r -> r.code().equals("33.03")).findFirst().orElseThrow();
        Anchor registered = (Anchor) cell(card, rowOf(card, "33.03"), "REGISTERED");
        assertThat(registered.getHref()).isEqualTo("penerima-manfaat?kabkota=33.03");
        Anchor handed = (Anchor) cell(card, rowOf(card, "33.03"), "PROPOSALS_HANDED_OVER");
        assertThat(handed.getHref()).isEqualTo("bantuan?kabkota=33.03&state=HANDED_OVER");
        assertThat(pbg.name()).isEqualTo("Kabupaten Purbalingga");

        // a district's Beranda for the province: per kecamatan, with the way back
        com.vaadin.flow.component.UI.getCurrent().navigate(BerandaView.class, com.vaadin.flow.router.QueryParameters.of("kabkota", "33.03"));
        Grid<ScorecardRow> district = find(Grid.class).withId("scorecard").single();
        assertThat(IntStream.range(0, test(district).size()).mapToObj(i -> test(district).getRow(i).code()))
                .allMatch(c -> c.startsWith("33.03."));
        assertThat(find(ProvinceMap.class).withId("scorecard-map").all()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDistrictHeadSeesTheKecamatanOfTheDistrictAndTheirWork_notAnotherDistrict() {
        loginAs("uji.rapor.head.pbg", Role.DISTRICT_HEAD, "33.03");
        com.vaadin.flow.component.UI.getCurrent().navigate(BerandaView.class, com.vaadin.flow.router.QueryParameters.of("kabkota", "33.26"));
        Grid<ScorecardRow> card = find(Grid.class).withId("scorecard").single();
        assertThat(IntStream.range(0, test(card).size()).mapToObj(i -> test(card).getRow(i).code()))
                .as("their own district's kecamatan, whatever the address asks").isNotEmpty().allMatch(c -> c.startsWith("33.03."));
        Div work = find(Div.class).withId("district-work").single();
        assertThat(work.getElement().getTextRecursively()).contains("Usulan menunggu keputusan", "Kunjungan terlambat",
                "Bendera risiko terbuka");
        assertThat(find(Span.class).withId("approvals-waiting").single().getText()).matches("\\d+");
        assertThat(find(ProvinceMap.class).withId("scorecard-map").all()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPartnerSeesAggregatesOfTheirDistrictWithSmallCellsAsLessThanFive() {
        loginAs("uji.rapor.mitra.kdl", Role.PARTNER, "33.24");
        navigate(BerandaView.class);
        Grid<ScorecardRow> card = find(Grid.class).withId("scorecard").single();
        List<String> texts = IntStream.range(0, test(card).size())
                .mapToObj(i -> cell(card, i, "VERIFIED").getElement().getText()).toList();
        assertThat(texts).isNotEmpty().allMatch(t -> t.equals("<5") || Long.parseLong(t.replace(".", "")) >= 5);
        assertThat(find(Anchor.class).all()).filteredOn(a -> a.getHref().startsWith("penerima-manfaat"))
                .as("a partner may not open the register: no links into it").isEmpty();
        assertThat(find(Div.class).withId("trend-charts").all()).as("the trend charts' monthly counts are not suppressed: staff only").isEmpty();
    }

    private com.vaadin.flow.component.Component cell(Grid<ScorecardRow> card, int row, String key) {
        return test(card).getCellComponent(row, card.getColumns().indexOf(card.getColumnByKey(key)));
    }

    private int rowOf(Grid<ScorecardRow> card, String code) {
        return IntStream.range(0, test(card).size()).filter(i -> test(card).getRow(i).code().equals(code)).findFirst().orElseThrow();
    }
}
