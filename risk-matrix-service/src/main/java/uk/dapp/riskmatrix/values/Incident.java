package uk.dapp.riskmatrix.values;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * One incident in a nominal's history; the victim is a pseudonymous key, never their details. A
 * charged incident may later carry the court outcome of its prosecution and the day it was decided.
 */
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
        String recordedBy,
        CourtOutcome courtOutcome,
        LocalDate courtOutcomeOn) {

    @PersistenceCreator
    public Incident {
        // (the canonical constructor is the one the store maps with)
    }

    /** An incident as first recorded: no court outcome yet. */
    public Incident(
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
        this(
                incidentId,
                date,
                type,
                offenceCode,
                victimKey,
                dashLevel,
                crime,
                outcome,
                recordedAt,
                recordedBy,
                null,
                null);
    }

    public Incident withCourtOutcome(CourtOutcome decided, LocalDate decidedOn) {
        return new Incident(
                incidentId,
                date,
                type,
                offenceCode,
                victimKey,
                dashLevel,
                crime,
                outcome,
                recordedAt,
                recordedBy,
                decided,
                decidedOn);
    }

    public boolean domesticAbuse() {
        return type == IncidentType.DOMESTIC_ABUSE;
    }
}
