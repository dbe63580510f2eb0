package id.berdaya.ui.registry;

import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.category.CategoryService;
import id.berdaya.registry.category.Category;
import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.beneficiary.Registration;
import id.berdaya.registry.nik.NikCheck;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.region.Desa;
import id.berdaya.core.region.Kecamatan;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.ui.components.Feedback;
import id.berdaya.ui.components.WidgetTexts;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Registering a person: cascading kecamatan → desa pickers within the operator's district, the
 * NIK checked as it is typed (errors refuse, warnings are shown beside the field and stored as
 * review flags; a NIK registered already is said at once, with a link to the record when it is
 * in the user's district), and the service's rules shown beside their fields with nothing lost.
 */
@Route("penerima-manfaat/baru")
@RolesAllowed("DISTRICT_OPERATOR")
public class BeneficiaryFormView extends VerticalLayout implements HasDynamicTitle {

    final TextField nik = new TextField();
    final Span nikWarnings = new Span();
    final RouterLink nikExisting = new RouterLink();
    final TextField kk = new TextField();
    final TextField fullName = new TextField();
    final TextField nickname = new TextField();
    final RadioButtonGroup<Sex> sex = new RadioButtonGroup<>();
    final TextField birthPlace = new TextField();
    final DatePicker birthDate = new DatePicker();
    final ComboBox<Kecamatan> kecamatan = new ComboBox<>();
    final ComboBox<Desa> desa = new ComboBox<>();
    final TextField rt = new TextField();
    final TextField rw = new TextField();
    final TextField street = new TextField();
    final TextField phone = new TextField();
    final Select<String> marital = new Select<>();
    final Select<String> education = new Select<>();
    final TextField occupation = new TextField();
    final ComboBox<Category> category = new ComboBox<>();
    final Select<String> referral = new Select<>();
    final RadioButtonGroup<LegalBasis> legalBasis = new RadioButtonGroup<>();
    final TextArea notes = new TextArea();
    final Button save = new Button();
    final BeneficiaryService registry;
    private final RegionService regions;
    private final String district;
    /** A NIK the service found registered: not looked up (and audited) again when only the birth date or sex changes. */
    private String registeredNik;

    public BeneficiaryFormView(BeneficiaryService registry, RegionService regions, CategoryService categories) {
        this.registry = registry;
        this.regions = regions;
        BerdayaUser me = CurrentUser.require();
        this.district = me.kabkotaCode();
        setMaxWidth("72rem");
        add(new H2(getTranslation("registry.new")));
        Span where = new Span(getTranslation("registry.form.district",
                regions.kabkota(district).map(k -> k.displayName()).orElse(district)));
        add(where);

        nik.setLabel("NIK");
        nik.setId("nik");
        nik.setMaxLength(16);
        nik.setAllowedCharPattern("[0-9]");
        nik.setRequiredIndicatorVisible(true);
        nik.setValueChangeMode(ValueChangeMode.LAZY);
        nik.setValueChangeTimeout(300);
        nikWarnings.setId("nik-warnings");
        nikWarnings.addClassName("berdaya-warning");
        nikWarnings.setVisible(false);
        nikExisting.setId("nik-existing");
        nikExisting.setText(getTranslation("registry.nik.open"));
        nikExisting.setVisible(false);
        kk.setLabel(getTranslation("registry.kk"));
        kk.setMaxLength(16);
        kk.setAllowedCharPattern("[0-9]");
        fullName.setLabel(getTranslation("registry.fullName"));
        fullName.setId("full-name");
        fullName.setRequiredIndicatorVisible(true);
        nickname.setLabel(getTranslation("registry.nickname"));
        sex.setLabel(getTranslation("registry.sex"));
        sex.setId("sex");
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> getTranslation("registry.sex." + s.name()));
        birthPlace.setLabel(getTranslation("registry.birthPlace"));
        birthDate.setLabel(getTranslation("registry.birthDate"));
        birthDate.setId("birth-date");
        birthDate.setRequiredIndicatorVisible(true);
        WidgetTexts.datePicker(birthDate);
        kecamatan.setLabel(getTranslation("wilayah.kecamatan"));
        kecamatan.setId("kecamatan");
        kecamatan.setItems(regions.kecamatan(district));
        kecamatan.setItemLabelGenerator(Kecamatan::name);
        kecamatan.setRequiredIndicatorVisible(true);
        desa.setLabel(getTranslation("wilayah.desa"));
        desa.setId("desa");
        desa.setItemLabelGenerator(d -> d.name() + (d.kelurahan() ? " (" + getTranslation("wilayah.kelurahan") + ")" : ""));
        desa.setRequiredIndicatorVisible(true);
        desa.setEnabled(false);
        kecamatan.addValueChangeListener(e -> {
            desa.clear();
            desa.setItems(e.getValue() == null ? List.of() : regions.desa(e.getValue().code()));
            desa.setEnabled(e.getValue() != null);
        });
        rt.setLabel("RT");
        rw.setLabel("RW");
        for (TextField f : new TextField[] {rt, rw}) {
            f.setMaxLength(3);
            f.setAllowedCharPattern("[0-9]");
        }
        street.setLabel(getTranslation("registry.street"));
        phone.setLabel(getTranslation("registry.phone"));
        marital.setLabel(getTranslation("registry.marital"));
        marital.setItems("BELUM_KAWIN", "KAWIN", "CERAI_HIDUP", "CERAI_MATI");
        marital.setItemLabelGenerator(v -> getTranslation("registry.marital." + v));
        education.setLabel(getTranslation("registry.education"));
        education.setItems("TIDAK_SEKOLAH", "SD", "SMP", "SMA", "DIPLOMA", "SARJANA");
        education.setItemLabelGenerator(v -> getTranslation("registry.education." + v));
        occupation.setLabel(getTranslation("registry.occupation"));
        category.setLabel(getTranslation("registry.category"));
        category.setId("category");
        category.setItems(categories.list().stream().filter(Category::active).toList());
        category.setItemLabelGenerator(Category::label);
        category.setRequiredIndicatorVisible(true);
        referral.setLabel(getTranslation("registry.referral"));
        referral.setId("referral");
        referral.setItems("LAPAS_BAPAS", "OUTREACH", "SELF", "COMMUNITY", "OTHER_AGENCY");
        referral.setItemLabelGenerator(v -> getTranslation("registry.referral." + v));
        legalBasis.setLabel(getTranslation("registry.legalBasis"));
        legalBasis.setId("legal-basis");
        legalBasis.setItems(LegalBasis.values());
        legalBasis.setItemLabelGenerator(v -> getTranslation("registry.legalBasis." + v.name()));
        legalBasis.setValue(LegalBasis.PUBLIC_TASK);
        notes.setLabel(getTranslation("registry.notes"));
        notes.setHelperText(getTranslation("registry.notes.help"));
        notes.setMaxLength(4000);

        nik.addValueChangeListener(e -> checkNik());
        birthDate.addValueChangeListener(e -> checkNik());
        sex.addValueChangeListener(e -> checkNik());

        FormLayout identity = new FormLayout(nik, kk, fullName, nickname, sex, birthPlace, birthDate);
        FormLayout address = new FormLayout(kecamatan, desa, rt, rw, street, phone);
        FormLayout social = new FormLayout(marital, education, occupation, category, referral, legalBasis, notes);
        add(new H3(getTranslation("registry.section.identity")), identity, nikWarnings, nikExisting,
                new H3(getTranslation("registry.section.address")), address,
                new H3(getTranslation("registry.section.social")), social);

        save.setText(getTranslation("action.save"));
        save.setId("save-beneficiary");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(save);
    }

    private void checkNik() {
        String value = nik.getValue();
        if (value != null && value.equals(registeredNik)) {
            return; // its refusal stays beside the field
        }
        registeredNik = null;
        nikWarnings.setVisible(false);
        nikExisting.setVisible(false);
        if (value == null || value.isBlank()) {
            nik.setInvalid(false);
            return;
        }
        NikCheck check;
        try {
            check = registry.checkNik(value, birthDate.getValue(), sex.getValue(), district, editing());
        } catch (RuleViolation refused) { // past the daily limit of NIKs found elsewhere
            nik.setErrorMessage(text(refused.problems()));
            nik.setInvalid(true);
            return;
        }
        if (!check.valid()) {
            nik.setErrorMessage(text(check.errors()));
            nik.setInvalid(true);
            if (check.errors().stream().anyMatch(p -> p.key().equals("registry.nik.exists") || p.key().equals("registry.nik.registeredElsewhere"))) {
                registeredNik = value;
            }
            check.errors().stream().filter(p -> p.key().equals("registry.nik.exists")).findFirst().ifPresent(p -> {
                nikExisting.setRoute(BeneficiaryDetailView.class, BeneficiaryDetailView.parameters(((Number) p.args().get(1)).longValue()));
                nikExisting.setVisible(true);
            });
            return;
        }
        nik.setInvalid(false);
        if (!check.warnings().isEmpty()) {
            nikWarnings.setText(getTranslation("registry.nik.warnings") + " " + text(check.warnings()));
            nikWarnings.setVisible(true);
        }
    }

    private String text(List<RuleViolation.Problem> problems) {
        return problems.stream().map(p -> getTranslation(p.key(), p.args().toArray())).collect(Collectors.joining(" "));
    }

    private void save() {
        NewBeneficiary n = new NewBeneficiary(
                new NewBeneficiary.Identity(nik.getValue(), kk.getValue(), fullName.getValue(), nickname.getValue(), sex.getValue(),
                        birthPlace.getValue(), birthDate.getValue()),
                new NewBeneficiary.Address(district, kecamatan.getValue() == null ? null : kecamatan.getValue().code(),
                        desa.getValue() == null ? null : desa.getValue().code(), rt.getValue(), rw.getValue(), street.getValue()),
                new NewBeneficiary.Circumstances(phone.getValue(), marital.getValue(), education.getValue(), occupation.getValue()),
                new NewBeneficiary.Programme(category.getValue() == null ? null : category.getValue().id(), referral.getValue(),
                        legalBasis.getValue(), notes.getValue()));
        try {
            long id = submit(n);
            getUI().ifPresent(ui -> ui.navigate(BeneficiaryDetailView.class, BeneficiaryDetailView.parameters(id)));
        } catch (RuleViolation v) {
            Map<String, HasValidation> fields = Map.ofEntries(Map.entry("nik", nik), Map.entry("kkNumber", kk),
                    Map.entry("fullName", fullName), Map.entry("sex", sex), Map.entry("birthDate", birthDate),
                    Map.entry("kecamatan", kecamatan), Map.entry("desa", desa), Map.entry("rt", rt), Map.entry("rw", rw),
                    Map.entry("phone", phone), Map.entry("category", category), Map.entry("referralSource", referral),
                    Map.entry("legalBasis", legalBasis));
            Feedback.show(this, v, fields);
        }
    }

    /** The record being corrected (its own NIK is no conflict), or null for a new registration. */
    Long editing() {
        return null;
    }

    /** Registers the person; the edit view corrects an existing record instead. Returns the record's id. */
    long submit(NewBeneficiary n) {
        Registration r = registry.register(n);
        Feedback.success(this, r.warnings().isEmpty() ? "registry.saved" : "registry.savedWithFlags");
        return r.id();
    }

    /** Fills the form with a record's values (for corrections). */
    void fill(NewBeneficiary n) {
        nik.setValue(n.nik());
        kk.setValue(n.kkNumber() == null ? "" : n.kkNumber());
        fullName.setValue(n.fullName());
        nickname.setValue(n.nickname() == null ? "" : n.nickname());
        sex.setValue(n.sex());
        birthPlace.setValue(n.birthPlace() == null ? "" : n.birthPlace());
        birthDate.setValue(n.birthDate());
        kecamatan.getListDataView().getItems().filter(k -> k.code().equals(n.kecamatanCode())).findFirst().ifPresent(kecamatan::setValue);
        desa.getListDataView().getItems().filter(d -> d.code().equals(n.desaCode())).findFirst().ifPresent(desa::setValue);
        rt.setValue(n.rt() == null ? "" : n.rt());
        rw.setValue(n.rw() == null ? "" : n.rw());
        street.setValue(n.street() == null ? "" : n.street());
        phone.setValue(n.phone() == null ? "" : n.phone());
        marital.setValue(n.maritalStatus());
        education.setValue(n.education());
        occupation.setValue(n.occupation() == null ? "" : n.occupation());
        category.getListDataView().getItems().filter(c -> n.categoryId() != null && c.id() == n.categoryId()).findFirst()
                .ifPresent(category::setValue);
        referral.setValue(n.referralSource());
        legalBasis.setValue(n.legalBasis());
        notes.setValue(n.sensitiveNotes() == null ? "" : n.sensitiveNotes());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registry.new") + " · Berdaya";
    }
}
