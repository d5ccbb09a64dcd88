package uk.dapp.platform.store;

import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Orders and stores {@link IndexEntry index entries} in an MVStore map. Values compare as the
 * library's query matcher compares them ({@link ValueComparator}, MongoDB's order of types), so
 * that a range of keys holds exactly the values a range query can match; positions break ties.
 * The common value types get a compact encoding; anything else goes through H2's own object type.
 */
final class IndexEntryType extends BasicDataType<IndexEntry> {

    static final IndexEntryType INSTANCE = new IndexEntryType();

    /** MongoDB's order of values; arrays (only ever nested in a key) compare element by element, a total order. */
    static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte DOUBLE = 2;
    private static final byte LONG = 3;
    private static final byte INSTANT = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;
    private static final byte INTEGER = 7;
    private static final byte OTHER = 8;

    private static final ObjectDataType OTHERS = new ObjectDataType();

    private IndexEntryType() {}

    @Override
    public int compare(IndexEntry a, IndexEntry b) {
        int common = Math.min(a.values.length, b.values.length);
        for (int i = 0; i < common; i++) {
            int c = ORDER.compare(a.values[i], b.values[i]);
            if (c != 0) {
                return c;
            }
        }
        if (a.values.length != b.values.length) {
            // a shorter key is a probe for a prefix: it sorts before or after all that share it
            return a.values.length < b.values.length ? a.bound : -b.bound;
        }
        if (a.isProbe() || b.isProbe()) {
            return Integer.compare(a.bound, b.bound);
        }
        return ORDER.compare(a.position, b.position);
    }

    @Override
    public int getMemory(IndexEntry entry) {
        return 48 + 24 * entry.values.length;
    }

    @Override
    public void write(WriteBuffer buffer, IndexEntry entry) {
        buffer.putVarInt(entry.values.length);
        for (Object value : entry.values) {
            writeValue(buffer, value);
        }
        writeValue(buffer, entry.position);
    }

    @Override
    public IndexEntry read(ByteBuffer buffer) {
        int length = org.h2.mvstore.DataUtils.readVarInt(buffer);
        Object[] values = new Object[length];
        for (int i = 0; i < length; i++) {
            values[i] = readValue(buffer);
        }
        return IndexEntry.of(values, readValue(buffer));
    }

    @Override
    public IndexEntry[] createStorage(int size) {
        return new IndexEntry[size];
    }

    static void writeValue(WriteBuffer buffer, Object value) {
        if (value == null) {
            buffer.put(NULL);
        } else if (value instanceof String s) {
            buffer.put(STRING);
            buffer.putVarInt(s.length()).putStringData(s, s.length());
        } else if (value instanceof Double d) {
            buffer.put(DOUBLE).putDouble(d);
        } else if (value instanceof Long l) {
            buffer.put(LONG).putLong(l);
        } else if (value instanceof Integer i) {
            buffer.put(INTEGER).putInt(i);
        } else if (value instanceof Instant t) {
            buffer.put(INSTANT).putLong(t.getEpochSecond()).putInt(t.getNano());
        } else if (value instanceof Boolean b) {
            buffer.put(b ? TRUE : FALSE);
        } else {
            buffer.put(OTHER);
            OTHERS.write(buffer, value);
        }
    }

    static Object readValue(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case NULL -> null;
            case STRING -> org.h2.mvstore.DataUtils.readString(buffer, org.h2.mvstore.DataUtils.readVarInt(buffer));
            case DOUBLE -> buffer.getDouble();
            case LONG -> buffer.getLong();
            case INTEGER -> buffer.getInt();
            case INSTANT -> Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case OTHER -> OTHERS.read(buffer);
            default -> throw new IllegalStateException("unknown index value tag " + tag);
        };
    }
}
