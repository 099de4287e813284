package io.retentioncenter.learning.report;

import io.retentioncenter.learning.heatmap.Heatmap;
import io.retentioncenter.learning.heatmap.HeatmapCell;
import io.retentioncenter.learning.stats.SequentialEstimate;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The inline-SVG pictures of the HTML report. */
final class ReportCharts {
    private static final String BLUE = "#1f6fb2";
    private static final String BAND = "#1f6fb2";
    private static final String GREY = "#8a8f98";
    private static final String RED = "#c0392b";

    private ReportCharts() {
    }

    /** The cumulative incidence of conversion with its band, Kaplan–Meier for comparison and opt-outs. */
    static String timeToConversion(SequenceReport sequence) {
        TimeToConversionReport t = sequence.timeToConversion();
        List<double[]> incidence = new ArrayList<>(List.of(new double[] {0, 0}));
        List<double[]> lower = new ArrayList<>(List.of(new double[] {0, 0}));
        List<double[]> upper = new ArrayList<>(List.of(new double[] {0, 0}));
        List<double[]> km = new ArrayList<>(List.of(new double[] {0, 0}));
        List<double[]> optOut = new ArrayList<>(List.of(new double[] {0, 0}));
        double top = 0.05;
        for (CurvePoint p : t.curve()) {
            incidence.add(new double[] {p.hours(), p.conversionIncidence()});
            lower.add(new double[] {p.hours(), p.conversionLower()});
            upper.add(new double[] {p.hours(), p.conversionUpper()});
            km.add(new double[] {p.hours(), p.converted()});
            optOut.add(new double[] {p.hours(), p.optOutIncidence()});
            top = Math.max(top, Math.max(p.conversionUpper(), Math.max(p.converted(), p.optOutIncidence())));
        }
        double yMax = Math.min(1.0, Math.ceil(top * 10) / 10);
        return new Svg("Time to conversion of " + sequence.name(), t.horizonHours(), 0, yMax)
                .axes(5, "%.0fh", "%.0f%%", 100, "hours since enrolment (horizon " + hours(t.horizonHours()) + ")")
                .band(lower, upper, BAND + "33")
                .polyline(km, GREY, 1.5, "5 4")
                .polyline(optOut, RED, 1.5, "2 3")
                .polyline(incidence, BLUE, 2.5, "")
                .legend(BLUE, "", "converted, opt-outs competing (95% band)")
                .legend(GREY, "5 4", "Kaplan-Meier, opt-outs censored")
                .legend(RED, "2 3", "opted out")
                .end();
    }

    /** Per step: enrollments whose window closed, that reached the step, executed it; the waiting ones apart. */
    static String funnel(SequenceReport sequence) {
        int rows = sequence.steps().size();
        int height = 30 + rows * 34;
        double scale = sequence.enrolled() == 0 ? 0 : 280.0 / sequence.enrolled();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">", Svg.WIDTH,
                height, Svg.WIDTH, height, Html.escape("Step funnel of " + sequence.name())));
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(Svg.WIDTH).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        int y = 10;
        for (StepReport step : sequence.steps()) {
            String label = "Step " + step.order() + " " + step.channel();
            out.append(text(8, y + 15, label, 11));
            out.append(bar(110, y, step.windowClosed() * scale, "#cfe0f1",
                    step.windowClosed() + " enrolments whose window for the step has closed"));
            out.append(bar(110, y, step.reached() * scale, "#7fb0dc", step.reached() + " reached the step"));
            out.append(bar(110, y, step.executed() * scale, BLUE, step.executed() + " executed it"));
            out.append(text(110 + step.windowClosed() * scale + 6, y + 15, String.format(Locale.ROOT,
                    "%d/%d reached, %d dropped, %d waiting", step.reached(), step.windowClosed(), step.droppedOff(),
                    step.waiting()), 11));
            y += 34;
        }
        out.append(text(110, y + 10, "dark: executed · mid: reached · light: window closed (waiting enrolments "
                + "are not drop-offs)", 10));
        return out.append("</svg>").toString();
    }

    /** Day × hour cells coloured by shrunk rate, each with its counted sends; a tooltip gives the counts. */
    static String heatmap(Heatmap heatmap) {
        int cell = 24;
        int left = 40;
        int top = 18;
        int width = left + 24 * cell + 10;
        int height = top + 7 * cell + 22;
        double max = heatmap.cells().stream().mapToDouble(HeatmapCell::shrunkRate).max().orElse(0);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Send-time heatmap\">",
                width, height, width, height));
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        for (int hour = 0; hour < 24; hour += 3) {
            out.append(text(left + hour * cell + cell / 2.0 - 6, 12, String.format(Locale.ROOT, "%02d", hour), 10));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            int row = day.getValue() - 1;
            String name = day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            out.append(text(4, top + row * cell + 16, name, 11));
            for (int hour = 0; hour < 24; hour++) {
                HeatmapCell c = heatmap.cell(day, hour);
                double shade = max == 0 || c.sends().trials() == 0 ? 0 : c.shrunkRate() / max;
                String fill = c.sends().trials() == 0 ? "#f4f5f7" : blend(shade);
                WilsonInterval ci = WilsonInterval.of(c.sends());
                out.append(String.format(Locale.ROOT, "<g><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" "
                        + "height=\"%d\" fill=\"%s\" stroke=\"#ffffff\"/>", Html.escape(String.format(Locale.ROOT,
                        "%s %02d:00: %s converted, shrunk %s, 95%% CI [%s, %s]", name, hour,
                        ReportFormat.rate(c.sends()), ReportFormat.percent(c.shrunkRate()),
                        ReportFormat.percent(ci.lower()), ReportFormat.percent(ci.upper()))),
                        left + hour * cell, top + row * cell, cell, cell, fill));
                if (c.sends().trials() > 0) {
                    out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
                            + "font-size=\"9\" fill=\"%s\">%d</text>", left + hour * cell + cell / 2.0,
                            top + row * cell + 15, shade > 0.6 ? "#ffffff" : "#222", c.sends().trials()));
                }
                out.append("</g>");
            }
        }
        out.append(text(left, height - 4, "colour: shrunk conversion rate (darker is higher); number: counted sends",
                10));
        return out.append("</svg>").toString();
    }

    /** The difference of a variant against the control over the looks, with its confidence sequence. */
    static String confidenceSequence(AbTestReport test, VariantComparison comparison) {
        List<double[]> difference = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        List<double[]> upper = new ArrayList<>();
        List<SequencePoint> points = comparison.trajectory();
        double start = points.get(0).at().toEpochMilli();
        double span = Math.max(1, points.get(points.size() - 1).at().toEpochMilli() - start) / 3_600_000.0;
        double bound = 0.01;
        for (SequencePoint p : points) {
            if (p.estimate().isEmpty()) {
                continue;
            }
            SequentialEstimate e = p.estimate().get();
            double h = (p.at().toEpochMilli() - start) / 3_600_000.0;
            difference.add(new double[] {h, e.difference()});
            lower.add(new double[] {h, Math.max(-1, e.lower())});
            upper.add(new double[] {h, Math.min(1, e.upper())});
            bound = Math.max(bound, Math.max(Math.abs(Math.max(-1, e.lower())), Math.min(1, e.upper())));
        }
        double yMax = Math.ceil(bound * 20) / 20;
        Svg svg = new Svg("Confidence sequence of " + comparison.variant() + " against " + comparison.control()
                + " in " + test.testId(), span, -yMax, yMax)
                .axes(4, "%.0fh", "%+.0f pp", 100, "hours since the first look");
        svg.line(svg.x(0), svg.y(0), svg.x(span), svg.y(0), "#333", 1, "3 3");
        return svg.band(lower, upper, BAND + "33")
                .polyline(difference, BLUE, 2.5, "")
                .legend(BLUE, "", comparison.variant() + " − " + comparison.control() + " (confidence sequence band)")
                .legend("#333", "3 3", "no difference")
                .end();
    }

    /** A small bar: the interval of a leaderboard entry as a whisker and its estimate as a dot. */
    static String interval(LeaderboardEntry entry, double max) {
        double scale = max <= 0 ? 0 : 200 / max;
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 210 16\" "
                + "width=\"210\" height=\"16\" role=\"img\" aria-label=\"interval\"><rect x=\"0\" y=\"0\" width=\"210\" "
                + "height=\"16\" fill=\"#ffffff\"/><line x1=\"%.1f\" y1=\"8\" x2=\"%.1f\" y2=\"8\" stroke=\"%s\" "
                + "stroke-width=\"3\"/><circle cx=\"%.1f\" cy=\"8\" r=\"4.5\" fill=\"%s\"/></svg>",
                5 + entry.lowerBound() * scale, 5 + entry.upperBound() * scale, "#7fb0dc",
                5 + entry.conversionIncidence() * scale, BLUE);
    }

    private static String bar(double x, int y, double width, String fill, String title) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"%s\">"
                + "<title>%s</title></rect>", x, y, Math.max(0, width), fill, Html.escape(title));
    }

    private static String text(double x, double y, String text, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"#222\">%s</text>", x, y,
                size, Html.escape(text));
    }

    /** White to blue. */
    private static String blend(double shade) {
        int r = (int) Math.round(235 - shade * (235 - 31));
        int g = (int) Math.round(242 - shade * (242 - 111));
        int b = (int) Math.round(250 - shade * (250 - 178));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    static String hours(double hours) {
        return ReportFormat.duration(Duration.ofMinutes(Math.round(hours * 60)));
    }
}
