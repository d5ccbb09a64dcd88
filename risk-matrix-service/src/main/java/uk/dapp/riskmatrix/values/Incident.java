package uk.dapp.riskmatrix.values;

import java.time.Instant;
import java.time.LocalDate;

/** One incident in a nominal's history; the victim is a pseudonymous key, never their details. */
public record Incident(
        String incidentId,
        LocalDate date,
        IncidentType type,
        String offenceCode,
        String victimKey,
        DashLevel dashLevel,
        boolean crime,
        Outcome outcome,
        Instant recordedAt,
        String recordedBy) {
}
