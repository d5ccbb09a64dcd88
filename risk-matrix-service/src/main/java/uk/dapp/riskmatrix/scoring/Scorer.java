package uk.dapp.riskmatrix.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import uk.dapp.riskmatrix.referencedata.Band;
import uk.dapp.riskmatrix.referencedata.OffenceWeight;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.values.Contribution;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Score;
import uk.dapp.riskmatrix.values.ScoreComponent;

/**
 * RFGV and harm over the window, plus the serial flag: a pure function of the nominal's date of
 * birth, incidents, the weights version and the as-of date. An incident is in the window when it
 * is dated on or after the as-of date minus the window's months, and not after the as-of date.
 * <p>
 * Only domestic-abuse incidents are scored, as MATAC scores them: an incident of another type stays
 * in the history and in the explanation, labelled as not scored, and adds nothing to any component
 * or to harm ({@link #scored}).
 * <ul>
 * <li>Recency: whole months from the latest in-window incident to the as-of date, banded;</li>
 * <li>Frequency: in-window incidents, banded;</li>
 * <li>Gravity: the sum over in-window incidents of the offence's gravity points plus the DASH uplift;</li>
 * <li>Victims: distinct victim keys in the window, banded;</li>
 * <li>Harm: the sum over in-window incidents of the offence's harm days.</li>
 * </ul>
 * An offence code missing from the version (dropped by a later table) contributes nothing.
 */
public final class Scorer {

    private static final Comparator<Incident> CHRONOLOGICAL =
            Comparator.comparing(Incident::date).thenComparing(Incident::incidentId);

    private Scorer() {}

    public static boolean inWindow(LocalDate date, LocalDate asOf, int windowMonths) {
        return !date.isBefore(asOf.minusMonths(windowMonths)) && !date.isAfter(asOf);
    }

    /** Whether an incident counts towards RFGV and harm at all: domestic abuse only (MATAC). */
    public static boolean scored(Incident incident) {
        return incident.type() == IncidentType.DOMESTIC_ABUSE;
    }

    public static Score score(
            ReferenceData weights,
            LocalDate dateOfBirth,
            List<Incident> incidents,
            LocalDate asOf,
            Instant calculatedAt) {
        List<Incident> ordered = new ArrayList<>(incidents);
        ordered.sort(CHRONOLOGICAL);
        int window = weights.windowMonths();
        // by position: the latest is one incident, even if another has the same fields
        int latestAt = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (scored(ordered.get(i)) && inWindow(ordered.get(i).date(), asOf, window)) {
                latestAt = i;
            }
        }
        Incident latest = latestAt < 0 ? null : ordered.get(latestAt);
        SerialPerpetratorRule.Result serial = SerialPerpetratorRule.evaluate(dateOfBirth, ordered, asOf);

        List<Contribution> contributions = new ArrayList<>(ordered.size());
        Set<String> victims = new HashSet<>();
        int count = 0;
        int gravity = 0;
        int harm = 0;
        for (int i = 0; i < ordered.size(); i++) {
            Incident incident = ordered.get(i);
            boolean in = inWindow(incident.date(), asOf, window);
            boolean counts = in && scored(incident);
            int gravityPoints = 0;
            int harmDays = 0;
            boolean newVictim = false;
            if (counts) {
                OffenceWeight offence = weights.offence(incident.offenceCode()).orElse(null);
                if (offence != null) {
                    gravityPoints =
                            offence.gravityPoints() + weights.dashUplift().pointsFor(incident.dashLevel());
                    harmDays = offence.harmDays();
                }
                newVictim = victims.add(incident.victimKey());
                count++;
                gravity += gravityPoints;
                harm += harmDays;
            }
            contributions.add(new Contribution(
                    incident.incidentId(),
                    incident.date(),
                    incident.offenceCode(),
                    in,
                    gravityPoints,
                    harmDays,
                    counts,
                    newVictim,
                    i == latestAt,
                    serial.qualifyingIncidentIds().contains(incident.incidentId()),
                    scored(incident)));
        }

        ScoreComponent recency;
        if (latest == null) {
            recency = new ScoreComponent(0, 0, "no domestic abuse incident in the last " + window + " months");
        } else {
            int months = (int) ChronoUnit.MONTHS.between(latest.date(), asOf);
            recency =
                    banded(months, weights.recencyBands(), "months since the latest incident (" + latest.date() + ")");
        }
        ScoreComponent frequency =
                banded(count, weights.frequencyBands(), "domestic abuse incidents in the last " + window + " months");
        ScoreComponent victimComponent =
                banded(victims.size(), weights.victimBands(), "different victims in the last " + window + " months");
        ScoreComponent gravityComponent = new ScoreComponent(
                gravity,
                gravity,
                "sum of offence gravity and DASH uplift over " + count + " in-window domestic abuse incident(s)");
        int total = recency.points() + frequency.points() + gravityComponent.points() + victimComponent.points();
        return new Score(
                total,
                recency,
                frequency,
                gravityComponent,
                victimComponent,
                harm,
                serial.serial(),
                serial.basis(),
                weights.version(),
                window,
                asOf,
                calculatedAt,
                List.copyOf(contributions));
    }

    /** Harm days of the domestic-abuse incidents dated from {@code from} to {@code to}, both inclusive. */
    public static long harmBetween(ReferenceData weights, List<Incident> incidents, LocalDate from, LocalDate to) {
        long harm = 0;
        for (Incident incident : incidents) {
            if (scored(incident)
                    && !incident.date().isBefore(from)
                    && !incident.date().isAfter(to)) {
                harm += weights.offence(incident.offenceCode())
                        .map(OffenceWeight::harmDays)
                        .orElse(0);
            }
        }
        return harm;
    }

    private static ScoreComponent banded(int value, List<Band> bands, String what) {
        Band band = Band.bandFor(bands, value);
        if (band == null) {
            return new ScoreComponent(value, 0, value + " " + what + ": below the first band");
        }
        return new ScoreComponent(
                value,
                band.points(),
                value + " " + what + ": band from " + band.from() + " = " + band.points() + " points");
    }
}
