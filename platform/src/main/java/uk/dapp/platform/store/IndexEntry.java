package uk.dapp.platform.store;

import java.util.Arrays;

/**
 * One key of a {@link SecondaryIndex}: the indexed fields' values (normalised as the library
 * normalises them) and the position of the document (its {@code _id}). A probe used to seek a
 * range has fewer values or no position, and a {@code bound} that places it before (-1) or after
 * (+1) every entry sharing its values.
 */
final class IndexEntry {

    final Object[] values;
    final Object position;
    final int bound;

    private IndexEntry(Object[] values, Object position, int bound) {
        this.values = values;
        this.position = position;
        this.bound = bound;
    }

    static IndexEntry of(Object[] values, Object position) {
        return new IndexEntry(values, position, 0);
    }

    /** Sorts before every entry whose values start with {@code prefix}. */
    static IndexEntry before(Object... prefix) {
        return new IndexEntry(prefix, null, -1);
    }

    /** Sorts after every entry whose values start with {@code prefix}. */
    static IndexEntry after(Object... prefix) {
        return new IndexEntry(prefix, null, 1);
    }

    boolean isProbe() {
        return bound != 0;
    }

    @Override
    public String toString() {
        return Arrays.toString(values) + (isProbe() ? (bound < 0 ? " (before)" : " (after)") : " @ " + position);
    }
}
