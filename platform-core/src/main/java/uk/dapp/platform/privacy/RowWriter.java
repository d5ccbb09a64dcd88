package uk.dapp.platform.privacy;

import java.io.Closeable;
import java.io.Flushable;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an extract one row at a time straight to its destination, holding no rows, so an export
 * of any size needs the same memory. Values are written by type: null as empty or null, numbers
 * and booleans as such, enums by name, anything else as its text. Not safe for several threads.
 */
public interface RowWriter extends Closeable, Flushable {

    /** The column names, in the order values are given. */
    List<String> columns();

    /**
     * @param values one per column, in column order
     * @throws IllegalArgumentException when the number of values differs from the number of columns
     * @throws java.io.UncheckedIOException when the destination fails (a client gone away)
     */
    void writeRow(List<?> values);

    /**
     * What every writer checks before a row: that the document is not finished yet ({@code what}
     * names it, e.g. "the CSV") and that there is one value per column.
     */
    static void checkRow(boolean finished, String what, List<?> values, List<String> columns) {
        if (finished) {
            throw new IllegalStateException(what + " is finished");
        }
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + columns.size() + " columns");
        }
    }

    default void writeRowOf(Object... values) {
        writeRow(Arrays.asList(values));
    }

    long rowsWritten();

    /** Completes the document and flushes, leaving the destination open (for a trailer of the caller's). */
    void finish();

    /** Completes the document if not done yet, and closes the destination. */
    @Override
    void close();

    @Override
    void flush();
}
