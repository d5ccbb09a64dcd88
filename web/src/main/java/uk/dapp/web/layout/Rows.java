package uk.dapp.web.layout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rows of a GOV.UK summary list ({@code components :: summaryList(rows)}), built from API
 * fields: a field the API did not return (null, or an empty list) gets no row, so a page never
 * shows more than the service gave the user's role. Values read through {@link Words}.
 */
public final class Rows {

    public record Row(String label, Object value) {}

    private final List<Row> rows = new ArrayList<>();

    public Rows add(String label, Object value) {
        if (value != null && !(value instanceof Collection<?> items && items.isEmpty())) {
            rows.add(new Row(label, value));
        }
        return this;
    }

    public List<Row> list() {
        return List.copyOf(rows);
    }
}
