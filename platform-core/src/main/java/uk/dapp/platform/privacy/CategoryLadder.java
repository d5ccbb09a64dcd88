package uk.dapp.platform.privacy;

import java.util.Locale;

/** A categorical quasi-identifier: the value as recorded (upper case), its group, or {@value Ladders#SUPPRESSED}. */
public final class CategoryLadder {

    private CategoryLadder() {}

    /** Upper case and trimmed; null or blank is {@value Ladders#UNKNOWN}. */
    public static String canonical(String value) {
        return value == null || value.isBlank()
                ? Ladders.UNKNOWN
                : value.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * @param group the group the value belongs to (shown at {@link CategoryLevel#GROUPED}); an unknown
     *     value is unknown at every level short of suppressed
     */
    public static String generalise(String value, String group, CategoryLevel level) {
        return switch (level) {
            case KEPT -> canonical(value);
            case GROUPED -> canonical(value).equals(Ladders.UNKNOWN) ? Ladders.UNKNOWN : canonical(group);
            case SUPPRESSED -> Ladders.SUPPRESSED;
        };
    }
}
