package id.berdaya.ui.grants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.budget.Ceiling;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.ui.components.Feedback;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ceilings (pagu) per kabupaten/kota and budget year with their absorption: approved and later,
 * handed over, remaining. A district sees its own. The forms to set a pagu and the maximum per
 * person show only when the service says the user may set them.
 */
@Route("bantuan/pagu")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD"})
public class CeilingsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final BudgetService budget;
    private final ProposalService proposals;
    private final Map<String, Kabkota> districts;
    final ComboBox<Integer> year = new ComboBox<>();
    final Grid<ProposalService.Absorption> grid = new Grid<>();
    final ComboBox<Kabkota> kabkota = new ComboBox<>();
    final IntegerField pagu = new IntegerField();
    final Button savePagu = new Button();
    final IntegerField perPersonMax = new IntegerField();
    final Button saveMax = new Button();

    public CeilingsView(BudgetService budget, ProposalService proposals, RegionService regions) {
        this.budget = budget;
        this.proposals = proposals;
        this.districts = regions.kabkotaByCode();
        setSizeFull();
        add(new H2(getTranslation("grants.ceilings.title")));
        BudgetYears.fill(year, getTranslation("grants.field.budgetYear"));
        year.setId("ceilings-year");
        year.addValueChangeListener(e -> refresh());
        add(year);

        grid.setId("ceilings-grid");
        grid.addColumn(a -> districts.containsKey(a.kabkotaCode()) ? districts.get(a.kabkotaCode()).displayName() : a.kabkotaCode())
                .setHeader(getTranslation("grants.field.kabkota")).setFlexGrow(2);
        grid.addColumn(a -> IndonesianFormat.money(a.pagu())).setHeader(getTranslation("grants.field.pagu")).setAutoWidth(true);
        grid.addColumn(a -> IndonesianFormat.money(a.committed())).setHeader(getTranslation("grants.ceilings.approved")).setAutoWidth(true);
        grid.addColumn(a -> IndonesianFormat.money(a.handedOver())).setHeader(getTranslation("grants.ceilings.handedOver"))
                .setAutoWidth(true);
        grid.addColumn(a -> IndonesianFormat.money(a.remaining())).setHeader(getTranslation("grants.ceilings.remaining"))
                .setAutoWidth(true);
        add(grid);

        if (budget.mayEdit()) {
            kabkota.setItems(regions.kabkota());
            kabkota.setItemLabelGenerator(Kabkota::displayName);
            kabkota.setLabel(getTranslation("grants.field.kabkota"));
            kabkota.setId("ceilings-kabkota");
            pagu.setLabel(getTranslation("grants.field.pagu"));
            pagu.setId("ceilings-pagu");
            savePagu.setText(getTranslation("grants.ceilings.setPagu"));
            savePagu.setId("ceilings-save-pagu");
            savePagu.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            savePagu.addClickListener(e -> savePagu());
            grid.addItemClickListener(e -> {
                kabkota.setValue(districts.get(e.getItem().kabkotaCode()));
                pagu.setValue((int) e.getItem().pagu());
            });
            perPersonMax.setLabel(getTranslation("grants.field.perPersonMax"));
            perPersonMax.setId("ceilings-max");
            saveMax.setText(getTranslation("grants.ceilings.setMax"));
            saveMax.setId("ceilings-save-max");
            saveMax.addClickListener(e -> saveMax());
            HorizontalLayout forms = new HorizontalLayout(kabkota, pagu, savePagu, perPersonMax, saveMax);
            forms.setAlignItems(Alignment.BASELINE);
            forms.setWrap(true);
            add(forms);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        grid.setItems(year.getValue() == null ? List.of() : proposals.absorption(year.getValue()));
        if (year.getValue() != null) {
            perPersonMax.setValue((int) budget.perPersonMax(year.getValue()));
        }
    }

    private void savePagu() {
        if (kabkota.getValue() == null || year.getValue() == null || pagu.getValue() == null) {
            return;
        }
        try {
            Optional<Ceiling> now = budget.ceiling(kabkota.getValue().code(), year.getValue());
            budget.setCeiling(kabkota.getValue().code(), year.getValue(), pagu.getValue(), now.map(Ceiling::version).orElse(null));
            Feedback.success(this, "grants.saved");
            refresh();
        } catch (RuleViolation v) {
            Feedback.show(this, v, Map.of("pagu", pagu));
        }
    }

    private void saveMax() {
        if (year.getValue() == null || perPersonMax.getValue() == null) {
            return;
        }
        try {
            budget.setPerPersonMax(year.getValue(), perPersonMax.getValue());
            Feedback.success(this, "grants.saved");
        } catch (RuleViolation v) {
            Feedback.show(this, v, Map.of("perPersonMax", perPersonMax));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("grants.ceilings.title") + " · Berdaya";
    }
}
