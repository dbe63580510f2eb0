package id.berdaya.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.security.Role;
import id.berdaya.registry.beneficiary.BeneficiarySummary;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.EventFilter;
import id.berdaya.training.event.EventKind;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.EventStatus;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.ui.training.EventDetailView;
import id.berdaya.ui.training.EventFormView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator creates an event, adds a session, opens enrolment and enrols people from the register. */
class EventFormViewTest extends ViewTestSupport {

    @Autowired EventService events;
    @Autowired EnrolmentService enrolment;
    @Autowired TrainingFixture fixture;

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorCreatesAnEventAddsASessionAndEnrolsVerifiedPeople() {
        List<Long> people = fixture.verifiedPeople("33.03", 2);
        loginAs("uji.pel.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        navigate(EventFormView.class);
        Button save = $(Button.class).id("training-save");
        TextField venue = $(TextField.class).id("event-venue");
        test(save).click(); // empty: the rules are shown beside their fields, nothing is saved
        assertThat(venue.isInvalid()).isTrue();

        LocalDate start = LocalDate.of(2027, 2, 1);
        ComboBox<Kabkota> kabkota = $(ComboBox.class).id("event-kabkota");
        kabkota.setValue(kabkota.getListDataView().getItems().filter(k -> k.code().equals("33.03")).findFirst().orElseThrow());
        $(TextField.class).id("event-internal-title").setValue("Pelatihan formulir uji");
        $(TextField.class).id("event-public-title").setValue("Pelatihan Keterampilan Formulir Uji");
        ((ComboBox<EventKind>) $(ComboBox.class).id("event-kind")).setValue(EventKind.SKILLS);
        venue.setValue("Balai Uji");
        $(DatePicker.class).id("event-start").setValue(start);
        $(DatePicker.class).id("event-end").setValue(start.plusDays(2));
        test(save).click();
        assertThat(getCurrentView()).isInstanceOf(EventDetailView.class);
        TrainingEvent e = events.list(EventFilter.ALL).stream().filter(x -> x.publicTitle().equals("Pelatihan Keterampilan Formulir Uji"))
                .findFirst().orElseThrow();

        test($(TextField.class).id("session-topic")).setValue("Menjahit dasar");
        test($(TextField.class).id("session-facilitator")).setValue("Fasilitator Formulir");
        test($(Button.class).id("session-add")).click();
        assertThat(events.sessions(e.id())).singleElement().satisfies(s -> assertThat(s.topic()).isEqualTo("Menjahit dasar"));

        test($(Button.class).id("training-action-open")).click();
        assertThat(events.get(e.id()).orElseThrow().status()).isEqualTo(EventStatus.OPEN);
        Grid<BeneficiarySummary> candidates = $(Grid.class).id("enrol-candidates");
        candidates.getGenericDataView().getItems().filter(b -> people.contains(b.id())).forEach(candidates::select);
        test($(Button.class).id("enrol-selected")).click();
        assertThat(enrolment.participants(e.id())).extracting(Participant::beneficiaryId).containsExactlyInAnyOrderElementsOf(people);
    }
}
