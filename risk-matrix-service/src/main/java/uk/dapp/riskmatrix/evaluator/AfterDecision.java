package uk.dapp.riskmatrix.evaluator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.dapp.riskmatrix.values.Incident;

/**
 * What a nominal's incidents say about the window after the first routing decision (from the
 * decision's day to the window's last day, both included): plain functions of the incident history.
 */
final class AfterDecision {

    private AfterDecision() {}

    /**
     * Distinct victims (by their pseudonymous key) of an incident in the window who were also the
     * victim of an earlier incident by this nominal: one dated on an earlier day, whether before the
     * decision or earlier in the window. Incidents without a victim key are left out; one victim
     * counts once however many repeat incidents there are.
     */
    static int repeatVictims(List<Incident> incidents, LocalDate from, LocalDate to) {
        Map<String, LocalDate> firstIncident = new HashMap<>();
        for (Incident incident : incidents) {
            String victim = victim(incident);
            if (victim != null) {
                firstIncident.merge(victim, incident.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Set<String> repeated = new HashSet<>();
        for (Incident incident : incidents) {
            String victim = victim(incident);
            if (victim != null
                    && within(incident, from, to)
                    && firstIncident.get(victim).isBefore(incident.date())) {
                repeated.add(victim);
            }
        }
        return repeated.size();
    }

    /** Incidents in the window whose outcome is a criminal-justice outcome ({@code Outcome.justiceOutcome()}). */
    static int justiceOutcomes(List<Incident> incidents, LocalDate from, LocalDate to) {
        return (int) incidents.stream()
                .filter(incident -> within(incident, from, to))
                .filter(incident ->
                        incident.outcome() != null && incident.outcome().justiceOutcome())
                .count();
    }

    /** Domestic-abuse crimes dated in the window. */
    static int domesticAbuseCrimes(List<Incident> incidents, LocalDate from, LocalDate to) {
        return (int) incidents.stream()
                .filter(AfterDecision::domesticAbuseCrime)
                .filter(incident -> within(incident, from, to))
                .count();
    }

    /**
     * Of those, the ones disposed of positively: charged or cautioned ({@code Outcome.justiceOutcome()};
     * a community resolution is not one for domestic abuse).
     */
    static int positiveDisposals(List<Incident> incidents, LocalDate from, LocalDate to) {
        return (int) incidents.stream()
                .filter(AfterDecision::domesticAbuseCrime)
                .filter(incident -> within(incident, from, to))
                .filter(incident ->
                        incident.outcome() != null && incident.outcome().justiceOutcome())
                .count();
    }

    /**
     * Court outcomes of charged domestic-abuse incidents decided in the window, whatever the
     * incident's date: the prosecutions concluded then ({@code convictedOnly}: only the successful ones).
     */
    static int prosecutionsConcluded(List<Incident> incidents, LocalDate from, LocalDate to, boolean convictedOnly) {
        return (int) incidents.stream()
                .filter(Incident::domesticAbuse)
                .filter(incident -> incident.courtOutcome() != null && incident.courtOutcomeOn() != null)
                .filter(incident -> !incident.courtOutcomeOn().isBefore(from)
                        && !incident.courtOutcomeOn().isAfter(to))
                .filter(incident -> !convictedOnly || incident.courtOutcome().successful())
                .count();
    }

    /** The days of the domestic-abuse incidents up to the last day, ascending. */
    static List<LocalDate> domesticAbuseDays(List<Incident> incidents, LocalDate to) {
        return incidents.stream()
                .filter(Incident::domesticAbuse)
                .map(Incident::date)
                .filter(date -> date != null && !date.isAfter(to))
                .sorted()
                .toList();
    }

    private static boolean domesticAbuseCrime(Incident incident) {
        return incident.domesticAbuse() && incident.crime();
    }

    static boolean within(Incident incident, LocalDate from, LocalDate to) {
        return incident.date() != null
                && !incident.date().isBefore(from)
                && !incident.date().isAfter(to);
    }

    private static String victim(Incident incident) {
        return incident.victimKey() == null || incident.victimKey().isBlank() || incident.date() == null
                ? null
                : incident.victimKey().strip();
    }
}
