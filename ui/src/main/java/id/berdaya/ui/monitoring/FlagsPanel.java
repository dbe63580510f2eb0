package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.monitoring.reintegration.Flag;
import id.berdaya.monitoring.reintegration.ReintegrationService;
import id.berdaya.ui.components.Feedback;

/**
 * A follow-up's reintegration risk flags: everyone sees the count of open ones; whoever the
 * service allows may open the flags themselves (each opening audited) and, if allowed, close one
 * with a note.
 */
class FlagsPanel extends VerticalLayout {

    private final ReintegrationService reintegration;
    private final long caseId;
    final Span count = new Span();
    final Button show = new Button();
    final Div list = new Div();

    FlagsPanel(ReintegrationService reintegration, long caseId) {
        this.reintegration = reintegration;
        this.caseId = caseId;
        setPadding(false);
        setSpacing(false);
        count.setId("flags-count-" + caseId);
        list.setId("flags-list-" + caseId);
        add(count, list);
        if (reintegration.mayReadFlags(caseId)) {
            show.setText(getTranslation("monitoring.flags.show"));
            show.setId("flags-show-" + caseId);
            show.addClickListener(e -> showFlags());
            add(show);
        }
        count.setText(getTranslation("monitoring.flags.count", reintegration.openCount(caseId)));
    }

    private void showFlags() {
        list.removeAll();
        boolean mayClose = reintegration.mayCloseFlags();
        for (Flag f : reintegration.flags(caseId)) {
            Span text = new Span(IndonesianFormat.date(f.raisedOn()) + " · " + getTranslation("monitoring.flag." + f.kind().name())
                    + (f.note() == null ? "" : " · " + f.note())
                    + (f.open() ? "" : " · " + getTranslation("monitoring.flags.closedOn", IndonesianFormat.date(f.closedOn()),
                    f.closeNote())));
            text.setId("flag-" + f.id());
            HorizontalLayout row = new HorizontalLayout(text);
            row.setWrap(true);
            if (f.open() && mayClose) {
                TextField note = new TextField();
                note.setPlaceholder(getTranslation("monitoring.flags.closeNote"));
                note.setId("flag-close-note-" + f.id());
                Button close = new Button(getTranslation("monitoring.flags.close"), e -> close(f, note));
                close.setId("flag-close-" + f.id());
                row.add(note, close);
            }
            list.add(row);
        }
        show.setVisible(false);
    }

    private void close(Flag f, TextField note) {
        try {
            reintegration.close(f.id(), note.getValue(), f.version());
            Feedback.success(this, "monitoring.flags.closed");
            count.setText(getTranslation("monitoring.flags.count", reintegration.openCount(caseId)));
            showFlags();
        } catch (RuleViolation v) {
            note.setInvalid(true);
            note.setErrorMessage(getTranslation(v.problems().getFirst().key(), v.problems().getFirst().args().toArray()));
        }
    }
}
