package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import id.berdaya.monitoring.scorecard.Indicator;
import id.berdaya.monitoring.scorecard.Scorecard;
import id.berdaya.monitoring.scorecard.ScorecardRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The scorecard as a sortable grid: the region's name, then a column per indicator some module
 * gives, grouped under their stage; each cell a link to the list behind it (when the user may
 * open it); the total as the last row. Partners' small cells read "&lt;5".
 */
public class ScorecardGrid extends Grid<ScorecardRow> {

    /** The stages the indicators are grouped under, in order. */
    static final Map<String, List<Indicator>> GROUPS = groups();

    private final Scorecard card;
    private final Function<String, String> translate;

    public ScorecardGrid(Scorecard card, Function<String, String> translate) {
        this.card = card;
        this.translate = translate;
        setId("scorecard");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_ROW_STRIPES);
        Column<ScorecardRow> name = addColumn(r -> r.name() == null ? translate.apply("scorecard.total") : r.name())
                .setHeader(translate.apply(card.province() ? "scorecard.kabkota" : "scorecard.kecamatan"))
                .setSortable(true).setComparator(Comparator.comparing(r -> r.name() == null ? "" : r.name()))
                .setFrozen(true).setWidth("13rem").setFlexGrow(0);
        name.setKey("name");
        Map<Indicator, Column<ScorecardRow>> columns = new EnumMap<>(Indicator.class);
        for (Indicator i : card.available()) {
            Column<ScorecardRow> c = addColumn(new ComponentRenderer<>(r -> cell(r, i)))
                    .setHeader(headerOf(i)).setKey(i.name()).setSortable(true)
                    .setComparator(Comparator.comparingDouble(r -> r.cell(i).sortKey()))
                    .setTextAlign(ColumnTextAlign.END).setWidth(widthFor(translate.apply("scorecard.column." + i.name()))).setFlexGrow(1);
            c.setTooltipGenerator(r -> translate.apply("scorecard.help." + i.name()));
            columns.put(i, c);
        }
        HeaderRow top = prependHeaderRow();
        GROUPS.forEach((group, members) -> {
            List<Column<ScorecardRow>> present = members.stream().filter(columns::containsKey).map(columns::get).toList();
            if (present.size() > 1) {
                top.join(present.toArray(Column[]::new)).setText(translate.apply("scorecard.group." + group));
            } else if (present.size() == 1) {
                top.getCell(present.getFirst()).setText(translate.apply("scorecard.group." + group));
            }
        });
        List<ScorecardRow> rows = new ArrayList<>(card.rows());
        setItems(rows);
        setAllRowsVisible(true);
        appendFooterRow();
        var footer = getFooterRows().getFirst();
        footer.getCell(name).setText(translate.apply("scorecard.total"));
        columns.forEach((i, c) -> footer.getCell(c).setComponent(cell(card.total(), i)));
    }

    /**
     * A column as wide as its header's longest word with the sort arrow (the header wraps between
     * words only, never inside one); at 1366 px the table then scrolls sideways, the name frozen.
     */
    static String widthFor(String header) {
        int longest = 0;
        for (String word : header.split("[\\s/]+")) {
            longest = Math.max(longest, word.length());
        }
        return Math.max(5.5, longest * 0.55 + 2.4) + "rem";
    }

    private Span headerOf(Indicator i) {
        Span s = new Span(translate.apply("scorecard.column." + i.name()));
        s.getElement().setAttribute("title", translate.apply("scorecard.help." + i.name()));
        return s;
    }

    /** The row's cell as a link to the list behind it, or as text. */
    Component cell(ScorecardRow r, Indicator i) {
        String text = r.cell(i).text(i);
        String kabkota = card.province() ? r.code() : card.kabkotaCode();
        String kecamatan = card.province() || r.code() == null || r.code().equals(card.kabkotaCode()) ? null : r.code();
        return ScorecardLinks.href(i, kabkota, kecamatan).<Component>map(href -> new Anchor(href, text)).orElseGet(() -> new Span(text));
    }

    private static Map<String, List<Indicator>> groups() {
        Map<String, List<Indicator>> g = new LinkedHashMap<>();
        g.put("register", List.of(Indicator.REGISTERED, Indicator.VERIFIED));
        g.put("training", List.of(Indicator.TRAINING_COMPLETED, Indicator.TRAINING_ENROLLED));
        g.put("proposals", List.of(Indicator.PROPOSALS_SUBMITTED, Indicator.PROPOSALS_APPROVED, Indicator.PROPOSALS_HANDED_OVER));
        g.put("budget", List.of(Indicator.ABSORPTION_PCT));
        g.put("visits", List.of(Indicator.VISITS_DONE, Indicator.VISITS_DUE, Indicator.VISITS_OVERDUE));
        g.put("running", List.of(Indicator.RUNNING_6M_PCT, Indicator.RUNNING_12M_PCT));
        g.put("flags", List.of(Indicator.OPEN_FLAGS));
        return g;
    }
}
