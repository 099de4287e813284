package io.retentioncenter.learning.report;

import java.util.List;
import java.util.Locale;

/**
 * A small inline-SVG writer for the HTML report: coordinates in a fixed box, text escaped, numbers
 * in {@link Locale#ROOT}. Each chart maps its data into the plot area with {@link #x} and {@link #y}.
 */
final class Svg {
    static final int WIDTH = 640;
    static final int HEIGHT = 262;
    private static final int LEFT = 52;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 56;

    private final StringBuilder out = new StringBuilder(4096);
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private double legendX = LEFT;

    /** A chart whose x runs from 0 to {@code xMax} and y from {@code yMin} to {@code yMax}. */
    Svg(String label, double xMax, double yMin, double yMax) {
        this.xMax = xMax > 0 ? xMax : 1;
        this.yMin = yMin;
        this.yMax = yMax > yMin ? yMax : yMin + 1;
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">", WIDTH, HEIGHT, WIDTH, HEIGHT,
                Html.escape(label)));
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>");
    }

    double x(double value) {
        return LEFT + (WIDTH - LEFT - RIGHT) * value / xMax;
    }

    double y(double value) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (yMax - value) / (yMax - yMin);
    }

    /** Axes with {@code ticks} labelled ticks on each, formatted by the given formats. */
    Svg axes(int ticks, String xFormat, String yFormat, double yScale, String xTitle) {
        for (int i = 0; i <= ticks; i++) {
            double yv = yMin + (yMax - yMin) * i / ticks;
            double xv = xMax * i / ticks;
            line(x(0), y(yv), x(xMax), y(yv), "#e3e6ea", 1, "");
            text(x(0) - 6, y(yv) + 4, String.format(Locale.ROOT, yFormat, yv * yScale), "end", 11, "#444");
            text(x(xv), y(yMin) + 16, String.format(Locale.ROOT, xFormat, xv), "middle", 11, "#444");
        }
        line(x(0), y(yMin), x(xMax), y(yMin), "#555", 1, "");
        line(x(0), y(yMin), x(0), y(yMax), "#555", 1, "");
        text((x(0) + x(xMax)) / 2, y(yMin) + 30, xTitle, "middle", 11, "#444");
        return this;
    }

    /** A polyline through {@code points} (pairs of data x, y). */
    Svg polyline(List<double[]> points, String colour, double width, String dash) {
        if (points.isEmpty()) {
            return this;
        }
        out.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(number(width)).append('"').append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                .append(" points=\"");
        points.forEach(p -> out.append(number(x(p[0]))).append(',').append(number(y(p[1]))).append(' '));
        out.append("\"/>");
        return this;
    }

    /** A filled band between {@code lower} and {@code upper} (pairs of data x, y; the same x values). */
    Svg band(List<double[]> lower, List<double[]> upper, String colour) {
        if (lower.isEmpty()) {
            return this;
        }
        out.append("<polygon fill=\"").append(colour).append("\" stroke=\"none\" points=\"");
        lower.forEach(p -> out.append(number(x(p[0]))).append(',').append(number(y(p[1]))).append(' '));
        for (int i = upper.size() - 1; i >= 0; i--) {
            out.append(number(x(upper.get(i)[0]))).append(',').append(number(y(upper.get(i)[1]))).append(' ');
        }
        out.append("\"/>");
        return this;
    }

    /** A line in box coordinates. */
    Svg line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"%s\"%s/>", x1, y1, x2, y2, colour, number(width),
                dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
        return this;
    }

    /** Text in box coordinates. */
    Svg text(double x, double y, String text, String anchor, int size, String colour) {
        out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" "
                + "fill=\"%s\">%s</text>", x, y, anchor, size, colour, Html.escape(text)));
        return this;
    }

    /** The next legend entry, in a row under the chart. */
    Svg legend(String colour, String dash, String label) {
        double y = HEIGHT - 6;
        line(legendX, y - 4, legendX + 24, y - 4, colour, 2.5, dash);
        text(legendX + 30, y, label, "start", 11, "#222");
        legendX += 48 + label.length() * 5.6;
        return this;
    }

    /** The SVG element. */
    String end() {
        return out.append("</svg>").toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
