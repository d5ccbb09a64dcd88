package uk.dapp.platform.privacy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as RFC 4180 has it: a header line, CRLF line ends, a field in double quotes when it holds a
 * comma, quote or line break, a quote inside doubled.
 *
 * <p>Text that a spreadsheet would run as a formula (starting {@code = + - @}, tab or carriage
 * return) is written with a leading {@code '}, so opening an extract cannot run anything (CSV
 * injection). Numbers given as numbers are written as they are: {@code -3} stays a number, while
 * the text {@code "-3"} becomes {@code '-3}.
 */
public final class CsvRowWriter implements RowWriter {

    private static final String CRLF = "\r\n";

    private final Writer out;
    private final List<String> columns;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;
    private boolean finished;

    /** Writes the header at once. */
    public CsvRowWriter(Writer out, List<String> columns) {
        this.out = out;
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("at least one column");
        }
        writeLine(this.columns);
    }

    /** UTF-8, buffered, to a stream such as an HTTP response body. */
    public static CsvRowWriter utf8(OutputStream out, List<String> columns) {
        return new CsvRowWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), columns);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void writeRow(List<?> values) {
        RowWriter.checkRow(finished, "the CSV", values, columns);
        writeLine(values);
        rows++;
    }

    @Override
    public long rowsWritten() {
        return rows;
    }

    /** One field as written, quoted and guarded as needed. */
    public static String field(Object value) {
        StringBuilder out = new StringBuilder();
        appendField(out, value);
        return out.toString();
    }

    /** {@link #field} appended to a line being built, so that a row is one write and not one per field. */
    private static void appendField(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Integer || value instanceof Long) {
            out.append(value); // digits and a minus sign: never quoted, and a number is not guarded
            return;
        }
        String text;
        if (value instanceof Number number) {
            text = number(number);
        } else if (value instanceof Boolean || value instanceof Enum<?>) {
            text = value instanceof Enum<?> e ? e.name() : value.toString();
        } else {
            text = guard(value.toString());
        }
        if (needsQuotes(text)) {
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            out.append(text);
        }
    }

    private static String number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("a number that is not finite");
            }
        }
        return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
    }

    private static String guard(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void writeLine(List<?> values) {
        line.setLength(0);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, values.get(i));
        }
        line.append(CRLF);
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        finished = true;
        flush();
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (out) {
            if (!finished) {
                finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
