package id.berdaya.ui.grants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import id.berdaya.core.RuleViolation;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.handover.NewGroupHandover;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.ui.components.Feedback;

import java.util.List;

/**
 * The group handover of the proposals selected on {@code /bantuan}: the shared terms entered once
 * ({@link HandoverTerms}, with the group's photos), then one BAST per person in one transaction. When
 * any proposal fails nothing is recorded and the dialog lists each failure and why.
 */
class GroupHandoverDialog extends Dialog {

    final HandoverTerms terms;
    final Button record = new Button();
    final Div result = new Div();

    GroupHandoverDialog(HandoverService handovers, List<Proposal> selected, Runnable done) {
        setId("group-handover-dialog");
        setHeaderTitle(getTranslation("grants.handover.group.title", selected.size()));
        terms = new HandoverTerms(handovers);
        Paragraph names = new Paragraph(String.join(", ", selected.stream().map(Proposal::beneficiaryName).toList()));
        names.setId("group-handover-members");
        result.setId("group-handover-result");
        add(new Paragraph(getTranslation("grants.handover.group.hint")), names, terms, result);
        record.setText(getTranslation("grants.handover.record"));
        record.setId("group-handover-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickListener(e -> {
            HandoverTerms t = terms;
            NewGroupHandover g = new NewGroupHandover(selected.stream().map(p -> new NewGroupHandover.Member(p.id(), p.version())).toList(),
                    t.date.getValue(), t.place.getValue(), t.giverName.getValue(), t.giverPosition.getValue(), t.giverOffice.getValue(),
                    t.witnessName.getValue(), t.witnessPosition.getValue(), t.position(), t.photoUploads(),
                    t.keepPhotoPosition.getValue());
            try {
                NewGroupHandover.Outcome outcome = handovers.recordGroup(g);
                if (outcome.done()) {
                    Feedback.success(this, "grants.handover.group.recorded",
                            String.join(", ", outcome.recorded().stream().map(Handover::number).toList()));
                    close();
                    done.run();
                } else {
                    result.removeAll();
                    result.add(new Span(getTranslation("grants.handover.group.failed")));
                    for (NewGroupHandover.Failure f : outcome.failures()) {
                        Div line = new Div(getTranslation("grants.handover.group.failure",
                                f.beneficiaryName() == null ? "#" + f.proposalId() : f.beneficiaryName(), getTranslation(f.key())));
                        line.addClassName("group-handover-failure");
                        result.add(line);
                    }
                }
            } catch (RuleViolation v) {
                t.show(v);
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, record);
    }
}
