package id.berdaya.ui.views;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import id.berdaya.core.security.Role;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.certificate.Certificate;
import id.berdaya.training.certificate.CertificateService;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.history.TrainingHistoryEntry;
import id.berdaya.ui.registry.BeneficiaryDetailView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /penerima-manfaat/{id}: the person's training history, put together by the ui from the register and training. */
class TrainingHistoryViewTest extends ViewTestSupport {

    @Autowired TrainingFixture fixture;
    @Autowired EnrolmentService enrolment;
    @Autowired CertificateService certificates;

    @Test
    @SuppressWarnings("unchecked")
    void theDetailPageShowsEachTrainingWithResultAndACertificateLinkToItsPublicCheck() {
        TrainingEvent e = fixture.closedEventWithCertificates("33.03", 1);
        List<Long> untrained = fixture.verifiedPeople("33.03", 1);
        loginAs("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        Participant p = enrolment.participants(e.id()).getFirst();
        Certificate c = certificates.ofParticipant(p.id()).getFirst();

        navigate("penerima-manfaat/" + p.beneficiaryId(), BeneficiaryDetailView.class);
        Grid<TrainingHistoryEntry> history = $(Grid.class).id("training-history");
        assertThat(history.getGenericDataView().getItems().toList()).singleElement().satisfies(h -> {
            assertThat(h.eventId()).isEqualTo(e.id());
            assertThat(h.participantId()).isEqualTo(p.id());
        });
        assertThat(test(history).getCellText(0, 0)).isEqualTo(e.publicTitle());
        assertThat(test(history).getCellText(0, 4)).isEqualTo("Lulus");
        Anchor link = (Anchor) test(history).getCellComponent(0, 5).getChildren().findFirst().orElseThrow();
        assertThat(link.getId()).hasValue("certificate-" + c.id());
        assertThat(link.getText()).isEqualTo(c.number());
        assertThat(link.getHref()).isEqualTo("verifikasi/" + c.code());

        // a field officer sees the history too, and nowhere the internal title (it may name the target group)
        loginAs("uji.pel.field.pbg", Role.FIELD_OFFICER, "33.03");
        navigate("penerima-manfaat/" + p.beneficiaryId(), BeneficiaryDetailView.class);
        Grid<TrainingHistoryEntry> seen = $(Grid.class).id("training-history");
        assertThat(seen.getGenericDataView().getItems().count()).isEqualTo(1);
        assertThat(test(seen).getCellText(0, 0)).isEqualTo(e.publicTitle());
        for (int col = 0; col < 5; col++) {
            assertThat(test(seen).getCellText(0, col)).doesNotContain(e.internalTitle());
        }

        // someone never trained: an empty history
        loginAs("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        navigate("penerima-manfaat/" + untrained.getFirst(), BeneficiaryDetailView.class);
        assertThat($(Grid.class).id("training-history").getGenericDataView().getItems().count()).isZero();

        // another district: the person is not found, so no history either
        loginAs("uji.pel.op.pkl", Role.DISTRICT_OPERATOR, "33.26");
        navigate("penerima-manfaat/" + p.beneficiaryId(), BeneficiaryDetailView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Data tidak ditemukan.");
        assertThat($(Grid.class).all()).isEmpty();
    }
}
