package uk.dapp.riskmatrix.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.Sex;

/**
 * The message an ENGAGE decision sends to programme-service for each programme pathway chosen
 * (flow 1; the programme's EngageReferralEvent): the facts of the event and nothing else, no free
 * text. Who the person is (name, date of birth, sex, probation reference) travels because the
 * programme holds it as the participant's identity for its own work; the date of birth also serves
 * the programme's minimum-age check. The team is the one taking the referral (ADR 0012). What is
 * unknown is null, and left out of the message.
 *
 * @param decidedAt in milliseconds, as the decision itself is stored and shown
 */
public record EngageReferral(
        String caseId,
        Pathway pathway,
        RiskLevel riskLevel,
        Instant decidedAt,
        LocalDate dateOfBirth,
        Sex sex,
        String team,
        String givenName,
        String familyName,
        String probationReference)
        implements CaseEvent {

    public static final CaseEventType<EngageReferral> TYPE =
            CaseEventType.of("engage-referral.v1", Destinations.PROGRAMME, EngageReferral.class);

    /** The pathways that are programmes, in the order their messages are written. */
    public static final List<Pathway> PROGRAMME_PATHWAYS = Pathway.PROGRAMMES;

    /** Who the person is, from the nominal; any part may be unknown (null). */
    public record Person(
            String givenName, String familyName, LocalDate dateOfBirth, Sex sex, String probationReference) {

        @Override
        public String toString() {
            return "Person[withheld]";
        }
    }

    public EngageReferral {
        decidedAt = decidedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static boolean anyProgramme(Route route, List<Pathway> pathways) {
        return route == Route.ENGAGE && pathways.stream().anyMatch(PROGRAMME_PATHWAYS::contains);
    }

    /** One referral per programme pathway chosen, in {@link #PROGRAMME_PATHWAYS} order; none for any other decision. */
    public static List<EngageReferral> of(
            String caseId,
            Route route,
            List<Pathway> pathways,
            RiskLevel riskLevel,
            Person person,
            String team,
            Instant decidedAt) {
        if (!anyProgramme(route, pathways)) {
            return List.of();
        }
        Set<Pathway> chosen = Set.copyOf(pathways);
        List<EngageReferral> referrals = new ArrayList<>();
        for (Pathway pathway : PROGRAMME_PATHWAYS) {
            if (chosen.contains(pathway)) {
                referrals.add(new EngageReferral(
                        caseId,
                        pathway,
                        riskLevel,
                        decidedAt,
                        person.dateOfBirth(),
                        person.sex(),
                        team,
                        person.givenName(),
                        person.familyName(),
                        person.probationReference()));
            }
        }
        return List.copyOf(referrals);
    }

    /** Leaves out who the person is: outbox entries and logs never print it. */
    @Override
    public String toString() {
        return "EngageReferral[" + caseId + ", " + pathway + ", " + riskLevel + ", team " + team + "]";
    }
}
