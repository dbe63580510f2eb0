package id.berdaya.ui.registry;

import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryFilter;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.category.CategoryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.registry.beneficiary.BeneficiarySummary;
import id.berdaya.registry.category.Category;
import id.berdaya.registry.beneficiary.ListOrder;
import id.berdaya.registry.registration.RegistrationRules;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import id.berdaya.ui.components.QueryFilters;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Desa;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.Kecamatan;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.CurrentUser;
import com.vaadin.flow.data.provider.SortDirection;
import id.berdaya.ui.components.GridLayout;
import id.berdaya.ui.components.XlsxDownload;
import jakarta.annotation.security.RolesAllowed;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The register. Seek-paged lazy loading (the grid asks page after page; each page continues
 * after the last id of the previous one), no exact count per keystroke ("10.000+" beyond the
 * cap), NIK masked, every filter applied in the service within the user's district scope.
 */
@Route("penerima-manfaat")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER"})
public class BeneficiaryListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final int COUNT_CAP = 10_000;
    private final BeneficiaryService registry;
    private final RegistryLabels labels;
    private final SeekPager<BeneficiarySummary> pager;
    private ListOrder order = ListOrder.NEWEST;
    final TextField nik = new TextField();
    final TextField name = new TextField();
    final ComboBox<Kabkota> kabkota = new ComboBox<>();
    final ComboBox<Kecamatan> kecamatan = new ComboBox<>();
    final ComboBox<Desa> desa = new ComboBox<>();
    final ComboBox<Category> category = new ComboBox<>();
    final Select<String> referral = new Select<>();
    final Select<BeneficiaryStatus> status = new Select<>();
    final Select<Sex> sex = new Select<>();
    final IntegerField minAge = new IntegerField();
    final IntegerField maxAge = new IntegerField();
    final Checkbox flagged = new Checkbox();
    final Grid<BeneficiarySummary> grid = new Grid<>();
    final Span count = new Span();

    public BeneficiaryListView(BeneficiaryService registry, RegionService regions, CategoryService categories) {
        this.registry = registry;
        this.labels = new RegistryLabels(this, regions);
        this.pager = new SeekPager<>((after, limit) -> registry.page(filter(), order, after, limit));
        BerdayaUser me = CurrentUser.require();
        Set<BeneficiaryService.ListCapability> may = registry.listCapabilities();
        setSizeFull();

        Button add = new Button(getTranslation("registry.new"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(BeneficiaryFormView.class)));
        add.setId("beneficiary-new");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(may.contains(BeneficiaryService.ListCapability.REGISTER));
        HorizontalLayout title = new HorizontalLayout(new H2(getTranslation("registry.title")), add);
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        add(title);

        nik.setPlaceholder(getTranslation("registry.filter.nik"));
        nik.setId("filter-nik");
        nik.setMaxLength(16);
        name.setPlaceholder(getTranslation("registry.filter.name"));
        name.setId("filter-name");
        name.setPrefixComponent(VaadinIcon.SEARCH.create());
        for (TextField f : new TextField[] {nik, name}) {
            f.setClearButtonVisible(true);
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> refresh());
        }
        kabkota.setPlaceholder(getTranslation("wilayah.kabkota"));
        kabkota.setItems(regions.kabkota());
        kabkota.setItemLabelGenerator(Kabkota::displayName);
        kabkota.setClearButtonVisible(true);
        if (me.kabkotaCode() != null) {
            kabkota.setValue(regions.kabkota(me.kabkotaCode()).orElseThrow());
            kabkota.setReadOnly(true);
            kecamatan.setItems(regions.kecamatan(me.kabkotaCode()));
        }
        kabkota.addValueChangeListener(e -> {
            kecamatan.clear();
            kecamatan.setItems(e.getValue() == null ? List.of() : regions.kecamatan(e.getValue().code()));
            refresh();
        });
        kecamatan.setPlaceholder(getTranslation("wilayah.kecamatan"));
        kecamatan.setItemLabelGenerator(Kecamatan::name);
        kecamatan.setClearButtonVisible(true);
        kecamatan.addValueChangeListener(e -> {
            desa.clear();
            desa.setItems(e.getValue() == null ? List.of() : regions.desa(e.getValue().code()));
            refresh();
        });
        desa.setPlaceholder(getTranslation("wilayah.desa"));
        desa.setItemLabelGenerator(Desa::name);
        desa.setClearButtonVisible(true);
        desa.addValueChangeListener(e -> refresh());
        boolean seesCategory = may.contains(BeneficiaryService.ListCapability.FILTER_BY_CATEGORY);
        category.setPlaceholder(getTranslation("registry.category"));
        category.setItems(seesCategory ? categories.list() : List.of());
        category.setItemLabelGenerator(Category::label);
        category.setClearButtonVisible(true);
        category.setVisible(seesCategory);
        category.addValueChangeListener(e -> refresh());
        referral.setEmptySelectionAllowed(true);
        referral.setEmptySelectionCaption(getTranslation("registry.referral"));
        referral.setItems(may.contains(BeneficiaryService.ListCapability.FILTER_BY_REFERRAL)
                ? RegistrationRules.REFERRAL_SOURCES.stream().sorted().toList() : List.of());
        referral.setItemLabelGenerator(r -> r == null ? getTranslation("registry.referral") : getTranslation("registry.referral." + r));
        referral.setVisible(may.contains(BeneficiaryService.ListCapability.FILTER_BY_REFERRAL));
        referral.addValueChangeListener(e -> refresh());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("registry.allStatus"));
        status.setItems(Arrays.asList(BeneficiaryStatus.values()));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("registry.allStatus") : getTranslation("registry.status." + s.name()));
        status.addValueChangeListener(e -> refresh());
        sex.setEmptySelectionAllowed(true);
        sex.setEmptySelectionCaption(getTranslation("registry.allSex"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> s == null ? getTranslation("registry.allSex") : labels.sex(s));
        sex.addValueChangeListener(e -> refresh());
        minAge.setPlaceholder(getTranslation("registry.filter.minAge"));
        maxAge.setPlaceholder(getTranslation("registry.filter.maxAge"));
        for (IntegerField f : new IntegerField[] {minAge, maxAge}) {
            f.setMin(0);
            f.setMax(120);
            f.setWidth("8em");
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> refresh());
        }
        flagged.setLabel(getTranslation("registry.filter.flagged"));
        flagged.addValueChangeListener(e -> refresh());

        XlsxDownload export = new XlsxDownload(getTranslation("action.export"), "penerima-manfaat",
                out -> registry.export(filter(), sheet(), out));
        export.setId("beneficiary-export");
        export.setVisible(may.contains(BeneficiaryService.ListCapability.EXPORT));

        HorizontalLayout filters = new HorizontalLayout(nik, name, kabkota, kecamatan, desa, category, referral, status, sex, minAge, maxAge,
                flagged, export, count);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(filters);

        grid.setId("beneficiary-grid");
        // fits 1366 px: the name takes the spare width and wraps rather than being cut ("Seman R…"); the other
        // columns keep the width they need, long texts wrap; sex as L/P (as on the import template), the review
        // flags under the status
        grid.addColumn(BeneficiarySummary::maskedNik).setHeader("NIK").setAutoWidth(true).setFlexGrow(0);
        GridLayout.wrap(grid.addColumn(BeneficiarySummary::fullName).setHeader(getTranslation("registry.fullName")).setWidth("10rem")
                .setFlexGrow(1).setSortable(true).setKey("name"));
        grid.addColumn(b -> b.sex().name()).setHeader(getTranslation("registry.sexShort")).setTooltipGenerator(b -> labels.sex(b.sex())).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(b -> IndonesianFormat.date(b.birthDate()) + " (" + RegistryLabels.age(b.birthDate()) + ")")
                .setHeader(getTranslation("registry.birthDate")).setAutoWidth(true).setFlexGrow(0);
        GridLayout.wrap(grid.addColumn(b -> labels.kabkota(b.kabkotaCode())).setHeader(getTranslation("wilayah.kabkota")).setWidth("8.5rem")
                .setFlexGrow(0));
        GridLayout.wrap(grid.addColumn(b -> labels.desa(b.kecamatanCode(), b.desaCode())).setHeader(getTranslation("wilayah.desa"))
                .setWidth("8.5rem").setFlexGrow(0));
        if (seesCategory) {
            GridLayout.wrap(grid.addColumn(BeneficiarySummary::category).setHeader(getTranslation("registry.category")).setWidth("10rem")
                    .setFlexGrow(0));
        }
        grid.addColumn(new ComponentRenderer<>(this::statusAndFlags)).setHeader(getTranslation("registry.status")).setWidth("10.5rem")
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> {
            ListOrder wanted = query.getSortOrders().stream().filter(o -> "name".equals(o.getSorted())).findFirst()
                    .map(o -> o.getDirection() == SortDirection.ASCENDING ? ListOrder.NAME_ASC : ListOrder.NAME_DESC)
                    .orElse(ListOrder.NEWEST);
            if (wanted != order) {
                order = wanted;
                pager.reset();
            }
            return pager.fetch(query.getOffset(), query.getLimit()).stream();
        });
        grid.setEmptyStateText(getTranslation("registry.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(BeneficiaryDetailView.class, BeneficiaryDetailView.parameters(e.getItem().id()))));
        add(grid);
        setFlexGrow(1, grid);
        updateCount();
    }

    BeneficiaryFilter filter() {
        String n = nik.getValue() == null || nik.getValue().isBlank() ? null : nik.getValue().trim();
        return new BeneficiaryFilter(n, name.getValue(), code(kabkota.getValue()), kecamatan.getValue() == null ? null : kecamatan.getValue().code(),
                desa.getValue() == null ? null : desa.getValue().code(), category.getValue() == null ? null : category.getValue().id(),
                status.getValue(), sex.getValue(), minAge.getValue(), maxAge.getValue(), flagged.getValue(), referral.getValue());
    }

    /** The status badge, and under it what needs a review (the NIK disagrees with the record), if anything. */
    private Component statusAndFlags(BeneficiarySummary b) {
        if (b.reviewFlags().isEmpty()) {
            return labels.status(b.status());
        }
        Span flags = new Span(getTranslation("registry.flags") + ": " + labels.flags(b.reviewFlags()));
        flags.addClassNames("berdaya-wrap", "berdaya-list-flags");
        return new Div(labels.status(b.status()), flags);
    }

    /** The export's sheet name and header row in the user's language. */
    XlsxSheet sheet() {
        return new XlsxSheet(getTranslation("registry.sheet"), List.of("NIK", getTranslation("registry.fullName"), getTranslation("registry.sex"),
                getTranslation("registry.birthDate"), getTranslation("wilayah.kabkota"), getTranslation("wilayah.kecamatan"),
                getTranslation("wilayah.desa"), getTranslation("registry.category"), getTranslation("registry.status")));
    }

    private static String code(Kabkota k) {
        return k == null ? null : k.code();
    }

    private void refresh() {
        pager.reset();
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        int n = registry.countUpTo(filter(), COUNT_CAP + 1);
        count.setText(n > COUNT_CAP ? getTranslation("registry.countMore", IndonesianFormat.number(COUNT_CAP))
                : getTranslation("registry.count", IndonesianFormat.number(n)));
        count.setId("beneficiary-count");
    }

    /**
     * {@code ?kabkota=33.03} (from the map) preselects a district for province users; the
     * scorecard's cells add {@code kecamatan=33.03.01} and {@code status=VERIFIED}.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        QueryFilters.select(kabkota, q, "kabkota", Kabkota::code);
        QueryFilters.select(kecamatan, q, "kecamatan", Kecamatan::code);
        q.getSingleParameter("status").flatMap(v -> Arrays.stream(BeneficiaryStatus.values()).filter(s -> s.name().equals(v)).findFirst())
                .ifPresent(status::setValue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registry.title") + " · Berdaya";
    }
}
