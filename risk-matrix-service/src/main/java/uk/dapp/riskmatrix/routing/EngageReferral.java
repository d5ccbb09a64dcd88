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

/**
 * The message an ENGAGE decision sends to programme-service for each programme pathway chosen
 * (flow 1; the programme's EngageReferralEvent): the facts of the event and nothing else, no names
 * and no free text. The date of birth travels for the programme's minimum-age check; the risk
 * matrix records no sex, so none is sent.
 *
 * @param decidedAt in milliseconds, as the decision itself is stored and shown
 */
public record EngageReferral(String caseId, Pathway pathway, RiskLevel riskLevel, Instant decidedAt,
        LocalDate dateOfBirth) implements CaseEvent {

    public static final CaseEventType<EngageReferral> TYPE = CaseEventType.of("engage-referral.v1",
            Destinations.PROGRAMME, EngageReferral.class);

    /** The pathways that are programmes, in the order their messages are written. */
    public static final List<Pathway> PROGRAMME_PATHWAYS = List.of(Pathway.CHANGE_PROGRAMME, Pathway.DRIVE);

    public EngageReferral {
        decidedAt = decidedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static boolean anyProgramme(Route route, List<Pathway> pathways) {
        return route == Route.ENGAGE && pathways.stream().anyMatch(PROGRAMME_PATHWAYS::contains);
    }

    /** One referral per programme pathway chosen, in {@link #PROGRAMME_PATHWAYS} order; none for any other decision. */
    public static List<EngageReferral> of(String caseId, Route route, List<Pathway> pathways, RiskLevel riskLevel,
            LocalDate dateOfBirth, Instant decidedAt) {
        if (!anyProgramme(route, pathways)) {
            return List.of();
        }
        Set<Pathway> chosen = Set.copyOf(pathways);
        List<EngageReferral> referrals = new ArrayList<>();
        for (Pathway pathway : PROGRAMME_PATHWAYS) {
            if (chosen.contains(pathway)) {
                referrals.add(new EngageReferral(caseId, pathway, riskLevel, decidedAt, dateOfBirth));
            }
        }
        return List.copyOf(referrals);
    }
}
