package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.user.Colleague;
import id.berdaya.monitoring.schedule.OfficerArea;
import id.berdaya.monitoring.schedule.ScheduleService;
import id.berdaya.ui.components.Feedback;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The shape of the follow-up on /pemantauan, for whoever the service lets keep it: the district
 * head's kecamatan and their field officers, the province administrator's visit offsets per budget
 * year. Each change is audited by the service.
 */
class SchedulePanel extends VerticalLayout {

    private final ScheduleService schedule;

    SchedulePanel(ScheduleService schedule) {
        this.schedule = schedule;
        setPadding(false);
        if (schedule.mayAssign()) {
            add(areas());
        }
        if (schedule.maySetOffsets()) {
            add(offsets());
        }
    }

    private Details areas() {
        VerticalLayout rows = new VerticalLayout();
        rows.setPadding(false);
        List<OfficerArea> areas = schedule.ownAreas();
        List<Colleague> officers = areas.isEmpty() ? List.of()
                : schedule.fieldOfficers(areas.getFirst().kecamatanCode().substring(0, 5));
        int i = 0;
        for (OfficerArea a : areas) {
            ComboBox<Colleague> who = new ComboBox<>(a.kecamatanName());
            who.setItems(officers);
            who.setItemLabelGenerator(Colleague::fullName);
            who.setClearButtonVisible(true);
            who.setId("area-" + i++);
            officers.stream().filter(c -> Objects.equals(c.id(), a.officerId())).findFirst().ifPresent(who::setValue);
            who.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    schedule.assignArea(a.kecamatanCode(), e.getValue() == null ? null : e.getValue().id());
                    Feedback.success(this, "monitoring.areas.saved");
                }
            });
            rows.add(who);
        }
        Details d = new Details(getTranslation("monitoring.areas.title"), rows);
        d.setId("monitoring-areas");
        return d;
    }

    private Details offsets() {
        IntegerField year = new IntegerField(getTranslation("grants.field.budgetYear"));
        year.setValue(LocalDate.now(IndonesianFormat.WIB).getYear());
        year.setId("offsets-year");
        TextField months = new TextField(getTranslation("monitoring.offsets.months"));
        months.setId("offsets-months");
        months.setHelperText(getTranslation("monitoring.offsets.help"));
        Runnable load = () -> months.setValue(schedule.offsets(year.getValue() == null ? 0 : year.getValue()).stream()
                .map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        load.run();
        year.addValueChangeListener(e -> load.run());
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                List<Integer> list = Arrays.stream(months.getValue().split("[,;\\s]+")).filter(s -> !s.isBlank())
                        .map(Integer::valueOf).toList();
                schedule.setOffsets(year.getValue(), list);
                Feedback.success(this, "monitoring.offsets.saved");
                load.run();
            } catch (NumberFormatException x) {
                months.setInvalid(true);
                months.setErrorMessage(getTranslation("monitoring.offsets.invalid"));
            } catch (RuleViolation x) {
                months.setInvalid(true);
                months.setErrorMessage(getTranslation(x.problems().getFirst().key()));
            }
        });
        save.setId("offsets-save");
        HorizontalLayout row = new HorizontalLayout(year, months, save);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        Details d = new Details(getTranslation("monitoring.offsets.title"), row);
        d.setId("monitoring-offsets");
        return d;
    }
}
