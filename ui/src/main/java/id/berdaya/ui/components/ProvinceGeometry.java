package id.berdaya.ui.components;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outlines of the 35 kabupaten/kota of Jawa Tengah as ready-made SVG paths, so a map can be
 * drawn on the server without a commercial map component or a frontend build. The GeoJSON is
 * read and projected once per JVM (lazily, on first use); the result is immutable and shared by
 * every session.
 *
 * <p>Projection: equirectangular, x scaled by the cosine of the latitude of the province's
 * centre so shapes keep their proportions; y grows southwards (SVG). The drawing spans x from
 * 0 to {@value #WIDTH} and y from 0 to {@link #height()}. Every path is a list of rings
 * "M x y l dx dy … Z": the start point absolute, the rest relative, all on a 0.1-unit grid, with
 * points that coincide on that grid dropped; this keeps the whole map under 100 KB of markup.
 */
public final class ProvinceGeometry {

    /** Width of the drawing, in SVG user units. */
    public static final int WIDTH = 1000;
    /** Room around the drawing in the viewBox, so that thick outlines at the edge are not cut off. */
    private static final int MARGIN = 5;

    /** Licence and provenance: db/src/main/resources/reference/SOURCES.md, section 2. */
    private static final String RESOURCE = "/geo/kabkota.geojson";

    /**
     * One kabupaten/kota: its code ("33.03"), its name as people say it ("Kabupaten
     * Purbalingga"), its SVG path and where a label fits inside it.
     */
    public record Region(String code, String displayName, String path, double labelX, double labelY) {
    }

    private final List<Region> regions;
    private final Map<String, Region> byCode;
    private final double height;

    private ProvinceGeometry(List<Region> regions, double height) {
        this.regions = List.copyOf(regions);
        this.byCode = regions.stream().collect(Collectors.toUnmodifiableMap(Region::code, r -> r));
        this.height = height;
    }

    /** The shared geometry of Jawa Tengah, read from the classpath on first use. */
    public static ProvinceGeometry jawaTengah() {
        return Holder.INSTANCE;
    }

    /** The regions ordered by code. */
    public List<Region> regions() {
        return regions;
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Height of the drawing (its width is {@link #WIDTH}), a multiple of 0.1. */
    public double height() {
        return height;
    }

    /** The value of the svg viewBox attribute: the drawing and a margin around it. */
    public String viewBox() {
        return -MARGIN + " " + -MARGIN + " " + (WIDTH + 2 * MARGIN) + " " + Math.round((height + 2 * MARGIN) * 10) / 10.0;
    }

    private static final class Holder {
        private static final ProvinceGeometry INSTANCE = load();
    }

    /** A feature as read: code, display name, polygons of rings of [lon, lat] positions. */
    private record Feature(String code, String displayName, List<List<double[][]>> polygons) {
    }

    private static ProvinceGeometry load() {
        try (InputStream in = ProvinceGeometry.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Feature> features = new ArrayList<>();
            for (JsonNode f : root.get("features")) {
                JsonNode p = f.get("properties");
                String name = ("KOTA".equals(p.get("type").asString()) ? "Kota " : "Kabupaten ") + p.get("name").asString();
                features.add(new Feature(p.get("code").asString(), name, polygons(f.get("geometry"))));
            }
            features.sort(Comparator.comparing(Feature::code));
            return project(features);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<double[][]>> polygons(JsonNode geometry) {
        JsonNode coordinates = geometry.get("coordinates");
        List<List<double[][]>> polygons = new ArrayList<>();
        switch (geometry.get("type").asString()) {
            case "Polygon" -> polygons.add(rings(coordinates));
            case "MultiPolygon" -> coordinates.forEach(p -> polygons.add(rings(p)));
            default -> throw new IllegalStateException("unexpected geometry " + geometry.get("type"));
        }
        return polygons;
    }

    private static List<double[][]> rings(JsonNode polygon) {
        List<double[][]> rings = new ArrayList<>();
        for (JsonNode ring : polygon) {
            double[][] positions = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                positions[i] = new double[] {ring.get(i).get(0).doubleValue(), ring.get(i).get(1).doubleValue()};
            }
            rings.add(positions);
        }
        return rings;
    }

    private static ProvinceGeometry project(List<Feature> features) {
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        for (Feature f : features) {
            for (List<double[][]> polygon : f.polygons()) {
                for (double[] p : polygon.getFirst()) {
                    minLon = Math.min(minLon, p[0]);
                    maxLon = Math.max(maxLon, p[0]);
                    minLat = Math.min(minLat, p[1]);
                    maxLat = Math.max(maxLat, p[1]);
                }
            }
        }
        double xFactor = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double scale = WIDTH / ((maxLon - minLon) * xFactor);
        Projection projection = new Projection(minLon, maxLat, xFactor * scale, scale);

        List<Region> regions = new ArrayList<>();
        for (Feature f : features) {
            List<List<double[][]>> projected = f.polygons().stream()
                    .map(polygon -> polygon.stream().map(projection::apply).toList()).toList();
            double[] label = labelPoint(projected);
            regions.add(new Region(f.code(), f.displayName(), path(projected),
                    Math.round(label[0] * 10) / 10.0, Math.round(label[1] * 10) / 10.0));
        }
        return new ProvinceGeometry(regions, Math.ceil((maxLat - minLat) * scale * 10) / 10);
    }

    /** lon/lat to SVG user units. */
    private record Projection(double minLon, double maxLat, double xScale, double yScale) {
        double[][] apply(double[][] ring) {
            double[][] out = new double[ring.length][];
            for (int i = 0; i < ring.length; i++) {
                out[i] = new double[] {(ring[i][0] - minLon) * xScale, (maxLat - ring[i][1]) * yScale};
            }
            return out;
        }
    }

    /** The SVG path of all rings, on a grid of tenths; rings that collapse on that grid are left out. */
    private static String path(List<List<double[][]>> polygons) {
        StringBuilder d = new StringBuilder();
        for (List<double[][]> polygon : polygons) {
            for (double[][] ring : polygon) {
                List<int[]> points = new ArrayList<>();
                for (double[] p : ring) {
                    int[] t = {(int) Math.round(p[0] * 10), (int) Math.round(p[1] * 10)};
                    if (points.isEmpty() || !sameTenths(points.getLast(), t)) {
                        points.add(t);
                    }
                }
                if (points.size() > 1 && sameTenths(points.getFirst(), points.getLast())) {
                    points.removeLast();
                }
                if (points.size() < 3) {
                    continue;
                }
                d.append('M');
                appendNumbers(d, points.getFirst()[0], points.getFirst()[1]);
                d.append('l');
                for (int i = 1; i < points.size(); i++) {
                    appendNumbers(d, points.get(i)[0] - points.get(i - 1)[0], points.get(i)[1] - points.get(i - 1)[1]);
                }
                d.append('Z');
            }
        }
        return d.toString();
    }

    private static boolean sameTenths(int[] a, int[] b) {
        return a[0] == b[0] && a[1] == b[1];
    }

    /** Appends numbers given in tenths: "12.3", ".5", "-4"; a space separates them unless a minus sign does. */
    private static void appendNumbers(StringBuilder d, int... tenths) {
        for (int t : tenths) {
            char last = d.charAt(d.length() - 1);
            if (t >= 0 && (Character.isDigit(last) || last == '.')) {
                d.append(' ');
            }
            if (t < 0) {
                d.append('-');
            }
            int abs = Math.abs(t);
            if (abs >= 10 || abs == 0) {
                d.append(abs / 10);
            }
            if (abs % 10 != 0) {
                d.append('.').append(abs % 10);
            }
        }
    }

    /**
     * Where the label goes: the centroid of the largest ring. (For these shapes it always lies
     * inside the region, also outside the holes of Kota Magelang and Kota Salatiga; a test
     * checks that.)
     */
    private static double[] labelPoint(List<List<double[][]>> polygons) {
        double[][] largest = polygons.getFirst().getFirst();
        for (List<double[][]> polygon : polygons) {
            if (Math.abs(signedArea(polygon.getFirst())) > Math.abs(signedArea(largest))) {
                largest = polygon.getFirst();
            }
        }
        return centroid(largest);
    }

    private static double signedArea(double[][] ring) {
        double sum = 0;
        for (int i = 0; i < ring.length; i++) {
            double[] a = ring[i];
            double[] b = ring[(i + 1) % ring.length];
            sum += a[0] * b[1] - b[0] * a[1];
        }
        return sum / 2;
    }

    private static double[] centroid(double[][] ring) {
        double area = signedArea(ring);
        double cx = 0, cy = 0;
        for (int i = 0; i < ring.length; i++) {
            double[] a = ring[i];
            double[] b = ring[(i + 1) % ring.length];
            double cross = a[0] * b[1] - b[0] * a[1];
            cx += (a[0] + b[0]) * cross;
            cy += (a[1] + b[1]) * cross;
        }
        return new double[] {cx / (6 * area), cy / (6 * area)};
    }
}
