package id.berdaya.ui.views;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.region.Desa;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.Kecamatan;
import id.berdaya.core.region.RegionService;
import id.berdaya.ui.components.XlsxDownload;
import jakarta.annotation.security.PermitAll;

import java.util.List;
import java.util.Locale;

/** Browse the regions of Jawa Tengah: kabupaten/kota, then kecamatan, then desa/kelurahan. */
@Route("wilayah")
@PermitAll
public class WilayahView extends VerticalLayout implements HasDynamicTitle {

    private final RegionService regions;
    private final Grid<Kabkota> kabkotaGrid = new Grid<>();
    private final Grid<Kecamatan> kecamatanGrid = new Grid<>();
    private final Grid<Desa> desaGrid = new Grid<>();
    private final TextField search = new TextField();
    private final List<Kabkota> all;

    public WilayahView(RegionService regions) {
        this.regions = regions;
        this.all = regions.kabkota();
        setSizeFull();
        add(new H2(getTranslation("wilayah.title")));

        search.setPlaceholder(getTranslation("wilayah.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("wilayah-search");
        search.addValueChangeListener(e -> filter(e.getValue()));
        XlsxDownload export = new XlsxDownload(getTranslation("action.export"), "wilayah",
                out -> regions.export(selectedKabkota(), List.of(getTranslation("wilayah.code") + " " + getTranslation("wilayah.kabkota"),
                        getTranslation("wilayah.kabkota"), getTranslation("wilayah.code") + " " + getTranslation("wilayah.kecamatan"),
                        getTranslation("wilayah.kecamatan"), getTranslation("wilayah.code") + " " + getTranslation("wilayah.desa"),
                        getTranslation("wilayah.desa"), getTranslation("wilayah.type")), out));
        export.setId("wilayah-export");
        add(new HorizontalLayout(search, export));

        kabkotaGrid.setId("kabkota-grid");
        kabkotaGrid.addColumn(Kabkota::code).setHeader(getTranslation("wilayah.code")).setAutoWidth(true).setSortable(true);
        kabkotaGrid.addColumn(Kabkota::displayName).setHeader(getTranslation("wilayah.kabkota")).setFlexGrow(1).setSortable(true);
        kabkotaGrid.addColumn(Kabkota::kecamatanCount).setHeader(getTranslation("wilayah.kecamatanCount")).setAutoWidth(true).setSortable(true);
        kabkotaGrid.addColumn(Kabkota::desaCount).setHeader(getTranslation("wilayah.desaCount")).setAutoWidth(true).setSortable(true);
        kabkotaGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        kabkotaGrid.setItems(all);
        kabkotaGrid.asSingleSelect().addValueChangeListener(e -> showKecamatan(e.getValue()));

        kecamatanGrid.setId("kecamatan-grid");
        kecamatanGrid.addColumn(Kecamatan::code).setHeader(getTranslation("wilayah.code")).setAutoWidth(true);
        kecamatanGrid.addColumn(Kecamatan::name).setHeader(getTranslation("wilayah.kecamatan")).setFlexGrow(1).setSortable(true);
        kecamatanGrid.addColumn(Kecamatan::desaCount).setHeader(getTranslation("wilayah.desaCount")).setAutoWidth(true);
        kecamatanGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        kecamatanGrid.setEmptyStateText(getTranslation("wilayah.selectKabkota"));
        kecamatanGrid.asSingleSelect().addValueChangeListener(e -> showDesa(e.getValue()));

        desaGrid.setId("desa-grid");
        desaGrid.addColumn(Desa::code).setHeader(getTranslation("wilayah.code")).setAutoWidth(true);
        desaGrid.addColumn(Desa::name).setHeader(getTranslation("wilayah.desa")).setFlexGrow(1).setSortable(true);
        desaGrid.addColumn(d -> getTranslation(d.kelurahan() ? "wilayah.kelurahan" : "wilayah.desaType")).setHeader(getTranslation("wilayah.type")).setAutoWidth(true);
        desaGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        desaGrid.setEmptyStateText(getTranslation("wilayah.selectKecamatan"));

        HorizontalLayout grids = new HorizontalLayout(kabkotaGrid, kecamatanGrid, desaGrid);
        grids.setSizeFull();
        grids.setFlexGrow(1, kabkotaGrid, kecamatanGrid, desaGrid);
        add(grids);
        setFlexGrow(1, grids);
    }

    /** Selects a kabupaten/kota (from the list or, later, the map). */
    public void select(String code) {
        all.stream().filter(k -> k.code().equals(code)).findFirst().ifPresent(kabkotaGrid::select);
    }

    private String selectedKabkota() {
        Kabkota k = kabkotaGrid.asSingleSelect().getValue();
        return k == null ? null : k.code();
    }

    private void filter(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        kabkotaGrid.setItems(t.isEmpty() ? all : all.stream()
                .filter(k -> k.code().contains(t) || k.displayName().toLowerCase(Locale.ROOT).contains(t)).toList());
    }

    private void showKecamatan(Kabkota k) {
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
