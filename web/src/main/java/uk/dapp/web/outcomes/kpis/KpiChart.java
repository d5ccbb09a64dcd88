package uk.dapp.web.outcomes.kpis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import uk.dapp.client.gateway.model.KpiComparison;
import uk.dapp.client.gateway.model.KpiTable;

/**
 * One KPI figure set as a page shows it: the chart and, beside it, the table of the very same
 * figures (GOV.UK's guidance for charts). Both are made from the same {@link Line}s, so the numbers
 * drawn are the numbers in the table.
 */
public record KpiChart(
        String name,
        String title,
        String definition,
        String dimension,
        String unit,
        BarChart chart,
        List<Line> lines,
        Line total,
        Comparison comparison) {

    /** A row of the table and a bar of the chart. */
    public record Line(String label, String text, KpiValue value) {}

    /** The outcome framework's figure the API gives beside a rate: as printed, and where it comes from. */
    public record Comparison(String text, String source) {}

    /** The figures of each row (areas, regions, programmes or referral sources) in one column (a period, or {@link KpiReading#ALL}). */
    static KpiChart byRow(KpiReading reading, KpiWords words, KpiTable table, int column) {
        String dimension = reading.dimension();
        List<Line> lines = new ArrayList<>();
        for (int row = 0; row < table.getRows().size(); row++) {
            lines.add(line(words, table, reading.rowLabel(table, row), reading.value(table, row, column)));
        }
        Line total = line(words, table, reading.allRows(), reading.value(table, KpiReading.ALL, column));
        String when = column == KpiReading.ALL
                ? "all periods"
                : words.period(table.getColumns().get(column));
        String id = "chart-" + table.getName() + "-by-"
                + dimension.toLowerCase(Locale.ROOT).replace(' ', '-');
        return of(words, table, dimension, lines, total, id, "by " + dimension.toLowerCase(Locale.ROOT) + ", " + when);
    }

    /** The figures of each column (period) over every row. */
    static KpiChart byPeriod(KpiReading reading, KpiWords words, KpiTable table) {
        String areas = reading.allRows().toLowerCase(Locale.ROOT);
        List<Line> lines = new ArrayList<>();
        for (int column = 0; column < table.getColumns().size(); column++) {
            lines.add(line(
                    words,
                    table,
                    words.period(table.getColumns().get(column)),
                    reading.value(table, KpiReading.ALL, column)));
        }
        Line total = line(words, table, "All periods", reading.value(table, KpiReading.ALL, KpiReading.ALL));
        return of(
                words, table, "Period", lines, total, "chart-" + table.getName() + "-by-period", "by period, " + areas);
    }

    private static KpiChart of(
            KpiWords words, KpiTable table, String dimension, List<Line> lines, Line total, String id, String caption) {
        String title = words.title(table.getName()) + " " + caption;
        KpiComparison given = table.getComparison();
        Comparison comparison = given == null || given.getFigure() == null
                ? null
                : new Comparison(words.number(table, given.getFigure()), given.getSource());
        String description = "Bar chart of " + words.unit(table).toLowerCase(Locale.ROOT) + ". "
                + lines.stream()
                        .map(line -> line.label() + ": "
                                + (line.value().isShown()
                                        ? line.text()
                                        : line.text() + " " + line.value().brief()))
                        .collect(Collectors.joining("; "))
                + "."
                + (comparison == null
                        ? ""
                        : " A line marks the comparison figure, " + comparison.text() + " (" + comparison.source()
                                + ").")
                + " The table beside the chart has the same figures.";
        List<BarChart.Bar> bars = lines.stream()
                .map(line -> new BarChart.Bar(
                        line.label(),
                        line.value().value(),
                        line.value().isShown()
                                ? line.text()
                                : line.text() + " " + line.value().brief()))
                .toList();
        BarChart chart = BarChart.of(
                id,
                title,
                description,
                bars,
                comparison == null
                        ? null
                        : new BarChart.Reference(given.getFigure(), "Comparison " + comparison.text()));
        return new KpiChart(
                table.getName(),
                words.title(table.getName()),
                table.getDefinition(),
                dimension,
                words.unit(table),
                chart,
                List.copyOf(lines),
                total,
                comparison);
    }

    private static Line line(KpiWords words, KpiTable table, String label, KpiValue value) {
        return new Line(label, words.text(table, value), value);
    }

    /** The marks used in this chart's table, each once, for the notes under it. */
    public List<KpiValue.Mark> marks() {
        List<KpiValue.Mark> marks = new ArrayList<>();
        for (Line line : lines) {
            if (!line.value().isShown() && !marks.contains(line.value().mark())) {
                marks.add(line.value().mark());
            }
        }
        if (!total.value().isShown() && !marks.contains(total.value().mark())) {
            marks.add(total.value().mark());
        }
        return marks;
    }
}
