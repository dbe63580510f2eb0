package id.berdaya.ui.views;

import com.vaadin.flow.component.html.Anchor;
import id.berdaya.core.security.Role;
import id.berdaya.monitoring.report.ReportWords;
import id.berdaya.ui.monitoring.ReportView;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** /laporan per role: the province chooses its recapitulation or a district, a district only its own; both formats offered. */
class ReportViewTest extends ViewTestSupport {

    @Test
    void theProvinceChoosesItsRecapitulationOrADistrict() {
        loginAs("uji.laporan.verif", Role.PROVINCE_OFFICER, null);
        ReportView view = navigate(ReportView.class);
        assertThat(view.area.getListDataView().getItems().toList()).hasSize(36).first().isEqualTo(ReportView.PROVINCE_CHOICE);
        assertThat(view.kabkota()).isNull();
        ReportWords words = view.words();
        assertThat(words.title()).startsWith("Rekapitulasi Provinsi Jawa Tengah");
        assertThat(words.stateHeading()).startsWith("Keadaan per tanggal");
        assertThat(words.footnote()).isEmpty();
        assertThat(view.period()).isEqualTo(YearMonth.now(id.berdaya.core.format.IndonesianFormat.WIB));
        assertThat(find(Anchor.class).withId("report-xlsx").all()).hasSize(1);
        assertThat(find(Anchor.class).withId("report-pdf").all()).hasSize(1);
    }

    @Test
    void aDistrictHeadAndAPartnerGetTheirOwnDistrictsReport_thePartnerWithTheSmallCellNote() {
        loginAs("uji.laporan.head.pbg", Role.DISTRICT_HEAD, "33.03");
        ReportView view = navigate(ReportView.class);
        assertThat(view.area.getListDataView().getItems().toList()).containsExactly("33.03");
        assertThat(view.kabkota()).isEqualTo("33.03");
        assertThat(view.words().title()).startsWith("Laporan Bulanan");
        assertThat(view.words().place()).isEqualTo("Kabupaten Purbalingga");

        loginAs("uji.laporan.mitra.pbg", Role.PARTNER, "33.03");
        navigate(WilayahView.class);
        ReportView partner = navigate(ReportView.class);
        assertThat(partner.kabkota()).isEqualTo("33.03");
        assertThat(partner.words().footnote()).contains("<5");
    }
}
