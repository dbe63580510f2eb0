package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.html.Div;
import id.berdaya.core.figures.Figure;
import id.berdaya.monitoring.chart.SvgChart;
import id.berdaya.monitoring.scorecard.ScorecardService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The flow from registered to trained, approved, handed over and graduated, per year, drawn on the server (SVG). */
public class FlowChart extends Div {

    public FlowChart(Map<Integer, Map<Figure, Long>> flow, String place, Function<String, String> translate) {
        setId("flow-chart");
        addClassName("berdaya-chart-box");
        List<String> years = flow.keySet().stream().map(String::valueOf).toList();
        SvgChart chart = new SvgChart(translate.apply("scorecard.flow.title") + " · " + place,
                translate.apply("scorecard.flow.description"), years).yLabel(translate.apply("scorecard.flow.people"));
        for (Figure f : ScorecardService.FLOW) {
            List<Long> values = new ArrayList<>();
            flow.values().forEach(y -> values.add(y.get(f)));
            chart.add(new SvgChart.Series(translate.apply("scorecard.flow." + f.name()), SvgChart.Kind.BAR, values));
        }
        getElement().setProperty("innerHTML", chart.svg());
    }
}
