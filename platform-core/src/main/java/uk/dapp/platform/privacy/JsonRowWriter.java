package uk.dapp.platform.privacy;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON array of one object per row ({@code [{"pseudonym":"psn_...","ageBand":"28-37",...},...]}),
 * written through Jackson's streaming generator so escaping is Jackson's and no row is held.
 */
public final class JsonRowWriter implements RowWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;
    private final List<String> columns;
    private long rows;
    private boolean finished;

    /** Writes the opening bracket at once. */
    public JsonRowWriter(Writer out, List<String> columns) {
        this(FACTORY.createGenerator(out), columns);
    }

    /** UTF-8 to a stream such as an HTTP response body. */
    public static JsonRowWriter utf8(OutputStream out, List<String> columns) {
        return new JsonRowWriter(FACTORY.createGenerator(out), columns);
    }

    private JsonRowWriter(JsonGenerator json, List<String> columns) {
        this.json = json;
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty() || this.columns.stream().distinct().count() != this.columns.size()) {
            throw new IllegalArgumentException("at least one column, each named once");
        }
        run(json::writeStartArray);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void writeRow(List<?> values) {
        RowWriter.checkRow(finished, "the JSON array", values, columns);
        for (Object value : values) {
            if ((value instanceof Double || value instanceof Float)
                    && !Double.isFinite(((Number) value).doubleValue())) {
                // JSON has no NaN or infinity; refused before anything of the row is written
                throw new IllegalArgumentException("a number that is not finite");
            }
        }
        run(() -> {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeName(columns.get(i));
                writeValue(values.get(i));
            }
            json.writeEndObject();
        });
        rows++;
    }

    private void writeValue(Object value) {
        switch (value) {
            case null -> json.writeNull();
            case Boolean b -> json.writeBoolean(b);
            case Integer i -> json.writeNumber(i);
            case Long l -> json.writeNumber(l);
            case Short s -> json.writeNumber(s);
            case Byte b -> json.writeNumber(b);
            case BigInteger b -> json.writeNumber(b);
            case BigDecimal d -> json.writeNumber(d);
            case Double d -> json.writeNumber(d);
            case Float f -> json.writeNumber(f);
            case Enum<?> e -> json.writeString(e.name());
            default -> json.writeString(value.toString());
        }
    }

    @Override
    public long rowsWritten() {
        return rows;
    }

    @Override
    public void finish() {
        if (!finished) {
            finished = true;
            run(json::writeEndArray);
        }
        flush();
    }

    @Override
    public void flush() {
        run(json::flush);
    }

    @Override
    public void close() {
        try {
            finish();
        } finally {
            run(json::close);
        }
    }

    /** Jackson reports a failed destination as its own unchecked exception; callers see one kind. */
    private static void run(Runnable write) {
        try {
            write.run();
        } catch (JacksonException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        }
    }
}
