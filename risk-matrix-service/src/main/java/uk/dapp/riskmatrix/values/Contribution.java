package uk.dapp.riskmatrix.values;

import java.time.LocalDate;

/** What one incident contributed to a score. */
public record Contribution(String incidentId, LocalDate date, String offenceCode, boolean inWindow, int gravityPoints,
        int harmDays, boolean countsForFrequency, boolean newVictim, boolean mostRecent, boolean countsForSerial) {
}
