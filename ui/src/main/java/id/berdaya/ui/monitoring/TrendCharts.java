package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.html.Div;
import id.berdaya.monitoring.chart.SvgChart;
import id.berdaya.monitoring.trend.TrendService;
import id.berdaya.monitoring.trend.VisitFigures;

import java.util.List;
import java.util.function.Function;

/**
 * The two monitoring charts of the Beranda, drawn on the server (SVG): visits done against due per
 * month (the last 12), and the share of businesses running at the 6- and 12-month visits per
 * handover quarter (cohort). Staff only ({@link TrendService#mayReadCharts}).
 */
public class TrendCharts extends Div {

    public TrendCharts(TrendService trends, String kabkotaCode, String place, Function<String, String> t) {
        setId("trend-charts");
        addClassName("berdaya-picture");
        add(visits(trends.perMonth(kabkotaCode), place, t), cohorts(trends.cohorts(kabkotaCode), place, t));
    }

    private static Div visits(List<VisitFigures.Month> months, String place, Function<String, String> t) {
        SvgChart chart = new SvgChart(t.apply("trend.visits.title") + " · " + place, t.apply("trend.visits.description"),
                months.stream().map(m -> m.month()).toList()).yLabel(t.apply("trend.visits.unit"));
        chart.add(new SvgChart.Series(t.apply("trend.visits.due"), SvgChart.Kind.BAR, months.stream().map(m -> (long) m.due()).toList()));
        chart.add(new SvgChart.Series(t.apply("trend.visits.done"), SvgChart.Kind.BAR, months.stream().map(m -> (long) m.done()).toList()));
        return box("trend-visits-chart", chart);
    }

    private static Div cohorts(List<VisitFigures.Cohort> cohorts, String place, Function<String, String> t) {
        SvgChart chart = new SvgChart(t.apply("trend.cohorts.title") + " · " + place, t.apply("trend.cohorts.description"),
                cohorts.stream().map(c -> c.quarter()).toList()).yLabel("%");
        chart.add(new SvgChart.Series(t.apply("trend.cohorts.at6"), SvgChart.Kind.LINE,
                cohorts.stream().map(c -> percent(c.running6(), c.visited6())).toList()));
        chart.add(new SvgChart.Series(t.apply("trend.cohorts.at12"), SvgChart.Kind.LINE,
                cohorts.stream().map(c -> percent(c.running12(), c.visited12())).toList()));
        return box("trend-cohorts-chart", chart);
    }

    /** The rounded share, or null (a gap in the line) when nobody was visited yet. */
    static Long percent(int part, int whole) {
        return whole == 0 ? null : Math.round(100.0 * part / whole);
    }

    private static Div box(String id, SvgChart chart) {
        Div d = new Div();
        d.setId(id);
        d.addClassName("berdaya-chart-box");
        d.getElement().setProperty("innerHTML", chart.svg());
        return d;
    }
}
