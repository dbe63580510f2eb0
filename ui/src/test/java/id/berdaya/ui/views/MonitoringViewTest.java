package id.berdaya.ui.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.FileRemovedEvent;
import com.vaadin.flow.component.upload.Upload;
import id.berdaya.core.file.TestPhotos;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.Colleague;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.monitoring.MonitoringFixture;
import id.berdaya.monitoring.schedule.ScheduleService;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitService;
import id.berdaya.ui.monitoring.MonitoringView;
import id.berdaya.ui.monitoring.VisitView;
import id.berdaya.ui.registry.BeneficiaryDetailView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /pemantauan and /pemantauan/kunjungan/{id} per role, the person's page and the head's Beranda alerts (Sukoharjo, only this test). */
class MonitoringViewTest extends ViewTestSupport {

    static final String SKH = "33.11";

    @Autowired MonitoringFixture fixture;
    @Autowired ScheduleService schedule;
    @Autowired VisitService visits;

    @SuppressWarnings("unchecked")
    private Grid<Visit> grid(String id) {
        return $(Grid.class).id(id);
    }

    private List<Visit> rows(String id) {
        return grid(id).getGenericDataView().getItems().toList();
    }

    @Test
    void theWorklistShowsTheOfficerTheirOwnVisitsTheHeadTheDistrictWithReassignAndPartnersNothing() {
        // a partner agency has no monitoring screen (first: the menu is built at the first navigation)
        loginAs("uji.layar.mitra.skh", Role.PARTNER, SKH);
        navigate(BerandaView.class);
        assertThat(menu()).doesNotContain("Pemantauan");
        navigate("pemantauan", Component.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);

        BerdayaUser head = fixture.head(SKH);
        BerdayaUser rina = fixture.fieldOfficer(SKH, "rina");
        BerdayaUser sari = fixture.fieldOfficer(SKH, "sari");
        TestAccounts.loginAs(head);
        schedule.assignArea(schedule.areas(SKH).getFirst().kecamatanCode(), rina.id());
        List<MonitoringFixture.HandedOver> two = fixture.handedOver(SKH, 2, LocalDate.now().minusDays(40));

        TestAccounts.loginAs(rina);
        navigate(MonitoringView.class);
        assertThat(menu()).contains("Pemantauan");
        List<Visit> overdue = rows("monitoring-overdue");
        assertThat(overdue).extracting(Visit::beneficiaryId).contains(two.get(0).beneficiaryId(), two.get(1).beneficiaryId());
        assertThat(overdue).allSatisfy(v -> assertThat(v.officerId()).isEqualTo(rina.id()));
        assertThat($(com.vaadin.flow.component.details.Details.class).withId("monitoring-areas").exists()).isFalse();
        assertThat(test(grid("monitoring-overdue")).getCellText(0, 3)).endsWith("hari terlambat");
        assertThat($(Button.class).withId("monitoring-reassign").exists()).isFalse();
        test($(TextField.class).id("monitoring-search")).setValue("tidak-ada-nama-ini");
        assertThat(rows("monitoring-overdue")).isEmpty();

        TestAccounts.loginAs(head);
        navigate(BerandaView.class);
        navigate(MonitoringView.class);
        Visit first = rows("monitoring-overdue").stream().filter(v -> v.beneficiaryId() == two.get(0).beneficiaryId()).findFirst().orElseThrow();
        grid("monitoring-overdue").select(first);
        @SuppressWarnings("unchecked")
        ComboBox<Colleague> to = $(ComboBox.class).id("monitoring-reassign-to");
        to.setValue(to.getGenericDataView().getItems().filter(c -> c.id() == sari.id()).findFirst().orElseThrow());
        test($(Button.class).id("monitoring-reassign")).click();
        assertThat(visits.get(first.id()).orElseThrow().officerId()).isEqualTo(sari.id());
        // the head keeps which officer covers which kecamatan: the second kecamatan goes to Sari
        test($(ComboBox.class).id("area-1")).selectItem(sari.fullName());
        assertThat(schedule.areas(SKH).get(1).officerId()).isEqualTo(sari.id());
        assertThat($(com.vaadin.flow.component.details.Details.class).withId("monitoring-offsets").exists()).isFalse();

        // the province administrator sets a budget year's offsets
        TestAccounts.loginAs(fixture.admin());
        navigate(BerandaView.class);
        navigate(MonitoringView.class);
        assertThat($(com.vaadin.flow.component.details.Details.class).withId("monitoring-areas").exists()).isFalse();
        test($(IntegerField.class).id("offsets-year")).setValue(2041);
        test($(TextField.class).id("offsets-months")).setValue("2, 6, 12");
        test($(Button.class).id("offsets-save")).click();
        assertThat(schedule.offsets(2041)).containsExactly(2, 6, 12);

        TestAccounts.loginAs(fixture.operator(SKH));
        navigate(BerandaView.class);
        navigate(MonitoringView.class);
        assertThat(rows("monitoring-overdue")).extracting(Visit::id).contains(first.id());
        assertThat($(Button.class).withId("monitoring-reassign").exists()).isFalse();
    }

    @Test
    void theVisitFormRefusesABadPhotoAtOnceWithItsReason_andARemovedPhotoIsNotSaved() {
        Visit first = firstVisitOpenedBy("sari").visit();
        Upload upload = $(Upload.class).id("visit-photos");
        test(upload).upload("bukan-foto.jpg", "image/jpeg", "%PDF-1.4\n% bukan foto uji\n".getBytes(StandardCharsets.US_ASCII));
        assertThat($(Span.class).id("visit-photos-error").getText()).isEqualTo("bukan-foto.jpg: Isi berkas bukan foto JPG atau PNG.");
        assertThat(photosListed()).isEmpty();

        test(upload).upload("kunjungan-dihapus.png", "image/png", TestPhotos.plain("png", 40, 30, Color.RED));
        test(upload).upload("kunjungan-tetap.jpg", "image/jpeg", TestPhotos.plain("jpeg", 40, 30, Color.GREEN));
        assertThat($(Span.class).id("visit-photos-error").getText()).isEmpty();
        ComponentUtil.fireEvent(upload, new FileRemovedEvent(upload, "kunjungan-dihapus.png")); // removed from the upload's list
        assertThat(photosListed()).isEqualTo("Foto diterima: kunjungan-tetap.jpg");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Visit.Business> business = $(RadioButtonGroup.class).id("visit-business");
        business.setValue(Visit.Business.RUNNING);
        test($(Button.class).id("visit-save")).click();
        assertThat(visits.get(first.id()).orElseThrow().done()).isTrue();
        assertThat(visits.photos(first.id())).as("the photo kept, not the removed one").hasSize(1);
    }

    /** A person handed over 50 days ago in Sukoharjo and their first visit, assigned to this field officer and opened by them. */
    private record Opened(MonitoringFixture.HandedOver handedOver, Visit visit) {
    }

    private Opened firstVisitOpenedBy(String officer) {
        BerdayaUser user = fixture.fieldOfficer(SKH, officer);
        MonitoringFixture.HandedOver h = fixture.handedOver(SKH, 1, LocalDate.now().minusDays(50)).getFirst();
        TestAccounts.loginAs(fixture.head(SKH));
        Visit first = visits.ofBeneficiaries(List.of(h.beneficiaryId())).getFirst();
        visits.reassign(first.id(), user.id(), first.version());
        TestAccounts.loginAs(user);
        navigate("pemantauan/kunjungan/" + first.id(), VisitView.class);
        return new Opened(h, first);
    }

    private String photosListed() {
        return $(Div.class).id("visit-photos-list").getElement().getTextRecursively();
    }

    @Test
    void theVisitFormRefusesSellingMoreGoatsThanThereAreKeepsWhatWasTypedAndRecordsTheCorrectedVisit() {
        Opened opened = firstVisitOpenedBy("rina");
        MonitoringFixture.HandedOver h = opened.handedOver();
        Visit first = opened.visit();
        assertThat($(Span.class).id("visit-facts").getText()).contains("hari terlambat");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Visit.Business> business = $(RadioButtonGroup.class).id("visit-business");
        business.setValue(Visit.Business.RUNNING);
        test($(IntegerField.class).id("asset-0-born")).setValue(1);
        test($(IntegerField.class).id("asset-0-sold")).setValue(3);
        test($(IntegerField.class).id("asset-0-price")).setValue(4_500_000);
        test($(Button.class).id("visit-save")).click();
        String errors = $(Div.class).id("visit-ledger-errors").getElement().getTextRecursively();
        assertThat(errors).contains("Kambing Peranakan Etawa (uji)", "hanya ada 2");
        assertThat($(IntegerField.class).id("asset-0-born").getValue()).isEqualTo(1);
        assertThat(visits.get(first.id()).orElseThrow().done()).isFalse();

        test($(IntegerField.class).id("asset-0-sold")).setValue(1);
        test($(IntegerField.class).id("asset-0-price")).setValue(1_500_000);
        test($(Button.class).id("visit-save")).click();
        assertThat(visits.get(first.id()).orElseThrow().done()).isTrue();
        assertThat($(Div.class).id("visit-summary").getElement().getTextRecursively()).contains("Berjalan");
        assertThat(grid("ledger-history").getGenericDataView().getItems().count()).isEqualTo(4); // goat and feed handed, born, sold

        // the head may open the flags; the operator sees the count only; another district finds nothing
        TestAccounts.loginAs(fixture.head(SKH));
        navigate("pemantauan/kunjungan/" + first.id(), VisitView.class);
        assertThat($(Button.class).withId("flags-show-" + first.caseId()).exists()).isTrue();
        TestAccounts.loginAs(fixture.operator(SKH));
        navigate("pemantauan/kunjungan/" + first.id(), VisitView.class);
        assertThat($(Button.class).withId("flags-show-" + first.caseId()).exists()).isFalse();
        assertThat($(Span.class).id("flags-count-" + first.caseId()).getText()).isEqualTo("Tanda risiko terbuka: 0");
        assertThat($(Button.class).withId("visit-save").exists()).isFalse();
        loginAs("uji.layar.head.pkl", Role.DISTRICT_HEAD, "33.26");
        navigate("pemantauan/kunjungan/" + first.id(), VisitView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Data tidak ditemukan");

        // the person's page shows the visits and the asset history
        TestAccounts.loginAs(fixture.head(SKH));
        navigate(BeneficiaryDetailView.class, Map.of("id", String.valueOf(h.beneficiaryId())));
        assertThat($(VerticalLayout.class).withId("person-monitoring").exists()).isTrue();
        assertThat(grid("person-visits").getGenericDataView().getItems()).extracting(Visit::monthOffset).containsExactly(1, 3, 6, 12);
        assertThat(grid("ledger-history").getGenericDataView().getItems().count()).isEqualTo(4);

        // the head's Beranda: the second person's first visit... here the first visit of another handover is 20 days late
        MonitoringFixture.HandedOver late = fixture.handedOver(SKH, 1, LocalDate.now().minusDays(50)).getFirst();
        TestAccounts.loginAs(fixture.head(SKH));
        navigate(BerandaView.class);
        String alerts = $(Div.class).id("monitoring-alerts").getElement().getTextRecursively();
        assertThat(alerts).contains(visits.ofBeneficiaries(List.of(late.beneficiaryId())).getFirst().beneficiaryName(), "terlambat");
        TestAccounts.loginAs(fixture.operator(SKH));
        navigate(MonitoringView.class);
        navigate(BerandaView.class);
        assertThat($(Div.class).withId("monitoring-alerts").exists()).isFalse();
    }
}
