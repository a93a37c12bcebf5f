package com.quickcart.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as plain SVG, drawn from the run's numbers (no plotting tool to install): named
 * categories along x, one polyline per series, optionally a logarithmic y axis (latencies span
 * milliseconds to seconds), and dashed horizontal reference lines for same-run baselines.
 */
public final class SvgChart {

    public record Series(String name, String colour, double[] values) {
    }

    public record Reference(String name, String colour, double value) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> categories;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    public SvgChart(String title, String xLabel, String yLabel, List<String> categories, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.categories = categories;
        this.logY = logY;
    }

    public SvgChart series(String name, String colour, double... values) {
        series.add(new Series(name, colour, values));
        return this;
    }

    public SvgChart reference(String name, String colour, double value) {
        if (!Double.isNaN(value)) {
            references.add(new Reference(name, colour, value));
        }
        return this;
    }

    public String render() {
        double max = 0;
        double min = Double.MAX_VALUE;
        for (Series s : series) {
            for (double v : s.values()) {
                if (!Double.isNaN(v) && v > 0) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        for (Reference r : references) {
            max = Math.max(max, r.value());
            min = Math.min(min, r.value());
        }
        if (max == 0) {
            max = 1;
            min = 1;
        }
        double lo = logY ? Math.pow(10, Math.floor(Math.log10(min))) : 0;
        double hi = logY ? Math.pow(10, Math.ceil(Math.log10(max))) : niceCeiling(max * 1.1);
        if (logY && hi <= lo) {
            hi = lo * 10;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT));
        svg.append(f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, HEIGHT));
        svg.append(f("<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", LEFT, escape(title)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        // y grid and labels
        List<Double> ticks = new ArrayList<>();
        if (logY) {
            for (double t = lo; t <= hi * 1.0001; t *= 10) {
                ticks.add(t);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                ticks.add(hi * i / 5);
            }
        }
        for (double t : ticks) {
            double y = y(t, lo, hi, plotH);
            svg.append(f("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", LEFT, LEFT + plotW, y, y));
            svg.append(f("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 6, y + 4, label(t)));
        }
        svg.append(f("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", LEFT, LEFT + plotW, TOP + plotH, TOP + plotH));
        svg.append(f("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", LEFT, LEFT, TOP, TOP + plotH));
        for (int i = 0; i < categories.size(); i++) {
            svg.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x(i, plotW), TOP + plotH + 18, escape(categories.get(i))));
        }
        svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", LEFT + plotW / 2, HEIGHT - 10, escape(xLabel)));
        svg.append(f("<text transform=\"translate(16,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>\n", TOP + plotH / 2, escape(yLabel)));
        int legendY = TOP + 10;
        for (Reference r : references) {
            double y = y(r.value(), lo, hi, plotH);
            svg.append(f("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6,4\"/>\n", LEFT, LEFT + plotW, y, y, r.colour()));
            legendY = legend(svg, legendY, r.colour(), r.name() + " (" + label(r.value()) + ")", true);
        }
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.values().length && i < categories.size(); i++) {
                double v = s.values()[i];
                if (Double.isNaN(v) || (logY && v <= 0)) {
                    continue;
                }
                double px = x(i, plotW);
                double py = y(v, lo, hi, plotH);
                points.append(f("%.1f,%.1f ", px, py));
                svg.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s: %s</title></circle>\n", px, py, s.colour(), escape(s.name()), label(v)));
            }
            svg.append(f("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", points.toString().trim(), s.colour()));
            legendY = legend(svg, legendY, s.colour(), s.name(), false);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private int legend(StringBuilder svg, int y, String colour, String text, boolean dashed) {
        int x = WIDTH - RIGHT + 15;
        svg.append(f("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n", x, x + 22, y, y, colour,
                dashed ? " stroke-dasharray=\"6,4\"" : ""));
        svg.append(f("<text x=\"%d\" y=\"%d\">%s</text>\n", x + 28, y + 4, escape(text)));
        return y + 20;
    }

    private double x(int index, int plotW) {
        return LEFT + plotW * (index + 0.5) / categories.size();
    }

    private double y(double value, double lo, double hi, int plotH) {
        double share = logY ? (Math.log10(value) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : value / hi;
        return TOP + plotH * (1 - Math.max(0, Math.min(1, share)));
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        if (value >= 1000) {
            return f("%,.0f", value);
        }
        return value >= 10 || value == Math.rint(value) ? f("%.0f", value) : f("%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
