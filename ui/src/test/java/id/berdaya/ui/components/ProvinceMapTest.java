package id.berdaya.ui.components;

import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's markup and click handling, without a UI or a browser. */
class ProvinceMapTest {

    /** The budget for the whole markup, sent again on every change. */
    private static final int MAX_BYTES = 100_000;
    private static final Pattern PATH = Pattern.compile("<path class=\"([^\"]*)\" data-code=\"([^\"]*)\" d=\"[^\"]+\"><title>([^<]*)</title></path>");

    private final ProvinceMap map = new ProvinceMap("Peta Jawa Tengah");

    @Test
    void drawsEveryRegionAsAnAccessibleImage() {
        Map<String, String> classes = regionClasses();

        assertThat(classes).hasSize(35).containsKeys("33.01", "33.29", "33.71", "33.76");
        assertThat(classes.values()).allMatch(c -> c.equals("region plain"));
        assertThat(markup()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-5 -5 1010 ")
                .contains("<title>Kabupaten Cilacap</title>", "<title>Kota Tegal</title>")
                .doesNotContain("berdaya-map-legend", "<text");
        assertThat(map.getId()).contains("province-map");
        assertThat(map.getElement().getAttribute("role")).isEqualTo("img");
        assertThat(map.getElement().getAttribute("aria-label")).isEqualTo("Peta Jawa Tengah");
        assertThat(map.getElement().getClassList()).contains("berdaya-map");
    }

    @Test
    void marksTheHighlightedAndTheSelectedRegionAndDrawsThemLast() {
        map.setHighlighted("33.03");
        map.setSelected("33.74");

        Map<String, String> classes = regionClasses();
        assertThat(classes.get("33.03")).isEqualTo("region plain highlighted");
        assertThat(classes.get("33.74")).isEqualTo("region plain selected");
        assertThat(classes.values()).filteredOn(c -> c.contains("highlighted") || c.contains("selected")).hasSize(2);
        assertThat(List.copyOf(classes.keySet()).subList(33, 35)).containsExactly("33.03", "33.74");
        assertThat(markup()).contains(">Kabupaten Purbalingga</text>", ">Kota Semarang</text>");

        map.setHighlighted(null);
        map.setSelected("33.01");
        assertThat(regionClasses().get("33.03")).isEqualTo("region plain");
        assertThat(regionClasses().get("33.74")).isEqualTo("region plain");
        assertThat(regionClasses().get("33.01")).isEqualTo("region plain selected");
        assertThat(markup()).doesNotContain("Purbalingga</text>");
    }

    @Test
    void coloursRegionsByValueInFiveClassesWithALegend() {
        Map<String, Integer> values = new HashMap<>();
        for (int i = 1; i <= 29; i++) {
            values.put("33.%02d".formatted(i), 100 * i);
        }
        values.put("33.71", 17);
        values.put("33.72", 1500);
        values.put("33.99", 5); // not a region of Jawa Tengah: ignored
        map.setValues(values, "Desa/Kel.");

        Map<String, String> classes = regionClasses();
        assertThat(classes.get("33.71")).isEqualTo("region c0"); // the smallest
        assertThat(classes.get("33.29")).isEqualTo("region c4"); // the largest
        assertThat(classes.get("33.15")).isEqualTo("region c2");
        assertThat(classes.get("33.76")).isEqualTo("region nodata");
        assertThat(classes.values().stream().filter(c -> c.startsWith("region c")).count()).isEqualTo(31);
        for (int c = 0; c < 5; c++) {
            assertThat(classes).as("class %d", c).containsValue("region c" + c);
        }
        assertThat(markup()).contains("<title>Kota Surakarta: 1.500</title>", "<title>Kabupaten Wonogiri: 1.200</title>",
                "<title>Kota Tegal</title>");
        assertThat(legend()).startsWith("<div class=\"berdaya-map-legend\"><div class=\"berdaya-map-legend-title\">Desa/Kel.</div>")
                .contains("c0\"></span>17\u2013600<", "c2\"></span>1.300\u20131.700<", "c4\"></span>2.400\u20132.900<", "nodata\"></span>\u2014<");
    }

    @Test
    void equalValuesShareAClassAndEmptyClassesAreNotInTheLegend() {
        map.setValues(Map.of("33.01", 7, "33.02", 7, "33.03", 7, "33.04", 7.5), "<Jumlah>");

        assertThat(regionClasses().get("33.01")).isEqualTo("region c0");
        assertThat(regionClasses().get("33.04")).isEqualTo("region c3");
        assertThat(legend()).contains("&lt;Jumlah&gt;", "c0\"></span>7<", "c3\"></span>7,5<")
                .doesNotContain("c1\"", "c2\"", "c4\"");
    }

    @Test
    void staysWithinItsSizeBudget() {
        map.setValues(Map.of("33.01", 1, "33.02", 2, "33.03", 3, "33.04", 4, "33.05", 5, "33.06", 6), "Jumlah");
        map.setHighlighted("33.08");
        map.setSelected("33.71");

        int bytes = markup().getBytes(StandardCharsets.UTF_8).length;
        System.out.println("ProvinceMap markup: " + bytes + " bytes");
        assertThat(bytes).isLessThan(MAX_BYTES);
    }

    @Test
    void reportsClicksOnRegionsOnly() {
        List<String> clicked = new ArrayList<>();
        map.addRegionClickListener(clicked::add);
        ElementListenerMap listeners = map.getElement().getNode().getFeature(ElementListenerMap.class);
        // the browser sends the code of the clicked element, and whether the filter expression holds
        String expression = listeners.getExpressions("click").stream().filter(e -> !e.endsWith("!= null")).findFirst().orElseThrow();
        assertThat(expression).contains("closest('[data-code]')");

        click(listeners, expression, "33.08");
        click(listeners, expression, null); // the sea
        click(listeners, expression, "33.99"); // forged
        click(listeners, expression, "33.71");

        assertThat(clicked).containsExactly("33.08", "33.71");
    }

    private void click(ElementListenerMap listeners, String expression, String code) {
        ObjectNode data = JsonMapper.builder().build().createObjectNode();
        data.put(expression, code);
        listeners.getExpressions("click").stream().filter(e -> !e.equals(expression)).forEach(filter -> data.put(filter, code != null));
        listeners.fireEvent(new DomEvent(map.getElement(), "click", data));
    }

    private String markup() {
        return map.getElement().getProperty("innerHTML");
    }

    private String legend() {
        String markup = markup();
        int start = markup.indexOf("<div class=\"berdaya-map-legend\">");
        assertThat(start).as("legend").isGreaterThan(markup.indexOf("</svg>"));
        return markup.substring(start);
    }

    /** class attribute by code, in drawing order. */
    private Map<String, String> regionClasses() {
        Map<String, String> classes = new LinkedHashMap<>();
        Matcher m = PATH.matcher(markup());
        while (m.find()) {
            classes.put(m.group(2), m.group(1));
        }
        assertThat(markup().split("data-code=", -1)).hasSize(classes.size() + 1);
        return classes;
    }
}
