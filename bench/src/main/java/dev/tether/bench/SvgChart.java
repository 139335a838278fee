package dev.tether.bench;

import java.util.List;
import java.util.Locale;

/** A hand-written SVG line chart: server connections over time, one line per mode, each from its own start. */
final class SvgChart {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 230;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private SvgChart() {
    }

    static String render(String title, List<ModeResult> results) {
        long maxMillis = Math.max(1000, results.stream().flatMap(r -> r.samples().stream())
                .mapToLong(ServerSampler.Sample::millis).max().orElse(1000));
        int maxConnections = results.stream().flatMap(r -> r.samples().stream())
                .mapToInt(ServerSampler.Sample::connections).max().orElse(0);
        double yTop = niceCeiling(Math.max(1, maxConnections));
        double xTop = Math.ceil(maxMillis / 1000.0);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        for (int i = 0; i <= 5; i++) {
            double value = yTop * i / 5;
            double y = TOP + plotHeight - plotHeight * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 8, y + 4, value == Math.rint(value) ? Long.toString((long) value)
                            : String.format(Locale.ROOT, "%.1f", value)));
        }
        int xStep = (int) Math.max(1, Math.ceil(xTop / 10));
        for (int s = 0; s <= xTop; s += xStep) {
            double x = LEFT + plotWidth * s / xTop;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n",
                    x, TOP, x, TOP + plotHeight));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x, TOP + plotHeight + 18, s));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since the mode started</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 18));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %d) rotate(-90)\" text-anchor=\"middle\">"
                + "connections seen by the server</text>%n", TOP + plotHeight / 2));

        // drawn last to first, every other line dashed, so that lines at the same level (two modes at the cap) both show
        for (int i = results.size() - 1; i >= 0; i--) {
            ModeResult r = results.get(i);
            String colour = COLOURS[i % COLOURS.length];
            String dash = i % 2 == 1 ? " stroke-dasharray=\"7 5\"" : "";
            StringBuilder points = new StringBuilder();
            for (ServerSampler.Sample s : r.samples()) {
                double x = LEFT + plotWidth * (s.millis() / 1000.0) / xTop;
                double y = TOP + plotHeight - plotHeight * Math.max(0, s.connections()) / yTop;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\">"
                    + "<title>%s</title></polyline>%n", colour, dash, points.toString().strip(), escape(r.scenario().label())));
            int ly = TOP + 10 + i * 40;
            int lx = LEFT + plotWidth + 16;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"%s/>%n",
                    lx, ly, lx + 22, ly, colour, dash));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n",
                    lx + 28, ly + 4, escape(r.scenario().label())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">peak %s, %s req/s</text>%n",
                    lx + 28, ly + 19, r.serverPeak() < 0 ? "?" : Integer.toString(r.serverPeak()),
                    String.format(Locale.ROOT, "%,.0f", r.requestsPerSecond())));
        }
        return svg.append("</svg>\n").toString();
    }

    /** 1, 2, 5 times a power of ten, at least {@code value}. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
