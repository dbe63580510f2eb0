package id.berdaya.ui.training;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.NewSession;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.training.partner.Partner;
import id.berdaya.training.partner.PartnerService;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.WidgetTexts;

import java.time.LocalTime;
import java.util.Map;

/** The event page's new session: date, times, topic, and a facilitator and/or a partner agency. */
class SessionForm extends HorizontalLayout {

    SessionForm(EventService events, PartnerService partners, TrainingEvent e, Runnable saved) {
        DatePicker date = new DatePicker(getTranslation("training.field.date"));
        date.setId("session-date");
        date.setLocale(IndonesianFormat.INDONESIAN);
        WidgetTexts.datePicker(date);
        date.setValue(e.startDate());
        TimePicker start = new TimePicker(getTranslation("training.field.start"), LocalTime.of(8, 0));
        TimePicker end = new TimePicker(getTranslation("training.field.end"), LocalTime.of(11, 0));
        TextField topic = new TextField(getTranslation("training.session.topic"));
        topic.setId("session-topic");
        TextField facilitator = new TextField(getTranslation("training.session.facilitator"));
        facilitator.setId("session-facilitator");
        ComboBox<Partner> partner = new ComboBox<>(getTranslation("training.session.partner"));
        partner.setItems(partners.list().stream().filter(p -> p.active()
                && (p.kabkotaCode() == null || p.kabkotaCode().equals(e.kabkotaCode()))).toList());
        partner.setItemLabelGenerator(Partner::name);
        partner.setClearButtonVisible(true);
        partner.setId("session-partner");
        Button add = new Button(getTranslation("training.session.add"));
        add.setId("session-add");
        Map<String, HasValidation> fields = Map.of("date", date, "endTime", end, "topic", topic, "facilitatorName", facilitator,
                "partnerId", partner);
        add.addClickListener(c -> {
            try {
                events.addSession(e.id(), new NewSession(date.getValue(), start.getValue(), end.getValue(), topic.getValue(),
                        facilitator.getValue(), null, partner.getValue() == null ? null : partner.getValue().id(), null));
                saved.run();
            } catch (RuleViolation v) {
                Feedback.show(this, v, fields);
            }
        });
        add(date, start, end, topic, facilitator, partner, add);
        setAlignItems(Alignment.END);
        setWrap(true);
    }
}
