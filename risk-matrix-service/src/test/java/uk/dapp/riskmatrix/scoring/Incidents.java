package uk.dapp.riskmatrix.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Outcome;

/** Test incidents, terse. */
final class Incidents {

    private static final AtomicInteger IDS = new AtomicInteger();

    private Incidents() {}

    static Incident da(LocalDate date, String victim) {
        return of(date, IncidentType.DOMESTIC_ABUSE, "EX-COMMON-ASSAULT", victim, DashLevel.STANDARD);
    }

    static Incident of(LocalDate date, IncidentType type, String offence, String victim, DashLevel dash) {
        return new Incident(
                "i" + IDS.incrementAndGet(),
                date,
                type,
                offence,
                victim,
                dash,
                !offence.startsWith("EX-NC"),
                Outcome.CHARGED,
                Instant.EPOCH,
                "test");
    }
}
