package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import id.berdaya.core.RuleViolation;
import id.berdaya.monitoring.ledger.Asset;
import id.berdaya.monitoring.ledger.AssetKind;
import id.berdaya.monitoring.ledger.AssetReport;
import id.berdaya.monitoring.reintegration.FlagKind;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitReport;
import id.berdaya.monitoring.visit.VisitService;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.PhotoPicker;
import id.berdaya.ui.components.WidgetTexts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The visit form: date, whether the person was met (if not, why), the business (yes / partly / no
 * with a reason), the month's turnover and profit, acceptance, risk flags, notes, needs,
 * referrals, up to three photos (each checked at once, a removed one forgotten: {@link PhotoPicker}),
 * and for each item handed over what became of it. A refusal shows each problem beside its field
 * (the ledger's in one list naming the items, the photos' under the upload); nothing typed is lost.
 */
class VisitForm extends VerticalLayout {

    private final VisitService visits;
    private final Visit visit;
    private final Runnable saved;
    final DatePicker date = WidgetTexts.datePicker(new DatePicker());
    final RadioButtonGroup<Boolean> met = new RadioButtonGroup<>();
    final TextField notMetReason = new TextField();
    final RadioButtonGroup<Visit.Business> business = new RadioButtonGroup<>();
    final TextField businessReason = new TextField();
    final IntegerField turnover = new IntegerField();
    final IntegerField profit = new IntegerField();
    final Select<Visit.Acceptance> work = new Select<>();
    final Select<Visit.Acceptance> family = new Select<>();
    final Select<Visit.Acceptance> community = new Select<>();
    final CheckboxGroup<FlagKind> flags = new CheckboxGroup<>();
    final TextArea flagNote = new TextArea();
    final TextArea notes = new TextArea();
    final TextArea needs = new TextArea();
    final TextArea referrals = new TextArea();
    final Div ledgerErrors = new Div();
    final Button save = new Button();
    final List<AssetLine> lines = new ArrayList<>();
    final PhotoPicker photos;

    /** One item's fields; those that do not apply to its kind are hidden and left at zero. */
    record AssetLine(Asset asset, IntegerField born, IntegerField sold, IntegerField price, IntegerField died, TextField deathCause,
                     IntegerField consumed, IntegerField broken, IntegerField lost, TextField lossCause, IntegerField counted) {

        AssetReport report() {
            return new AssetReport(asset.id(), v(born), v(sold), sold.getValue() == null || price.getValue() == null ? null
                    : price.getValue().longValue(), v(died), deathCause.getValue(), v(consumed), v(broken), v(lost),
                    lossCause.getValue(), counted.getValue());
        }

        private static int v(IntegerField f) {
            return f.getValue() == null ? 0 : f.getValue();
        }
    }

    VisitForm(VisitService visits, Visit visit, List<Asset> assets, Runnable saved) {
        this.visits = visits;
        this.visit = visit;
        this.saved = saved;
        setPadding(false);
        setId("visit-form");
        date.setLabel(getTranslation("monitoring.visit.date"));
        date.setId("visit-date");
        date.setValue(visits.today());
        met.setLabel(getTranslation("monitoring.visit.met"));
        met.setItems(true, false);
        met.setItemLabelGenerator(b -> getTranslation(b ? "monitoring.visit.metYes" : "monitoring.visit.metNo"));
        met.setValue(true);
        met.setId("visit-met");
        text(notMetReason, "visit-not-met-reason", "monitoring.visit.notMetReason", 300);
        business.setLabel(getTranslation("monitoring.visit.business"));
        business.setItems(Visit.Business.values());
        business.setItemLabelGenerator(b -> getTranslation("monitoring.business." + b.name()));
        business.setId("visit-business");
        text(businessReason, "visit-business-reason", "monitoring.visit.businessReason", 300);
        money(turnover, "visit-turnover", "monitoring.visit.turnover");
        money(profit, "visit-profit", "monitoring.visit.profit");
        acceptance(work, "visit-work", "monitoring.visit.work");
        acceptance(family, "visit-family", "monitoring.visit.family");
        acceptance(community, "visit-community", "monitoring.visit.community");
        flags.setLabel(getTranslation("monitoring.visit.flags"));
        flags.setItems(FlagKind.values());
        flags.setItemLabelGenerator(k -> getTranslation("monitoring.flag." + k.name()));
        flags.setId("visit-flags");
        area(flagNote, "visit-flag-note", "monitoring.visit.flagNote", 1000);
        area(notes, "visit-notes", "monitoring.visit.notes", 2000);
        area(needs, "visit-needs", "monitoring.visit.needs", 1000);
        area(referrals, "visit-referrals", "monitoring.visit.referrals", 500);
        FormLayout form = new FormLayout(date, met, notMetReason, business, businessReason, turnover, profit, work, family, community);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        met.addValueChangeListener(e -> notMetReason.setVisible(Boolean.FALSE.equals(e.getValue())));
        notMetReason.setVisible(false);
        add(form, new H3(getTranslation("monitoring.visit.assets")));
        int i = 0;
        for (Asset a : assets) {
            add(assetLine(a, i++));
        }
        ledgerErrors.setId("visit-ledger-errors");
        ledgerErrors.addClassName("berdaya-error-text");
        FormLayout more = new FormLayout(flags, flagNote, notes, needs, referrals);
        more.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        photos = new PhotoPicker("visit-photos", getTranslation("monitoring.visit.photos"), null, VisitService.MAX_PHOTOS,
                VisitService.MAX_PHOTO_BYTES, visits::checkPhoto);
        add(ledgerErrors, more, photos);
        save.setText(getTranslation("monitoring.visit.save"));
        save.setId("visit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(save);
    }

    private HorizontalLayout assetLine(Asset a, int i) {
        boolean livestock = a.kind() == AssetKind.LIVESTOCK;
        String p = "asset-" + i + "-";
        AssetLine l = new AssetLine(a, count(p + "born", "monitoring.asset.born", livestock), count(p + "sold", "monitoring.asset.sold", true),
                count(p + "price", "monitoring.asset.price", true), count(p + "died", "monitoring.asset.died", livestock),
                cause(p + "death-cause", "monitoring.asset.deathCause", livestock), count(p + "consumed", "monitoring.asset.consumed", livestock),
                count(p + "broken", "monitoring.asset.broken", !livestock), count(p + "lost", "monitoring.asset.lost", !livestock),
                cause(p + "loss-cause", "monitoring.asset.lossCause", !livestock), count(p + "counted", "monitoring.asset.counted", true));
        l.price().setWidth("10em");
        lines.add(l);
        Span name = new Span(a.name() + " · " + getTranslation("monitoring.visit.balance", a.balance(), a.unit()));
        name.setWidth("14em");
        HorizontalLayout row = new HorizontalLayout(name, l.born(), l.sold(), l.price(), l.died(), l.deathCause(), l.consumed(), l.broken(),
                l.lost(), l.lossCause(), l.counted());
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private IntegerField count(String id, String key, boolean shown) {
        IntegerField f = new IntegerField(getTranslation(key));
        f.setId(id);
        f.setMin(0);
        f.setWidth("6.5em");
        f.setVisible(shown);
        return f;
    }

    private TextField cause(String id, String key, boolean shown) {
        TextField f = new TextField(getTranslation(key));
        f.setId(id);
        f.setMaxLength(300);
        f.setVisible(shown);
        return f;
    }

    private void text(TextField f, String id, String key, int max) {
        f.setId(id);
        f.setLabel(getTranslation(key));
        f.setMaxLength(max);
    }

    private void area(TextArea f, String id, String key, int max) {
        f.setId(id);
        f.setLabel(getTranslation(key));
        f.setMaxLength(max);
    }

    private void money(IntegerField f, String id, String key) {
        f.setId(id);
        f.setLabel(getTranslation(key));
        f.setMin(0);
    }

    private void acceptance(Select<Visit.Acceptance> s, String id, String key) {
        s.setId(id);
        s.setLabel(getTranslation(key));
        s.setItems(Visit.Acceptance.values());
        s.setItemLabelGenerator(a -> a == null ? "" : getTranslation("monitoring.acceptance." + a.name()));
        s.setEmptySelectionAllowed(true);
    }

    VisitReport report() {
        boolean personMet = !Boolean.FALSE.equals(met.getValue());
        return new VisitReport(date.getValue(), personMet, notMetReason.getValue(), business.getValue(), businessReason.getValue(),
                turnover.getValue() == null ? null : turnover.getValue().longValue(),
                profit.getValue() == null ? null : profit.getValue().longValue(), work.getValue(), family.getValue(),
                community.getValue(), flags.getValue() == null ? Set.of() : Set.copyOf(flags.getValue()),
                flagNote.getValue(), notes.getValue(), needs.getValue(), referrals.getValue(),
                lines.stream().map(AssetLine::report).toList(), photos.photos().stream().map(PhotoPicker.Photo::content).toList(),
                visit.version());
    }

    private void save() {
        try {
            visits.record(visit.id(), report());
            Feedback.success(this, "monitoring.visit.saved");
            saved.run();
        } catch (RuleViolation v) {
            ledgerErrors.removeAll();
            List<RuleViolation.Problem> rest = new ArrayList<>();
            List<String> photoErrors = new ArrayList<>();
            for (RuleViolation.Problem p : v.problems()) {
                if ("assets".equals(p.field())) {
                    Div line = new Div(getTranslation(p.key(), p.args().toArray()));
                    ledgerErrors.add(line);
                } else if ("photos".equals(p.field())) {
                    photoErrors.add(getTranslation(p.key(), p.args().toArray()));
                } else {
                    rest.add(p);
                }
            }
            photos.showError(String.join(" ", photoErrors));
            Map<String, HasValidation> fields = new LinkedHashMap<>();
            fields.put("visitedOn", date);
            fields.put("notMetReason", notMetReason);
            fields.put("business", business);
            fields.put("businessReason", businessReason);
            fields.put("turnover", turnover);
            fields.put("flagNote", flagNote);
            fields.put("notes", notes);
            fields.put("needs", needs);
            fields.put("referrals", referrals);
            Feedback.show(this, new RuleViolation(rest), fields);
        }
    }
}
