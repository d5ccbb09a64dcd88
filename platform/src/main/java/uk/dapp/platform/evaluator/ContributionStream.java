package uk.dapp.platform.evaluator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's evaluator contribution as a response body: newline-delimited JSON, one object per
 * case, produced only as the servlet reads it. The rows come from a database cursor and each is
 * serialised when the previous one has been written, so memory stays at one row however many
 * cases there are; closing the body (the converter always does) closes the cursor.
 *
 * <p>It is a plain {@link InputStreamResource} on purpose: Spring's resource converter then sends
 * it chunked without asking for its length (which would read it all).
 */
public final class ContributionStream {

    public static final MediaType NDJSON = MediaType.APPLICATION_NDJSON;

    private static final ObjectWriter WRITER = JsonMapper.builder().build().writer();

    private ContributionStream() {}

    /** 200 with the rows as NDJSON; the stream is consumed lazily and closed with the body. */
    public static <T extends Record> ResponseEntity<Resource> ok(Stream<T> rows) {
        return ResponseEntity.ok().contentType(NDJSON).body(new InputStreamResource(body(rows)));
    }

    /** The rows as NDJSON bytes, one line per row, read lazily. */
    public static <T extends Record> InputStream body(Stream<T> rows) {
        return new RowInputStream<>(rows);
    }

    private static final class RowInputStream<T> extends InputStream {

        private final Stream<T> rows;
        private final Iterator<T> iterator;
        private byte[] line = new byte[0];
        private int position;
        private boolean closed;

        RowInputStream(Stream<T> rows) {
            this.rows = Objects.requireNonNull(rows);
            this.iterator = rows.iterator();
        }

        /** True when a byte is ready, serialising the next row only when the last is used up. */
        private boolean ready() {
            while (position == line.length) {
                if (closed || !iterator.hasNext()) {
                    return false;
                }
                line = (WRITER.writeValueAsString(iterator.next()) + "\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return ready() ? line[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            if (!ready()) {
                return -1;
            }
            int count = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, count);
            position += count;
            return count;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                line = new byte[0];
                position = 0;
                rows.close();
            }
        }
    }
}
