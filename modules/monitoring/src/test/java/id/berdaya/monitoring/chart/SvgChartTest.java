package id.berdaya.monitoring.chart;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server-drawn chart is well-formed SVG with its title, bars, lines with gaps, axes and legend. */
class SvgChartTest {

    @Test
    void barsAndLinesMakeAWellFormedSvgWithTitleAxesAndLegend() throws Exception {
        String svg = new SvgChart("Alur penerima <2026> & \"uji\"", "Terdaftar, dilatih, disetujui per tahun", List.of("2024", "2025", "2026"))
                .yLabel("Orang")
                .add(new SvgChart.Series("Terdaftar", SvgChart.Kind.BAR, List.of(120L, 340L, 95L)))
                .add(new SvgChart.Series("Dilatih", SvgChart.Kind.BAR, Arrays.asList(40L, null, 12L)))
                .add(new SvgChart.Series("Lulus", SvgChart.Kind.LINE, Arrays.asList(3L, null, 9L)))
                .svg();

        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Alur penerima <2026> & \"uji\"");
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent()).contains("per tahun");
        // 3 + 2 bars (the null is a gap) and 3 + 2 + 1 legend squares
        assertThat(count(doc.getElementsByTagName("rect"), "title")).isEqualTo(5);
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(5 + 3);
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(2);
        assertThat(((org.w3c.dom.Element) doc.getElementsByTagName("path").item(0)).getAttribute("d"))
                .as("the line breaks at the gap").matches("M[^L]*M[^L]*");
        assertThat(svg).contains(">Terdaftar<", ">Dilatih<", ">Lulus<", ">2025<", ">Orang<", ">400<");
    }

    @Test
    void anEmptyChartIsStillWellFormedAndAWrongLengthIsRefused() throws Exception {
        Document doc = parse(new SvgChart("Kosong", "", List.of()).svg());
        assertThat(doc.getElementsByTagName("title").getLength()).isEqualTo(1);
        assertThatThrownBy(() -> new SvgChart("x", "", List.of("a")).add(new SvgChart.Series("s", SvgChart.Kind.BAR, List.of(1L, 2L))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SvgChart.niceStep(0)).isEqualTo(1);
        assertThat(SvgChart.niceStep(340)).isEqualTo(100);
        assertThat(SvgChart.niceStep(1_000_000)).isEqualTo(200_000);
    }

    private static int count(NodeList parents, String child) {
        int n = 0;
        for (int i = 0; i < parents.getLength(); i++) {
            if (((org.w3c.dom.Element) parents.item(i)).getElementsByTagName(child).getLength() > 0) {
                n++;
            }
        }
        return n;
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
