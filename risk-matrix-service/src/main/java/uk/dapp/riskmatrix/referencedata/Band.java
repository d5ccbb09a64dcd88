package uk.dapp.riskmatrix.referencedata;

import java.util.List;

/** A point band: a measured value at or above {@code from} (and below the next band's) earns {@code points}. */
public record Band(int from, int points) {

    /** The points of the last band starting at or below the value; nothing below the first band. */
    public static int pointsFor(List<Band> bands, int value) {
        int points = 0;
        for (Band band : bands) {
            if (band.from() <= value) {
                points = band.points();
            }
        }
        return points;
    }

    /** The band that applies, for explanations; null below the first band. */
    public static Band bandFor(List<Band> bands, int value) {
        Band found = null;
        for (Band band : bands) {
            if (band.from() <= value) {
                found = band;
            }
        }
        return found;
    }
}
