package id.berdaya.ui.grants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import id.berdaya.core.RuleViolation;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.budget.Ceiling;
import id.berdaya.grants.decree.DecreeService;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.ui.i18n.BerdayaI18NProvider;
import id.berdaya.ui.components.Feedback;
import jakarta.annotation.security.RolesAllowed;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ceilings (pagu) per kabupaten/kota and budget year with their absorption: approved and later,
 * handed over, remaining. A district sees its own. The forms to set a pagu and the maximum per
 * person show only when the service says the user may set them. Each district's row offers the
 * attachment to the decree (lampiran SK) of the chosen year as PDF and XLSX.
 */
@Route("bantuan/pagu")
@RolesAllowed({"PROVINCE_ADMIN", "PROVINCE_OFFICER", "DISTRICT_HEAD"})
public class CeilingsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final BudgetService budget;
    private final ProposalService proposals;
    private final DecreeService decree;
    private final Map<String, Kabkota> districts;
    final ComboBox<Integer> year = new ComboBox<>();
    final Grid<ProposalService.Absorption> grid = new Grid<>();
    final ComboBox<Kabkota> kabkota = new ComboBox<>();
    final IntegerField pagu = new IntegerField();
    final Button savePagu = new Button();
    final IntegerField perPersonMax = new IntegerField();
    final Button saveMax = new Button();

    public CeilingsView(BudgetService budget, ProposalService proposals, DecreeService decree, RegionService regions) {
        this.budget = budget;
        this.proposals = proposals;
        this.decree = decree;
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
        grid.addComponentColumn(this::decreeDownloads).setHeader(getTranslation("grants.decree.column")).setAutoWidth(true);
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

    /**
     * The attachment to the decree of the row's district and the chosen year, as PDF (an Indonesian
     * document whatever the user's language) and XLSX (in the user's language). Its words are
     * taken here, on the UI's thread; the files are written when the link is followed.
     */
    private HorizontalLayout decreeDownloads(ProposalService.Absorption a) {
        int y = year.getValue();
        String base = "lampiran-sk-" + a.kabkotaCode().replace(".", "") + "-" + y;
        Map<BusinessType, String> indonesian = typeLabels(BerdayaI18NProvider.INDONESIAN);
        Map<BusinessType, String> userTypes = typeLabels(getLocale());
        XlsxSheet sheet = new XlsxSheet(getTranslation("grants.decree.sheet"), List.of(getTranslation("grants.decree.no"),
                getTranslation("grants.decree.name"), getTranslation("grants.decree.desa"), getTranslation("grants.field.businessType"),
                getTranslation("grants.decree.value")));
        String total = getTranslation("grants.decree.total");
        Anchor pdf = new Anchor((DownloadEvent event) -> {
            event.setFileName(base + ".pdf");
            event.setContentType("application/pdf");
            try (OutputStream out = event.getOutputStream()) {
                decree.pdf(a.kabkotaCode(), y, indonesian, out);
            }
        }, getTranslation("grants.decree.pdf"));
        pdf.getElement().setAttribute("download", true);
        pdf.setId("decree-pdf-" + a.kabkotaCode());
        Anchor xlsx = new Anchor((DownloadEvent event) -> {
            event.setFileName(base + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            try (OutputStream out = event.getOutputStream()) {
                decree.xlsx(a.kabkotaCode(), y, sheet, total, userTypes, out);
            }
        }, getTranslation("grants.decree.xlsx"));
        xlsx.getElement().setAttribute("download", true);
        xlsx.setId("decree-xlsx-" + a.kabkotaCode());
        return new HorizontalLayout(pdf, xlsx);
    }

    private Map<BusinessType, String> typeLabels(Locale locale) {
        return Arrays.stream(BusinessType.values())
                .collect(Collectors.toMap(t -> t, t -> getTranslation(locale, "grants.businessType." + t.name())));
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
