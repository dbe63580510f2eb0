package id.berdaya.ui.training;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.region.RegionService;
import id.berdaya.training.event.EventKind;
import id.berdaya.training.event.EventService;
import id.berdaya.training.event.NewEvent;
import id.berdaya.training.event.TrainingEvent;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.WidgetTexts;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A new training event: district staff in their own kabupaten/kota, a provincial officer in any.
 * The public title is what certificates and the public check show: it never names a target group.
 * The service's rules are shown beside their fields.
 */
@Route("pelatihan/baru")
@RolesAllowed({"PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR"})
public class EventFormView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<Kabkota> kabkota = new ComboBox<>();
    final IntegerField budgetYear = new IntegerField();
    final TextField internalTitle = new TextField();
    final TextField publicTitle = new TextField();
    final ComboBox<EventKind> kind = new ComboBox<>();
    final TextField venue = new TextField();
    final DatePicker startDate = new DatePicker();
    final DatePicker endDate = new DatePicker();
    final IntegerField quota = new IntegerField();
    final TextField signatoryName = new TextField();
    final TextField signatoryPosition = new TextField();
    final Button save = new Button();

    public EventFormView(EventService events, RegionService regions) {
        add(new H2(getTranslation("training.new.title")));
        kabkota.setItems(regions.kabkota());
        kabkota.setItemLabelGenerator(Kabkota::displayName);
        kabkota.setLabel(getTranslation("training.field.kabkota"));
        String own = CurrentUser.require().kabkotaCode();
        if (own != null) { // a district's user plans for their own district only
            regions.kabkota(own).ifPresent(kabkota::setValue);
            kabkota.setReadOnly(true);
        }
        budgetYear.setLabel(getTranslation("training.field.budgetYear"));
        budgetYear.setValue(LocalDate.now(IndonesianFormat.WIB).getYear());
        internalTitle.setLabel(getTranslation("training.field.title"));
        publicTitle.setLabel(getTranslation("training.field.publicTitle"));
        publicTitle.setHelperText(getTranslation("training.field.publicTitleHelp"));
        kind.setItems(EventKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("training.kind." + k.name()));
        kind.setLabel(getTranslation("training.field.kind"));
        venue.setLabel(getTranslation("training.field.venue"));
        startDate.setLabel(getTranslation("training.field.start"));
        endDate.setLabel(getTranslation("training.field.end"));
        for (DatePicker d : new DatePicker[] {startDate, endDate}) {
            d.setLocale(IndonesianFormat.INDONESIAN);
            WidgetTexts.datePicker(d);
        }
        quota.setLabel(getTranslation("training.field.quota"));
        quota.setValue(30);
        signatoryName.setLabel(getTranslation("training.field.signatoryName"));
        signatoryPosition.setLabel(getTranslation("training.field.signatoryPosition"));
        kabkota.setId("event-kabkota");
        internalTitle.setId("event-internal-title");
        publicTitle.setId("event-public-title");
        kind.setId("event-kind");
        venue.setId("event-venue");
        startDate.setId("event-start");
        endDate.setId("event-end");
        FormLayout form = new FormLayout(kabkota, budgetYear, internalTitle, publicTitle, kind, venue, startDate, endDate, quota,
                signatoryName, signatoryPosition);
        save.setText(getTranslation("action.save"));
        save.setId("training-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Map<String, HasValidation> fields = Map.of("kabkotaCode", kabkota, "budgetYear", budgetYear, "internalTitle", internalTitle,
                "publicTitle", publicTitle, "kind", kind, "venue", venue, "startDate", startDate, "endDate", endDate, "quota", quota);
        save.addClickListener(c -> {
            try {
                TrainingEvent e = events.create(new NewEvent(kabkota.getValue() == null ? null : kabkota.getValue().code(),
                        budgetYear.getValue() == null ? 0 : budgetYear.getValue(), internalTitle.getValue(), publicTitle.getValue(),
                        kind.getValue(), venue.getValue(), startDate.getValue(), endDate.getValue(), List.of(),
                        quota.getValue() == null ? 0 : quota.getValue(), null, signatoryName.getValue(), signatoryPosition.getValue()));
                getUI().ifPresent(ui -> ui.navigate(EventDetailView.class, new RouteParameters("id", String.valueOf(e.id()))));
            } catch (RuleViolation v) {
                Feedback.show(this, v, fields);
            } catch (org.springframework.security.access.AccessDeniedException denied) {
                Feedback.error(this, "training.event.otherDistrict");
            }
        });
        add(form, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("training.new.title") + " · Berdaya";
    }
}
