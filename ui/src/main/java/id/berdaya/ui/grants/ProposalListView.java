package id.berdaya.ui.grants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import id.berdaya.ui.components.QueryFilters;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.core.region.RegionService;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalFilter;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import id.berdaya.ui.components.XlsxDownload;
import jakarta.annotation.security.RolesAllowed;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Proposals within the user's scope, newest first, filterable by year, kabupaten/kota, state and business type; for
 * whoever may record handovers, rows can be selected for a group handover.
 */
@Route("bantuan")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD", "DISTRICT_OPERATOR", "FIELD_OFFICER"})
public class ProposalListView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final ProposalService proposals;
    private final Map<String, Kabkota> districts;
    final ComboBox<Integer> year = new ComboBox<>();
    final ComboBox<Kabkota> kabkota = new ComboBox<>();
    final ComboBox<ProposalState> state = new ComboBox<>();
    final ComboBox<BusinessType> businessType = new ComboBox<>();
    final Grid<Proposal> grid = new Grid<>();

    final Button groupHandover = new Button();

    public ProposalListView(ProposalService proposals, HandoverService handovers, RegionService regions) {
        this.proposals = proposals;
        this.districts = regions.kabkotaByCode();
        setSizeFull();
        add(new H2(getTranslation("grants.list.title")));
        BudgetYears.fill(year, getTranslation("grants.field.budgetYear"));
        year.setClearButtonVisible(true);
        kabkota.setItems(regions.kabkota());
        kabkota.setItemLabelGenerator(Kabkota::displayName);
        kabkota.setLabel(getTranslation("grants.field.kabkota"));
        kabkota.setClearButtonVisible(true);
        state.setItems(ProposalState.values());
        state.setItemLabelGenerator(s -> getTranslation("grants.state." + s.name()));
        state.setLabel(getTranslation("grants.field.state"));
        state.setClearButtonVisible(true);
        businessType.setItems(BusinessType.values());
        businessType.setItemLabelGenerator(t -> getTranslation("grants.businessType." + t.name()));
        businessType.setLabel(getTranslation("grants.field.businessType"));
        businessType.setClearButtonVisible(true);
        year.addValueChangeListener(e -> refresh());
        kabkota.addValueChangeListener(e -> refresh());
        state.addValueChangeListener(e -> refresh());
        businessType.addValueChangeListener(e -> refresh());
        XlsxDownload export = new XlsxDownload(getTranslation("action.export"), "usulan-bantuan", out -> proposals.export(filter(),
                new XlsxSheet(getTranslation("grants.list.sheet"), List.of(getTranslation("grants.field.beneficiary"),
                        getTranslation("grants.field.kabkota"), getTranslation("grants.field.budgetYear"),
                        getTranslation("grants.field.businessType"), getTranslation("grants.field.total"), getTranslation("grants.field.state"))),
                Arrays.stream(BusinessType.values()).collect(Collectors.toMap(t -> t, t -> getTranslation("grants.businessType." + t.name()))),
                Arrays.stream(ProposalState.values()).collect(Collectors.toMap(t -> t, t -> getTranslation("grants.state." + t.name()))), out));
        export.setId("proposal-export");
        HorizontalLayout filters = new HorizontalLayout(year, kabkota, state, businessType, export);
        filters.setAlignItems(Alignment.END);
        filters.setWrap(true);
        add(filters);

        grid.setId("proposal-grid");
        grid.addColumn(Proposal::beneficiaryName).setHeader(getTranslation("grants.field.beneficiary")).setFlexGrow(2);
        Grid.Column<Proposal> district = grid.addColumn(p -> districts.containsKey(p.kabkotaCode())
                        ? districts.get(p.kabkotaCode()).displayName() : p.kabkotaCode())
                .setHeader(getTranslation("grants.field.kabkota")).setAutoWidth(true);
        if (CurrentUser.require().kabkotaCode() != null) { // a district's user sees their own district only: no column, no filter
            district.setVisible(false);
            kabkota.setVisible(false);
        }
        grid.addColumn(p -> getTranslation("grants.businessType." + p.businessType().name()))
                .setHeader(getTranslation("grants.field.businessType")).setAutoWidth(true);
        grid.addColumn(p -> IndonesianFormat.money(p.total())).setHeader(getTranslation("grants.field.total")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("grants.state." + p.state().name())).setHeader(getTranslation("grants.field.state"))
                .setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ProposalView.class, ProposalView.parameters(e.getItem().id()))));
        if (handovers.mayRecordGroup()) {
            groupHandover(handovers, filters);
        }
        add(grid);
    }

    /** Select many (approved by the province), then "Serah terima kelompok": one BAST each, in one go ({@link GroupHandoverDialog}). */
    private void groupHandover(HandoverService handovers, HorizontalLayout filters) {
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        groupHandover.setText(getTranslation("grants.handover.group.action"));
        groupHandover.setId("proposal-group-handover");
        groupHandover.setTooltipText(getTranslation("grants.handover.group.select"));
        groupHandover.setEnabled(false);
        grid.addSelectionListener(e -> groupHandover.setEnabled(!e.getAllSelectedItems().isEmpty()));
        groupHandover.addClickListener(e -> new GroupHandoverDialog(handovers, List.copyOf(grid.getSelectedItems()), () -> {
            grid.deselectAll();
            refresh();
        }).open());
        filters.add(groupHandover);
    }

    /** {@code ?kabkota=33.03&state=HANDED_OVER&tahun=2026} (from the scorecard) presets the filter; without a year, all years. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        if (QueryFilters.any(q, "kabkota", "state", "tahun")) {
            year.clear();
            QueryFilters.select(year, q, "tahun", String::valueOf);
            QueryFilters.select(kabkota, q, "kabkota", Kabkota::code);
            QueryFilters.select(state, q, "state", ProposalState::name);
        }
        refresh();
    }

    /** The proposals the filter shows. */
    List<Proposal> shown() {
        return proposals.list(filter());
    }

    private ProposalFilter filter() {
        return new ProposalFilter(kabkota.getValue() == null ? null : kabkota.getValue().code(), year.getValue(), state.getValue(),
                businessType.getValue());
    }

    private void refresh() {
        grid.setItems(shown());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("grants.list.title") + " · Berdaya";
    }
}
