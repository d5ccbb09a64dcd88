package uk.dapp.riskmatrix.scoring;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;

/**
 * The MATAC serial perpetrator definition: more than one domestic abuse incident against two or
 * more different victims within the last 3 years, the nominal aged 16 or over at the time.
 * An incident exactly 3 years before the as-of date counts; one a day earlier does not. An
 * incident on the 16th birthday counts; one the day before does not.
 */
public final class SerialPerpetratorRule {

    public static final int YEARS = 3;
    public static final int MINIMUM_AGE = 16;

    public record Result(boolean serial, Set<String> qualifyingIncidentIds, int distinctVictims, String basis) {}

    private SerialPerpetratorRule() {}

    public static boolean qualifies(Incident incident, LocalDate dateOfBirth, LocalDate asOf) {
        return incident.type() == IncidentType.DOMESTIC_ABUSE
                && !incident.date().isBefore(asOf.minusYears(YEARS))
                && !incident.date().isAfter(asOf)
                && !incident.date().isBefore(dateOfBirth.plusYears(MINIMUM_AGE));
    }

    public static Result evaluate(LocalDate dateOfBirth, List<Incident> incidents, LocalDate asOf) {
        Set<String> qualifying = new LinkedHashSet<>();
        Set<String> victims = new LinkedHashSet<>();
        for (Incident incident : incidents) {
            if (qualifies(incident, dateOfBirth, asOf)) {
                qualifying.add(incident.incidentId());
                victims.add(incident.victimKey());
            }
        }
        boolean serial = qualifying.size() > 1 && victims.size() >= 2;
        String basis = qualifying.size() + " domestic abuse incident(s) against " + victims.size()
                + " different victim(s) since " + asOf.minusYears(YEARS) + " at age " + MINIMUM_AGE + " or over: "
                + (serial ? "serial perpetrator" : "not serial (needs more than one incident and two or more victims)");
        return new Result(serial, qualifying, victims.size(), basis);
    }
}
