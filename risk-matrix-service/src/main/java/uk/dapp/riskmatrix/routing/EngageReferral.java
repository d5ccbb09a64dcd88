package uk.dapp.riskmatrix.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Route;

/**
 * The message an ENGAGE decision sends to programme-service for each programme pathway chosen
 * (issue 6, flow 1): the facts of the programme's EngageReferralEvent and nothing else, no names
 * and no free text. The date of birth travels for the programme's minimum-age check; the risk
 * matrix records no sex, so none is sent.
 */
public final class EngageReferral {

    public static final String TYPE = "engage-referral.v1";

    /** The pathways that are programmes, in the order their messages are written. */
    public static final List<Pathway> PROGRAMME_PATHWAYS = List.of(Pathway.CHANGE_PROGRAMME, Pathway.DRIVE);

    public static final String CASE_ID = "caseId";
    public static final String PATHWAY = "pathway";
    public static final String RISK_LEVEL = "riskLevel";
    public static final String DECIDED_AT = "decidedAt";
    public static final String DATE_OF_BIRTH = "dateOfBirth";

    private EngageReferral() {
    }

    public static boolean anyProgramme(Route route, List<Pathway> pathways) {
        return route == Route.ENGAGE && pathways.stream().anyMatch(PROGRAMME_PATHWAYS::contains);
    }

    /** One entry per programme pathway chosen; none for any other decision. */
    public static List<OutboxEntry> entries(String caseId, Route route, List<Pathway> pathways, DashLevel riskLevel,
            LocalDate dateOfBirth, Instant decidedAt) {
        if (!anyProgramme(route, pathways)) {
            return List.of();
        }
        if (riskLevel == DashLevel.NOT_ASSESSED) {
            throw new IllegalArgumentException("a referral's risk level is STANDARD, MEDIUM or HIGH");
        }
        Set<Pathway> chosen = Set.copyOf(pathways);
        List<OutboxEntry> entries = new ArrayList<>();
        for (Pathway pathway : PROGRAMME_PATHWAYS) {
            if (chosen.contains(pathway)) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put(CASE_ID, caseId);
                payload.put(PATHWAY, pathway.name());
                payload.put(RISK_LEVEL, riskLevel.name());
                // milliseconds, as the decision itself is stored and shown
                payload.put(DECIDED_AT, decidedAt.truncatedTo(ChronoUnit.MILLIS).toString());
                if (dateOfBirth != null) {
                    payload.put(DATE_OF_BIRTH, dateOfBirth.toString());
                }
                entries.add(OutboxEntry.create(Destinations.PROGRAMME, TYPE, caseId, payload, decidedAt,
                        entries.size()));
            }
        }
        return List.copyOf(entries);
    }
}
