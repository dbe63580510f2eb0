package id.berdaya.ui.components;

import id.berdaya.ui.components.ProvinceGeometry.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the projected outlines against facts about Jawa Tengah, reading the SVG paths back. */
class ProvinceGeometryTest {

    private static final ProvinceGeometry GEOMETRY = ProvinceGeometry.jawaTengah();
    private static final Map<String, Region> REGIONS = GEOMETRY.regions().stream()
            .collect(Collectors.toMap(Region::code, Function.identity()));

    @Test
    void hasTheThirtyFiveKabupatenAndKotaInCodeOrder() {
        List<String> expected = Stream.concat(IntStream.rangeClosed(1, 29).mapToObj(i -> "33.%02d".formatted(i)),
                IntStream.rangeClosed(71, 76).mapToObj(i -> "33." + i)).toList();

        assertThat(GEOMETRY.regions()).extracting(Region::code).containsExactlyElementsOf(expected);
        assertThat(REGIONS.get("33.03").displayName()).isEqualTo("Kabupaten Purbalingga");
        assertThat(REGIONS.get("33.75").displayName()).isEqualTo("Kota Pekalongan");
        assertThat(GEOMETRY.region("33.99")).isEmpty();
        assertThat(GEOMETRY.region(null)).isEmpty();
    }

    @Test
    void everyPathIsClosedCompactAndInsideTheViewBox() {
        // the province is wide: 1.25 times as wide as high, with Karimunjawa far to the north
        assertThat(GEOMETRY.height()).isEqualTo(798.9);
        assertThat(GEOMETRY.viewBox()).isEqualTo("-5 -5 1010 808.9");
        for (Region r : GEOMETRY.regions()) {
            assertThat(r.path()).as(r.code()).startsWith("M").endsWith("Z").doesNotMatch(".*\\d\\.\\d\\d.*");
            for (List<double[]> ring : rings(r.path())) {
                assertThat(ring).as(r.code()).hasSizeGreaterThanOrEqualTo(3);
                for (int i = 0; i < ring.size(); i++) {
                    double[] p = ring.get(i);
                    assertThat(p[0]).as(r.code()).isBetween(0.0, 1000.0);
                    assertThat(p[1]).as(r.code()).isBetween(0.0, GEOMETRY.height());
                    assertThat(Arrays.equals(p, ring.get((i + 1) % ring.size()))).as("%s: repeated point", r.code()).isFalse();
                }
            }
        }
        // the map uses the whole width and height
        assertThat(bounds(all()).minX()).isLessThan(0.05);
        assertThat(bounds(all()).maxX()).isGreaterThan(999.95);
        assertThat(bounds(all()).minY()).isLessThan(0.05);
        assertThat(bounds(all()).maxY()).isGreaterThan(GEOMETRY.height() - 0.15);
        assertThat(GEOMETRY.regions().stream().mapToInt(r -> r.path().length()).sum()).isLessThan(90_000);
    }

    @Test
    void regionsLieWhereTheyAreOnTheGround() {
        assertThat(extreme(Comparator.comparingDouble(Bounds::minX))).as("west-most").isEqualTo("33.01"); // Cilacap
        assertThat(extreme(Comparator.comparingDouble(Bounds::maxX).reversed())).as("east-most").isEqualTo("33.17"); // Rembang
        assertThat(extreme(Comparator.comparingDouble(Bounds::minY))).as("north-most").isEqualTo("33.20"); // Jepara, Karimunjawa
        assertThat(extreme(Comparator.comparingDouble(Bounds::maxY).reversed())).as("south-most").isEqualTo("33.12"); // Wonogiri

        assertThat(bounds("33.08").contains(bounds("33.71"))).as("Kota Magelang inside Kabupaten Magelang").isTrue();
        assertThat(bounds("33.22").contains(bounds("33.73"))).as("Kota Salatiga inside Kabupaten Semarang").isTrue();
        assertThat(bounds("33.08").contains(bounds("33.73"))).as("Salatiga is not in Magelang").isFalse();
        // Semarang (the capital, north coast) is north of Surakarta (inland)
        assertThat(bounds("33.74").maxY()).isLessThan(bounds("33.72").minY());
    }

    @Test
    void everyLabelPointLiesInsideItsRegion() {
        for (Region r : GEOMETRY.regions()) {
            assertThat(inside(r.labelX(), r.labelY(), rings(r.path()))).as(r.code()).isTrue();
        }
        // not in the hole that Kota Magelang makes in Kabupaten Magelang
        assertThat(inside(REGIONS.get("33.08").labelX(), REGIONS.get("33.08").labelY(), rings(REGIONS.get("33.71").path()))).isFalse();
    }

    private static String extreme(Comparator<Bounds> order) {
        return REGIONS.keySet().stream().min(Comparator.comparing(ProvinceGeometryTest::bounds, order)).orElseThrow();
    }

    private static List<List<double[]>> all() {
        return GEOMETRY.regions().stream().flatMap(r -> rings(r.path()).stream()).toList();
    }

    private static Bounds bounds(String code) {
        return bounds(rings(REGIONS.get(code).path()));
    }

    record Bounds(double minX, double minY, double maxX, double maxY) {
        boolean contains(Bounds b) {
            return minX <= b.minX && minY <= b.minY && b.maxX <= maxX && b.maxY <= maxY;
        }
    }

    private static Bounds bounds(List<List<double[]>> rings) {
        List<double[]> points = rings.stream().flatMap(List::stream).toList();
        return new Bounds(points.stream().mapToDouble(p -> p[0]).min().orElseThrow(), points.stream().mapToDouble(p -> p[1]).min().orElseThrow(),
                points.stream().mapToDouble(p -> p[0]).max().orElseThrow(), points.stream().mapToDouble(p -> p[1]).max().orElseThrow());
    }

    /** Even-odd point-in-polygon over all rings. */
    private static boolean inside(double x, double y, List<List<double[]>> rings) {
        boolean in = false;
        for (List<double[]> ring : rings) {
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                double[] a = ring.get(i);
                double[] b = ring.get(j);
                if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
                    in = !in;
                }
            }
        }
        return in;
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z]|-?(?:\\d+(?:\\.\\d)?|\\.\\d)");

    /** Reads back a path made of "M x y l dx dy … Z" rings as absolute points. */
    static List<List<double[]>> rings(String path) {
        List<List<double[]>> rings = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(path);
        int end = 0;
        while (m.find()) {
            assertThat(path.substring(end, m.start())).as("between tokens").matches(" ?");
            tokens.add(m.group());
            end = m.end();
        }
        assertThat(end).isEqualTo(path.length());
        List<double[]> ring = null;
        double x = 0, y = 0;
        boolean relative = false;
        for (int i = 0; i < tokens.size(); i++) {
            switch (tokens.get(i)) {
                case "M" -> {
                    ring = new ArrayList<>();
                    relative = false;
                }
                case "l" -> relative = true;
                case "Z" -> {
                    rings.add(ring);
                    ring = null;
                }
                default -> {
                    double a = Double.parseDouble(tokens.get(i));
                    double b = Double.parseDouble(tokens.get(++i));
                    x = relative ? x + a : a;
                    y = relative ? y + b : b;
                    ring.add(new double[] {Math.round(x * 10) / 10.0, Math.round(y * 10) / 10.0});
                }
            }
        }
        assertThat(ring).as("every ring ends with Z").isNull();
        return rings;
    }
}
