package id.berdaya.ui.views;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.audit.AuditSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.ui.components.AuditLabels;
import id.berdaya.ui.components.WidgetTexts;
import id.berdaya.ui.components.XlsxDownload;
import jakarta.annotation.security.RolesAllowed;

import java.util.Arrays;
import java.util.List;

/** The audit trail for province administrators: filter by user, action, date and district; export to XLSX. */
@Route("audit")
@RolesAllowed("PROVINCE_ADMIN")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final AuditService audit;
    private final AuditLabels labels;
    final TextField user = new TextField();
    final ComboBox<String> action = new ComboBox<>();
    final ComboBox<Kabkota> district = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<AuditEntry> grid = new Grid<>();
    private final Span count = new Span();

    public AuditView(AuditService audit, RegionService regions) {
        this.audit = audit;
        this.labels = new AuditLabels(this, regions);
        setSizeFull();
        add(new H2(getTranslation("audit.title")));

        user.setLabel(getTranslation("audit.user"));
        user.setId("audit-user");
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        action.setLabel(getTranslation("audit.action"));
        action.setId("audit-action");
        action.setItems(AuditLabels.actionCodes());
        action.setItemLabelGenerator(labels::action);
        action.setAllowCustomValue(true); // a stored code not declared (any more)
        action.addCustomValueSetListener(e -> action.setValue(e.getDetail()));
        action.setClearButtonVisible(true);
        district.setLabel(getTranslation("audit.kabkota"));
        district.setItems(regions.kabkota());
        district.setItemLabelGenerator(Kabkota::displayName);
        district.setClearButtonVisible(true);
        from.setLabel(getTranslation("audit.from"));
        to.setLabel(getTranslation("audit.to"));
        for (DatePicker d : new DatePicker[] {from, to}) {
            WidgetTexts.datePicker(d);
            d.setClearButtonVisible(true);
        }
        user.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        district.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        XlsxDownload export = new XlsxDownload(getTranslation("action.export"), "audit",
                out -> audit.export(filter(), sheet(), out));
        export.setId("audit-export");
        HorizontalLayout filters = new HorizontalLayout(user, action, district, from, to, export, count);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters);

        grid.setId("audit-grid");
        grid.addColumn(e -> IndonesianFormat.dateTime(e.occurredAt())).setHeader(getTranslation("audit.time")).setAutoWidth(true);
        grid.addColumn(AuditEntry::username).setHeader(getTranslation("audit.user")).setAutoWidth(true);
        grid.addColumn(e -> labels.role(e.role())).setHeader(getTranslation("audit.role")).setAutoWidth(true);
        grid.addColumn(labels::districts).setHeader(getTranslation("audit.kabkota")).setAutoWidth(true);
        grid.addColumn(e -> labels.action(e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(labels::entity).setHeader(getTranslation("audit.entityType")).setAutoWidth(true);
        grid.addColumn(AuditEntry::clientAddress).setHeader(getTranslation("audit.address")).setAutoWidth(true);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::details));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(q -> audit.page(filter(), q.getOffset(), q.getLimit()).stream(), q -> audit.count(filter()));
        add(grid);
        setFlexGrow(1, grid);
        updateCount();
    }

    AuditFilter filter() {
        return new AuditFilter(user.getValue(), action.getValue(),
                district.getValue() == null ? null : district.getValue().code(), from.getValue(), to.getValue());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        count.setText(getTranslation("audit.count", audit.count(filter())));
    }

    private VerticalLayout details(AuditEntry e) {
        VerticalLayout v = new VerticalLayout();
        v.setPadding(false);
        if (e.oldValue() != null) {
            v.add(new Details(getTranslation("audit.oldValue"), new Pre(e.oldValue())));
        }
        if (e.newValue() != null) {
            v.add(new Details(getTranslation("audit.newValue"), new Pre(e.newValue())));
        }
        return v;
    }

    /** The export: the grid's columns in the same words, plus the stored values, under a translated sheet name. */
    AuditSheet sheet() {
        return new AuditSheet(getTranslation("audit.sheet"), List.of(getTranslation("audit.time"), getTranslation("audit.user"),
                getTranslation("audit.role"), getTranslation("audit.kabkota"), getTranslation("audit.action"),
                getTranslation("audit.entityType"), getTranslation("audit.oldValue"), getTranslation("audit.newValue"),
                getTranslation("audit.address")),
                e -> Arrays.asList(IndonesianFormat.dateTime(e.occurredAt()), e.username(), labels.role(e.role()),
                        labels.districts(e), labels.action(e.action()), labels.entity(e), e.oldValue(), e.newValue(),
                        e.clientAddress()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · Berdaya";
    }

}
