package uk.dapp.web.outcomes.kpis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a horizontal bar chart drawn as SVG on the server: one bar per figure, its label
 * on the left and its number at the bar's end; a bar's length is its figure to one scale, from a
 * zero line (negative figures to its left). A figure that is not published gets no bar at all,
 * only its mark ("[c] hidden"), so it can never be read as zero. Coordinates are in the SVG's own
 * units ({@link #WIDTH} wide), printed with two decimals.
 */
public record BarChart(
        String id,
        String title,
        String description,
        int height,
        String zeroX,
        int axisTop,
        int axisBottom,
        List<BarShape> bars,
        ReferenceLine reference) {

    public static final int WIDTH = 640;
    private static final double LABEL_END = 196;
    private static final double PLOT_LEFT = 262;
    private static final double PLOT_RIGHT = 572;
    private static final int ROW = 36;
    private static final int BAR = 22;
    private static final int TOP = 8;
    private static final double GAP = 6;

    /** One figure to draw: its label, its value (null when not published) and the text printed for it. */
    public record Bar(String label, BigDecimal value, String text) {}

    /**
     * A bar as drawn. {@code rect} is false for a figure that is not published (no rectangle);
     * {@code value} is the API's figure as given (empty when none), for whoever checks the drawing.
     */
    public record BarShape(
            String label,
            String text,
            String value,
            boolean rect,
            String labelY,
            String x,
            String y,
            String width,
            int barHeight,
            String textX,
            String textAnchor) {}

    /** A figure to mark across the bars (a comparison figure), with its label. */
    public record Reference(BigDecimal value, String label) {}

    /** A reference figure as drawn: a line across every bar at its value, labelled under the bars. */
    public record ReferenceLine(String x, String value, String label, String labelY) {}

    public static BarChart of(String id, String title, String description, List<Bar> bars) {
        return of(id, title, description, bars, null);
    }

    /** As {@link #of(String, String, String, List)}, with a reference figure on the same scale (null for none). */
    public static BarChart of(String id, String title, String description, List<Bar> bars, Reference reference) {
        double min = 0;
        double max = 0;
        for (Bar bar : bars) {
            if (bar.value() != null) {
                min = Math.min(min, bar.value().doubleValue());
                max = Math.max(max, bar.value().doubleValue());
            }
        }
        if (reference != null) {
            min = Math.min(min, reference.value().doubleValue());
            max = Math.max(max, reference.value().doubleValue());
        }
        if (max == min) {
            max = min + 1;
        }
        double scale = (PLOT_RIGHT - PLOT_LEFT) / (max - min);
        double zero = PLOT_LEFT - min * scale;
        List<BarShape> shapes = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int top = TOP + i * ROW;
            String labelY = number(top + BAR / 2.0 + 5);
            if (bar.value() == null) {
                shapes.add(new BarShape(
                        bar.label(),
                        bar.text(),
                        "",
                        false,
                        labelY,
                        number(zero),
                        number(top),
                        number(0),
                        BAR,
                        number(zero + GAP),
                        "start"));
                continue;
            }
            double value = bar.value().doubleValue();
            double start = zero + Math.min(0, value) * scale;
            double length = Math.abs(value) * scale;
            boolean negative = value < 0;
            shapes.add(new BarShape(
                    bar.label(),
                    bar.text(),
                    bar.value().toPlainString(),
                    true,
                    labelY,
                    number(start),
                    number(top),
                    number(length),
                    BAR,
                    number(negative ? start - GAP : start + length + GAP),
                    negative ? "end" : "start"));
        }
        int plotted = TOP * 2 + Math.max(1, bars.size()) * ROW;
        // the reference line's label sits in a row of its own under the bars
        int height = reference == null ? plotted : plotted + ROW / 2 + 4;
        ReferenceLine line = reference == null
                ? null
                : new ReferenceLine(
                        number(zero + reference.value().doubleValue() * scale),
                        reference.value().toPlainString(),
                        reference.label(),
                        number(plotted + ROW / 2.0 - 4));
        return new BarChart(
                id, title, description, height, number(zero), TOP / 2, plotted - TOP / 2, List.copyOf(shapes), line);
    }

    public int width() {
        return WIDTH;
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + height;
    }

    public String labelX() {
        return number(LABEL_END);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
