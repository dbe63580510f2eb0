package id.berdaya.ui.training;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import id.berdaya.core.RuleViolation;
import id.berdaya.registry.beneficiary.BeneficiaryFilter;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.registry.beneficiary.BeneficiarySummary;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.ParticipantStatus;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.ui.components.Feedback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The event page's enrolment from the register: verified or active people of the event's kabupaten/kota, many at once. */
class EnrolmentForm extends VerticalLayout {

    EnrolmentForm(EnrolmentService enrolment, BeneficiaryService register, TrainingEvent e, Runnable enrolled) {
        Grid<BeneficiarySummary> candidates = new Grid<>();
        candidates.setId("enrol-candidates");
        candidates.setSelectionMode(Grid.SelectionMode.MULTI);
        candidates.setAllRowsVisible(true);
        candidates.addColumn(BeneficiarySummary::fullName).setHeader(getTranslation("training.field.name")).setFlexGrow(1);
        candidates.addColumn(BeneficiarySummary::maskedNik).setHeader("NIK").setAutoWidth(true);
        candidates.addColumn(b -> getTranslation("registry.status." + b.status().name())).setHeader(getTranslation("training.field.status"))
                .setAutoWidth(true);
        Set<Long> already = new HashSet<>();
        enrolment.participants(e.id()).stream().filter(p -> p.status() == ParticipantStatus.ENROLLED)
                .forEach(p -> already.add(p.beneficiaryId()));
        List<BeneficiarySummary> people = new ArrayList<>();
        for (BeneficiaryStatus st : List.of(BeneficiaryStatus.VERIFIED, BeneficiaryStatus.ACTIVE)) {
            register.page(new BeneficiaryFilter(null, null, e.kabkotaCode(), null, null, null, st, null, null, null, false), null, 200)
                    .stream().filter(b -> !already.contains(b.id())).forEach(people::add);
        }
        candidates.setItems(people);
        Button enrol = new Button(getTranslation("training.enrol.action"));
        enrol.setId("enrol-selected");
        enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enrol.addClickListener(c -> {
            try {
                enrolment.enrol(e.id(), candidates.getSelectedItems().stream().map(BeneficiarySummary::id).toList());
                Feedback.success(this, "training.saved");
            } catch (RuleViolation v) {
                Feedback.error(this, v.problems().getFirst().key(), v.problems().getFirst().args().toArray());
            }
            enrolled.run();
        });
        add(new H3(getTranslation("training.enrol.title")), candidates, enrol);
    }
}
