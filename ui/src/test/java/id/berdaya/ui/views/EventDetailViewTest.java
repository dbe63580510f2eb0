package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.attendance.AttendanceService;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.partner.Partner;
import id.berdaya.ui.training.EventDetailView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /pelatihan/{id}: the buttons are the service's answer per role and status; another district's event is not found. */
class EventDetailViewTest extends ViewTestSupport {

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired TrainingFixture fixture;
    @Autowired AttendanceService attendance;

    private List<String> buttons() {
        return $(Button.class).all().stream().map(Button::getText).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOperatorOpensAndStartsTheHeadClosesAndOtherDistrictsSeeNothing() throws java.io.IOException {
        List<Long> people = fixture.verifiedPeople("33.03", 2);
        TrainingFixture.AgencyAccount aa = fixture.agencyWithAccount("Kemenag Uji Tampilan", "33.03");
        Partner agency = aa.partner();
        BerdayaUser partnerUser = aa.user();
        loginAs("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        NewEvent n = fixture.event("33.03", new id.berdaya.training.event.CompletionRule(null, null));
        TrainingEvent e = events.create(n);
        events.addSession(e.id(), TrainingFixture.session(n, 0, null));
        events.addSession(e.id(), TrainingFixture.session(n, 1, agency.id()));

        navigate("pelatihan/" + e.id(), EventDetailView.class);
        assertThat(buttons()).contains("Buka pendaftaran", "Batalkan kegiatan").doesNotContain("Tutup kegiatan", "Mulai kegiatan");
        test($(Button.class).id("training-action-open")).click();
        enrolment.enrol(e.id(), people);
        navigate("pelatihan/" + e.id(), EventDetailView.class);
        test($(Button.class).id("training-action-start")).click();
        assertThat($(Paragraph.class).id("training-event-status").getText()).contains("Berjalan");
        assertThat(buttons()).doesNotContain("Tutup kegiatan");
        assertThat($(Grid.class).id("training-participants").getGenericDataView().getItems().count()).isEqualTo(2);
        // the participants' XLSX, its sheet named in the user's language
        assertThat($(Anchor.class).id("training-participants-export").getElement().getTextRecursively()).contains("Unduh XLSX");
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        enrolment.exportParticipants(e.id(), ((EventDetailView) getCurrentView()).participantsSheet(), Map.of(), xlsx);
        assertThat(TranslatedWidgetsViewTest.sheetName(xlsx)).isEqualTo("Peserta");
        // scores through the dialog; out of range is refused beside its field
        Participant first = enrolment.participants(e.id()).getFirst();
        Grid<Participant> grid = $(Grid.class).id("training-participants");
        test((Button) test(grid).getCellComponent(0, grid.getColumns().size() - 1)).click();
        $(BigDecimalField.class).id("score-post").setValue(new BigDecimal("101"));
        test($(Button.class).id("score-save")).click();
        assertThat($(BigDecimalField.class).id("score-post").isInvalid()).isTrue();
        $(BigDecimalField.class).id("score-pre").setValue(new BigDecimal("40"));
        $(BigDecimalField.class).id("score-post").setValue(new BigDecimal("85.5"));
        test($(Button.class).id("score-save")).click();
        assertThat(attendance.results(e.id()).get(first.id()).postScore()).isEqualByComparingTo("85.5");

        loginAs("uji.pel.head.33.03", Role.DISTRICT_HEAD, "33.03");
        navigate("pelatihan/" + e.id(), EventDetailView.class);
        assertThat(buttons()).contains("Tutup kegiatan");
        events.close(e.id(), events.get(e.id()).orElseThrow().version());
        navigate("pelatihan/" + e.id(), EventDetailView.class);
        assertThat(events.get(e.id()).orElseThrow().status()).isEqualTo(EventStatus.CLOSED);
        assertThat($(Grid.class).id("training-certificates").getGenericDataView().getItems().count()).isEqualTo(2);
        assertThat(buttons()).doesNotContain("Buka kembali", "Tutup kegiatan");

        loginAs("uji.pel.verif", Role.PROVINCE_OFFICER, null);
        navigate("pelatihan/" + e.id(), EventDetailView.class);
        assertThat(buttons()).contains("Buka kembali");
        // the provincial officer revokes one certificate with a reason
        Grid<id.berdaya.training.certificate.Certificate> certs = $(Grid.class).id("training-certificates");
        test((Button) test(certs).getCellComponent(0, certs.getColumns().size() - 1)).click();
        test($(Button.class).id("reason-confirm")).click();
        assertThat($(TextField.class).id("reason-text").isInvalid()).isTrue();
        $(TextField.class).id("reason-text").setValue("Nama peserta salah ketik");
        test($(Button.class).id("reason-confirm")).click();
        assertThat($(Grid.class).id("training-certificates").getGenericDataView().getItems()
                .filter(c -> !((id.berdaya.training.certificate.Certificate) c).valid()).count()).isEqualTo(1);

        // the agency sees its session and the names, no results, no certificates, no buttons
        TestAccounts.loginAs(partnerUser);
        navigate("pelatihan/" + e.id(), EventDetailView.class);
        assertThat(buttons()).doesNotContain("Buka kembali", "Tutup kegiatan", "Batalkan kegiatan");
        assertThat($(Grid.class).id("training-sessions").getGenericDataView().getItems().count()).isEqualTo(1);
        assertThat($(Grid.class).id("training-participants").getColumns()).hasSize(2);
        assertThat($(Grid.class).all()).extracting(g -> g.getId().orElse("")).doesNotContain("training-certificates");
        assertThat($(Anchor.class).all()).extracting(a -> a.getId().orElse("")).doesNotContain("training-participants-export");
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain(e.internalTitle());

        loginAs("uji.pel.op.pkl", Role.DISTRICT_OPERATOR, "33.26");
        navigate("pelatihan/" + e.id(), EventDetailView.class);
        assertThat(buttons()).doesNotContain("Buka kembali", "Tutup kegiatan", "Batalkan kegiatan");
        assertThat($(Grid.class).all()).isEmpty();
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Data tidak ditemukan")
                .doesNotContain(e.publicTitle());
    }
}
