package uk.dapp.platform.privacy;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

/**
 * Age bands: 5-year bands from 18 ({@code 18-22}, {@code 23-27} ... {@code 73-77}), then 10-year
 * ({@code 18-27} ...) and 20-year ({@code 18-37}, {@code 38-57}, {@code 58-77}), then suppressed
 * ({@value Ladders#SUPPRESSED}). Under 18 is always one band ({@code 0-17}) and 78 and over one
 * band ({@code 78+}), at every level, so every coarser band is a union of finer ones and widening
 * only ever merges classes.
 */
public final class AgeLadder {

    public static final int ADULT = 18;
    public static final int OPEN_TOP = 78;
    public static final String UNDER_ADULT = "0-17";
    public static final String TOP = OPEN_TOP + "+";

    /** Each adult 5-year band as written ({@code 23-27}) and its youngest age: looked up for every case of an extract. */
    private static final Map<String, Integer> FIVE_YEAR_BANDS = fiveYearBands();

    private AgeLadder() {}

    private static Map<String, Integer> fiveYearBands() {
        Map<String, Integer> bands = new HashMap<>();
        for (int lower = ADULT; lower < OPEN_TOP; lower += AgeLevel.FIVE_YEAR.width()) {
            bands.put(band(lower, AgeLevel.FIVE_YEAR), lower);
        }
        return Map.copyOf(bands);
    }

    /**
     * Age in completed years on a day: the birthday itself counts. Someone born on 29 February
     * turns a year older on 1 March in other years (as English law reads a birthday).
     *
     * @throws IllegalArgumentException when born after the day
     */
    public static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        if (dateOfBirth.isAfter(day)) {
            throw new IllegalArgumentException("a date of birth after the reference date");
        }
        return Period.between(dateOfBirth, day).getYears();
    }

    /** The band of an age (null when unknown) at a level. */
    public static String band(Integer age, AgeLevel level) {
        if (level == AgeLevel.SUPPRESSED) {
            return Ladders.SUPPRESSED;
        }
        if (age == null) {
            return Ladders.UNKNOWN;
        }
        if (age < 0) {
            throw new IllegalArgumentException("a negative age");
        }
        if (age < ADULT) {
            return UNDER_ADULT;
        }
        if (age >= OPEN_TOP) {
            return TOP;
        }
        int width = level.width();
        int lower = ADULT + (age - ADULT) / width * width;
        return lower + "-" + (lower + width - 1);
    }

    /** The band of the age on a day of someone born on a date (null when unknown). */
    public static String band(LocalDate dateOfBirth, LocalDate day, AgeLevel level) {
        return band(dateOfBirth == null ? null : ageOn(dateOfBirth, day), level);
    }

    /**
     * The youngest age in the finest band of an age: all ages of one 5-year band share every
     * coarser band, so the k-anonymiser keeps only this and not the age itself.
     */
    static Integer finestRepresentative(Integer age) {
        if (age == null) {
            return null;
        }
        if (age < 0) {
            throw new IllegalArgumentException("a negative age");
        }
        if (age < ADULT) {
            return 0;
        }
        if (age >= OPEN_TOP) {
            return OPEN_TOP;
        }
        int width = AgeLevel.FIVE_YEAR.width();
        return ADULT + (age - ADULT) / width * width;
    }

    /**
     * An age standing for a 5-year band as {@link #band(Integer, AgeLevel)} wrote it ({@code 23-27},
     * {@code 0-17}, {@code 78+}; {@code UNKNOWN} or null gives null). A service that sends only the
     * band (never the date of birth) can thus still be observed by the k-anonymiser: every age of
     * one 5-year band falls in the same band at every coarser level, so its youngest age does.
     *
     * @throws IllegalArgumentException for anything that is not a 5-year band of this ladder
     */
    public static Integer representativeOfBand(String fiveYearBand) {
        if (fiveYearBand == null || fiveYearBand.equals(Ladders.UNKNOWN)) {
            return null;
        }
        if (fiveYearBand.equals(UNDER_ADULT)) {
            return 0;
        }
        if (fiveYearBand.equals(TOP)) {
            return OPEN_TOP;
        }
        Integer lower = FIVE_YEAR_BANDS.get(fiveYearBand);
        if (lower == null) {
            throw new IllegalArgumentException("not a 5-year age band: " + fiveYearBand);
        }
        return lower;
    }
}
