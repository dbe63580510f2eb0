package id.berdaya.ui.views;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.region.Desa;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.Kecamatan;
import id.berdaya.core.region.RegionService;
import id.berdaya.monitoring.scorecard.ScorecardService;
import id.berdaya.ui.components.GridLayout;
import id.berdaya.ui.components.ProvinceMap;
import id.berdaya.ui.registry.BeneficiaryListView;
import id.berdaya.ui.security.RouteAccess;
import java.util.Map;
import id.berdaya.ui.components.XlsxDownload;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Browse the regions of Jawa Tengah: kabupaten/kota (on the map or in the list), then kecamatan,
 * then desa/kelurahan. {@code /wilayah?kode=33.03} opens with that kabupaten/kota selected.
 */
@Route("wilayah")
@PermitAll
public class WilayahView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** The query parameter that selects a kabupaten/kota by its code. */
    public static final String CODE_PARAMETER = "kode";

    private final RegionService regions;
    private final ProvinceMap map;
    private final Grid<Kabkota> kabkotaGrid = new Grid<>();
    private final Grid<Kecamatan> kecamatanGrid = new Grid<>();
    private final Grid<Desa> desaGrid = new Grid<>();
    private final TextField search = new TextField();
    private final List<Kabkota> all;
    private List<Kabkota> shown;

    public WilayahView(RegionService regions, ScorecardService scorecards) {
        this.regions = regions;
        this.all = regions.kabkota();
        this.shown = all;
        setSizeFull();
        add(new H2(getTranslation("wilayah.title")));

        search.setPlaceholder(getTranslation("wilayah.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("wilayah-search");
        search.addValueChangeListener(e -> filter(e.getValue()));
        XlsxDownload export = new XlsxDownload(getTranslation("action.export"), "wilayah",
                out -> regions.export(selectedKabkota(), sheet(), out));
        export.setId("wilayah-export");
        add(new HorizontalLayout(search, export));

        kabkotaGrid.setId("kabkota-grid");
        // the name takes the spare width; the code and the counts only what they need
        kabkotaGrid.addColumn(Kabkota::code).setHeader(getTranslation("wilayah.code")).setAutoWidth(true).setFlexGrow(0).setSortable(true);
        GridLayout.wrap(kabkotaGrid.addColumn(Kabkota::displayName).setHeader(getTranslation("wilayah.kabkota")).setAutoWidth(true)
                .setFlexGrow(1).setSortable(true));
        kabkotaGrid.addColumn(Kabkota::kecamatanCount).setHeader(getTranslation("wilayah.kecamatanCount")).setAutoWidth(true).setFlexGrow(0)
                .setSortable(true);
        kabkotaGrid.addColumn(Kabkota::desaCount).setHeader(getTranslation("wilayah.desaCount")).setAutoWidth(true).setFlexGrow(0).setSortable(true);
        // the register's figures (the scorecard's kept counts) for roles that may read it; the map is coloured by them
        boolean readsRegister = RouteAccess.canOpen(BeneficiaryListView.class);
        Map<String, Long> beneficiaries = readsRegister ? scorecards.registeredByKabkota() : Map.of();
        if (readsRegister) {
            kabkotaGrid.addColumn(k -> beneficiaries.getOrDefault(k.code(), 0L)).setHeader(getTranslation("beranda.beneficiaries"))
                    .setAutoWidth(true).setFlexGrow(0).setSortable(true);
        }
        kabkotaGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        kabkotaGrid.setItems(all);
        kabkotaGrid.asSingleSelect().addValueChangeListener(e -> showKecamatan(e.getValue()));

        map = new ProvinceMap(getTranslation("wilayah.mapLabel"));
        if (readsRegister) {
            map.setValues(beneficiaries, getTranslation("beranda.beneficiaries"));
        } else {
            map.setValues(all.stream().collect(Collectors.toMap(Kabkota::code, Kabkota::desaCount)), getTranslation("wilayah.desaCount"));
        }
        map.addRegionClickListener(this::select);
        map.setHeight("300px");
        Span hint = new Span(getTranslation("wilayah.mapLegend"));
        hint.addClassName("berdaya-map-hint");
        Div mapBox = new Div(map, hint);
        mapBox.setWidth("380px");
        mapBox.getStyle().setFlexShrink("0");

        kecamatanGrid.setId("kecamatan-grid");
        kecamatanGrid.addColumn(Kecamatan::code).setHeader(getTranslation("wilayah.code")).setAutoWidth(true).setFlexGrow(0);
        GridLayout.wrap(kecamatanGrid.addColumn(Kecamatan::name).setHeader(getTranslation("wilayah.kecamatan")).setFlexGrow(1).setSortable(true));
        kecamatanGrid.addColumn(Kecamatan::desaCount).setHeader(getTranslation("wilayah.desaCount")).setAutoWidth(true).setFlexGrow(0);
        kecamatanGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        kecamatanGrid.setEmptyStateText(getTranslation("wilayah.selectKabkota"));
        kecamatanGrid.asSingleSelect().addValueChangeListener(e -> showDesa(e.getValue()));

        desaGrid.setId("desa-grid");
        desaGrid.addColumn(Desa::code).setHeader(getTranslation("wilayah.code")).setAutoWidth(true).setFlexGrow(0);
        GridLayout.wrap(desaGrid.addColumn(Desa::name).setHeader(getTranslation("wilayah.desa")).setFlexGrow(1).setSortable(true));
        desaGrid.addColumn(d -> getTranslation(d.kelurahan() ? "wilayah.kelurahan" : "wilayah.desaType")).setHeader(getTranslation("wilayah.type"))
                .setAutoWidth(true).setFlexGrow(0);
        desaGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        desaGrid.setEmptyStateText(getTranslation("wilayah.selectKecamatan"));

        // map and kabupaten/kota list on top, kecamatan and desa below: fits 1280x900
        HorizontalLayout top = new HorizontalLayout(mapBox, kabkotaGrid);
        top.setWidthFull();
        top.setHeight("330px");
        top.setFlexGrow(1, kabkotaGrid);
        kabkotaGrid.setHeightFull();
        HorizontalLayout grids = new HorizontalLayout(kecamatanGrid, desaGrid);
        grids.setSizeFull();
        grids.setMinHeight("240px");
        grids.setFlexGrow(1, kecamatanGrid, desaGrid);
        kecamatanGrid.setHeightFull();
        desaGrid.setHeightFull();
        add(top, grids);
        setFlexGrow(1, grids);
    }

    /** Selects a kabupaten/kota (from the list, the map or the URL); clears a search that hides it. */
    public void select(String code) {
        all.stream().filter(k -> k.code().equals(code)).findFirst().ifPresent(k -> {
            if (!shown.contains(k)) {
                search.clear();
            }
            kabkotaGrid.select(k);
            kabkotaGrid.scrollToItem(k);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(CODE_PARAMETER).ifPresent(this::select);
    }

    private String selectedKabkota() {
        Kabkota k = kabkotaGrid.asSingleSelect().getValue();
        return k == null ? null : k.code();
    }

    /** The export's sheet name and header row in the user's language. */
    XlsxSheet sheet() {
        return new XlsxSheet(getTranslation("wilayah.sheet"), List.of(getTranslation("wilayah.code") + " " + getTranslation("wilayah.kabkota"),
                getTranslation("wilayah.kabkota"), getTranslation("wilayah.code") + " " + getTranslation("wilayah.kecamatan"),
                getTranslation("wilayah.kecamatan"), getTranslation("wilayah.code") + " " + getTranslation("wilayah.desa"),
                getTranslation("wilayah.desa"), getTranslation("wilayah.type")));
    }

    private void filter(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        shown = t.isEmpty() ? all : all.stream()
                .filter(k -> k.code().contains(t) || k.displayName().toLowerCase(Locale.ROOT).contains(t)).toList();
        kabkotaGrid.setItems(shown);
    }

    private void showKecamatan(Kabkota k) {
        map.setSelected(k == null ? null : k.code());
        kecamatanGrid.setItems(k == null ? List.of() : regions.kecamatan(k.code()));
        desaGrid.setItems(List.of());
    }

    private void showDesa(Kecamatan k) {
        desaGrid.setItems(k == null ? List.of() : regions.desa(k.code()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wilayah.title") + " · Berdaya";
    }

}
