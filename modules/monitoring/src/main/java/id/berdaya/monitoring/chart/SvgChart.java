package id.berdaya.monitoring.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart drawn on the server as one SVG string: groups of bars and lines over categories (years,
 * months, cohorts), a y axis with round ticks, the categories' labels, a legend and an accessible
 * {@code <title>}/{@code <desc>}. No script, no external style: the page shows it as it is, and a
 * test reads it as XML. A null value is a gap (a bar not drawn, a line broken), e.g. a partner's
 * suppressed "&lt;5".
 */
public final class SvgChart {

    /** How a series is drawn. */
    public enum Kind { BAR, LINE }

    /** A named row of values, one per category. */
    public record Series(String name, Kind kind, List<Long> values) {
        public Series {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** Colour-blind-safe colours (Okabe-Ito), taken in order. */
    static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000");

    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 72;

    private final String title;
    private final String description;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private String yLabel = "";

    public SvgChart(String title, String description, List<String> categories) {
        this.title = title;
        this.description = description;
        this.categories = List.copyOf(categories);
    }

    public SvgChart yLabel(String label) {
        this.yLabel = label == null ? "" : label;
        return this;
    }

    public SvgChart add(Series s) {
        if (s.values().size() != categories.size()) {
            throw new IllegalArgumentException(s.name() + ": " + s.values().size() + " values for " + categories.size() + " categories");
        }
        series.add(s);
        return this;
    }

    /** The SVG document. */
    public String svg() {
        long max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null).mapToLong(Long::longValue).max().orElse(0);
        long step = niceStep(max);
        long top = Math.max(step, ((max + step - 1) / step) * step);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" class=\"berdaya-chart\" font-family=\"sans-serif\" font-size=\"12\">");
        s.append("<title id=\"chart-title\">").append(esc(title)).append("</title>");
        s.append("<desc id=\"chart-desc\">").append(esc(description)).append("</desc>");
        // y axis: ticks and grid lines
        for (long v = 0; v <= top; v += step) {
            double y = TOP + plotH - plotH * v / top;
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(f(y)).append("\" y2=\"")
                    .append(f(y)).append("\" stroke=\"#ddd\"/>");
            s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\">")
                    .append(esc(number(v))).append("</text>");
        }
        s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" y2=\"")
                .append(f(TOP + plotH)).append("\" stroke=\"#333\"/>");
        s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(f(TOP + plotH))
                .append("\" y2=\"").append(f(TOP + plotH)).append("\" stroke=\"#333\"/>");
        s.append("<text transform=\"translate(14 ").append(f(TOP + plotH / 2)).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(esc(yLabel)).append("</text>");
        int n = Math.max(1, categories.size());
        double band = plotW / n;
        List<Series> bars = series.stream().filter(x -> x.kind() == Kind.BAR).toList();
        double barW = bars.isEmpty() ? 0 : band * 0.8 / bars.size();
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + band * c;
            s.append("<text x=\"").append(f(x0 + band / 2)).append("\" y=\"").append(f(TOP + plotH + 16))
                    .append("\" text-anchor=\"middle\">").append(esc(categories.get(c))).append("</text>");
            for (int b = 0; b < bars.size(); b++) {
                Long v = bars.get(b).values().get(c);
                if (v == null) {
                    continue;
                }
                double h = plotH * v / top;
                s.append("<rect x=\"").append(f(x0 + band * 0.1 + barW * b)).append("\" y=\"").append(f(TOP + plotH - h))
                        .append("\" width=\"").append(f(barW)).append("\" height=\"").append(f(h)).append("\" fill=\"")
                        .append(colour(bars.get(b))).append("\"><title>").append(esc(bars.get(b).name() + ", " + categories.get(c)
                                + ": " + number(v))).append("</title></rect>");
            }
        }
        for (Series line : series.stream().filter(x -> x.kind() == Kind.LINE).toList()) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int c = 0; c < categories.size(); c++) {
                Long v = line.values().get(c);
                if (v == null) {
                    pen = false;
                    continue;
                }
                double x = LEFT + band * c + band / 2;
                double y = TOP + plotH - plotH * v / top;
                path.append(pen ? " L" : " M").append(f(x)).append(' ').append(f(y));
                pen = true;
                s.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"").append(colour(line))
                        .append("\"><title>").append(esc(line.name() + ", " + categories.get(c) + ": " + number(v))).append("</title></circle>");
            }
            if (!path.isEmpty()) {
                s.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"").append(colour(line))
                        .append("\" stroke-width=\"2\"/>");
            }
        }
        // legend, under the categories
        double lx = LEFT;
        double ly = HEIGHT - 24;
        for (Series x : series) {
            s.append("<rect x=\"").append(f(lx)).append("\" y=\"").append(f(ly - 10)).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colour(x)).append("\"/>");
            s.append("<text x=\"").append(f(lx + 16)).append("\" y=\"").append(f(ly)).append("\">").append(esc(x.name())).append("</text>");
            lx += 28 + 7 * x.name().length();
        }
        s.append("</svg>");
        return s.toString();
    }

    private String colour(Series x) {
        return COLOURS.get(series.indexOf(x) % COLOURS.size());
    }

    /** A tick step of 1, 2 or 5 times a power of ten giving about five ticks. */
    static long niceStep(long max) {
        if (max <= 5) {
            return 1;
        }
        double raw = max / 5.0;
        long pow = (long) Math.pow(10, Math.floor(Math.log10(raw)));
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * pow >= raw) {
                return m * pow;
            }
        }
        return 10 * pow;
    }

    private static String number(long v) {
        return String.format(Locale.ROOT, "%,d", v).replace(',', '.');
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
