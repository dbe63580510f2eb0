package id.berdaya.ui.components;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.ui.components.ProvinceGeometry.Region;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static id.berdaya.ui.components.ProvinceGeometry.jawaTengah;

/**
 * A clickable map of the 35 kabupaten/kota of Jawa Tengah, drawn as inline SVG on the server
 * (Vaadin's own Map component is commercial, and there is no frontend build for a JS library).
 * It can mark the user's own district, mark a selected one, and colour the regions by a value
 * (a choropleth in five classes with a legend).
 *
 * <p>Every change re-renders the whole markup (under 100 KB, nearly all of it the region
 * outlines): simple, and cheap enough for a click now and then. Styles are in
 * {@code berdaya.css} ({@code .berdaya-map}).
 */
public class ProvinceMap extends Composite<Div> implements HasSize {

    /** Client-side expression: the code of the clicked region, or null for a click beside the regions. */
    private static final String CLICKED_CODE = "event.target.closest('[data-code]')?.getAttribute('data-code')";

    private String highlighted;
    private String selected;
    private Map<String, Double> values = Map.of();
    private String legendTitle = "";

    /** @param ariaLabel what the map shows, for screen readers (to them the whole map is one image) */
    public ProvinceMap(String ariaLabel) {
        setId("province-map");
        getContent().addClassName("berdaya-map");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", ariaLabel);
        render();
    }

    /** Marks the user's own kabupaten/kota with a strong outline; null marks none. */
    public void setHighlighted(String code) {
        if (!Objects.equals(code, highlighted)) {
            highlighted = code;
            render();
        }
    }

    /** Marks the kabupaten/kota chosen in the surrounding view; null marks none. */
    public void setSelected(String code) {
        if (!Objects.equals(code, selected)) {
            selected = code;
            render();
        }
    }

    /**
     * Colours the regions by value in five quantile classes (about seven regions each), with a
     * legend giving the range of each class. Regions without a value are grey.
     */
    public void setValues(Map<String, ? extends Number> valuesByCode, String legendTitle) {
        Map<String, Double> copy = new LinkedHashMap<>();
        valuesByCode.forEach((code, value) -> {
            if (value != null && jawaTengah().region(code).isPresent()) {
                copy.put(code, value.doubleValue());
            }
        });
        this.values = copy;
        this.legendTitle = legendTitle == null ? "" : legendTitle;
        render();
    }

    /** Calls the listener with the code of the region the user clicks; clicks beside the regions are ignored. */
    public Registration addRegionClickListener(SerializableConsumer<String> listener) {
        return getElement().addEventListener("click", e -> {
            JsonNode code = e.getEventData().get(CLICKED_CODE);
            if (code != null && code.isString() && jawaTengah().region(code.asString()).isPresent()) {
                listener.accept(code.asString());
            }
        }).addEventData(CLICKED_CODE).setFilter(CLICKED_CODE + " != null");
    }

    private void render() {
        getElement().setProperty("innerHTML", markup());
    }

    private String markup() {
        QuantileClasses classes = values.isEmpty() ? null : new QuantileClasses(values.values());
        StringBuilder html = new StringBuilder(90_000);
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"").append(jawaTengah().viewBox()).append("\">");
        // the marked regions last, so that no neighbour covers their outline
        List<Region> ordered = new ArrayList<>(jawaTengah().regions());
        ordered.sort(Comparator.comparingInt(r -> r.code().equals(selected) ? 2 : r.code().equals(highlighted) ? 1 : 0));
        for (Region r : ordered) {
            Double value = values.get(r.code());
            html.append("<path class=\"region ")
                    .append(classes == null ? "plain" : value == null ? "nodata" : "c" + classes.of(value))
                    .append(r.code().equals(highlighted) ? " highlighted" : "")
                    .append(r.code().equals(selected) ? " selected" : "")
                    .append("\" data-code=\"").append(r.code()).append("\" d=\"").append(r.path()).append("\"><title>")
                    .append(escape(r.displayName())).append(value == null ? "" : ": " + format(value))
                    .append("</title></path>");
        }
        for (Region r : ordered) {
            if (r.code().equals(highlighted) || r.code().equals(selected)) {
                html.append("<text class=\"berdaya-map-label\" x=\"").append(r.labelX()).append("\" y=\"").append(r.labelY())
                        .append("\">").append(escape(r.displayName())).append("</text>");
            }
        }
        html.append("</svg>");
        if (classes != null) {
            html.append("<div class=\"berdaya-map-legend\"><div class=\"berdaya-map-legend-title\">")
                    .append(escape(legendTitle)).append("</div>");
            for (int c = 0; c < QuantileClasses.COUNT; c++) {
                double[] range = classes.range(c);
                if (range != null) {
                    legendRow(html, "c" + c, range[0] == range[1] ? format(range[0]) : format(range[0]) + "\u2013" + format(range[1]));
                }
            }
            if (values.size() < jawaTengah().regions().size()) {
                legendRow(html, "nodata", "\u2014");
            }
            html.append("</div>");
        }
        return html.toString();
    }

    private static void legendRow(StringBuilder html, String fillClass, String text) {
        html.append("<div class=\"berdaya-map-legend-row\"><span class=\"berdaya-map-swatch ").append(fillClass)
                .append("\"></span>").append(text).append("</div>");
    }

    private static String format(double v) {
        return v == Math.rint(v) ? IndonesianFormat.number((long) v) : String.format(IndonesianFormat.INDONESIAN, "%,.1f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
