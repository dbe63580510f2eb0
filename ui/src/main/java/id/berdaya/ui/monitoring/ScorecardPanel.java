package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.monitoring.scorecard.Cell;
import id.berdaya.monitoring.scorecard.Indicator;
import id.berdaya.monitoring.scorecard.Scorecard;
import id.berdaya.monitoring.scorecard.ScorecardRow;
import id.berdaya.monitoring.scorecard.ScorecardService;
import id.berdaya.ui.components.ProvinceMap;
import id.berdaya.ui.components.XlsxDownload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Beranda's picture: the scorecard (sortable, each cell a link, XLSX export), beside it for
 * the province the map coloured by the chosen indicator (a click opens that district's
 * Beranda), and the flow chart of the last five years.
 */
public class ScorecardPanel extends Composite<VerticalLayout> {

    /** The route of the Beranda, opened with {@code ?kabkota=} for a district. */
    private final Class<? extends com.vaadin.flow.component.Component> beranda;

    public ScorecardPanel(Scorecard card, ScorecardService scorecards, Class<? extends com.vaadin.flow.component.Component> beranda,
                          String place, Function<String, String> t) {
        this.beranda = beranda;
        VerticalLayout v = getContent();
        v.setPadding(false);
        v.setId("scorecard-panel");
        v.add(new H3(t.apply(card.province() ? "scorecard.province" : "scorecard.district") + " · " + place));
        Span asOf = new Span(t.apply("scorecard.asOf") + " " + id.berdaya.core.format.IndonesianFormat.date(card.asOf())
                + (card.suppressed() ? " · " + t.apply("scorecard.suppressedNote") : ""));
        asOf.addClassName("berdaya-map-hint");
        List<String> headers = card.headers(t.apply("scorecard.code"), t.apply(card.province() ? "scorecard.kabkota" : "scorecard.kecamatan"),
                i -> t.apply("scorecard.column." + i.name()));
        XlsxDownload export = new XlsxDownload(t.apply("action.export"), "rapor-" + (card.province() ? "provinsi" : card.kabkotaCode()),
                out -> scorecards.export(card.kabkotaCode(), new XlsxSheet(t.apply("scorecard.sheet"), headers), t.apply("scorecard.total"), out));
        export.setId("scorecard-export");
        HorizontalLayout bar = new HorizontalLayout(asOf, export);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        v.add(bar);

        ScorecardGrid grid = new ScorecardGrid(card, t);
        Div row = new Div(grid);
        row.addClassName("berdaya-picture");
        grid.addClassName("berdaya-picture-table");
        if (card.province()) {
            row.add(map(card, t));
        }
        v.add(row);
        v.add(new FlowChart(scorecards.flow(card.kabkotaCode(), card.asOf().getYear() - 4, card.asOf().getYear()), place, t));
    }

    private VerticalLayout map(Scorecard card, Function<String, String> t) {
        ProvinceMap map = new ProvinceMap(t.apply("beranda.map"));
        map.setId("scorecard-map");
        Select<Indicator> indicator = new Select<>();
        indicator.setId("scorecard-indicator");
        indicator.setLabel(t.apply("scorecard.mapIndicator"));
        indicator.setItems(card.available());
        indicator.setItemLabelGenerator(i -> t.apply("scorecard.column." + i.name()));
        indicator.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                map.setValues(values(card, e.getValue()), t.apply("scorecard.column." + e.getValue().name()));
            }
        });
        if (!card.available().isEmpty()) {
            indicator.setValue(card.available().getFirst());
        }
        map.addRegionClickListener(code -> map.getUI().ifPresent(ui -> ui.navigate(beranda, QueryParameters.of("kabkota", code))));
        Span hint = new Span(t.apply("scorecard.mapHint"));
        hint.addClassName("berdaya-map-hint");
        VerticalLayout box = new VerticalLayout(indicator, map, hint);
        box.setPadding(false);
        box.addClassName("berdaya-picture-map");
        return box;
    }

    /** The indicator's values per kabupaten/kota; suppressed and empty cells leave the region grey. */
    static Map<String, Long> values(Scorecard card, Indicator i) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ScorecardRow r : card.rows()) {
            Cell c = r.cell(i);
            if (!c.suppressed() && c.value() != null) {
                out.put(r.code(), c.value());
            }
        }
        return out;
    }
}
