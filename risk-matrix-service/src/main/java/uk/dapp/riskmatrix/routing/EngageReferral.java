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
import uk.dapp.riskmatrix.incident.DashLevel;

/**
 * The message an ENGAGE decision sends to programme-service for each programme pathway chosen
 * (issue 6, flow 1): the facts of the programme's EngageReferralEvent and nothing else, no free
 * text. Who the person is (name, date of birth, sex, probation reference) travels because the
 * programme holds it as the participant's identity for its own work (issue 16); the date of birth
 * also serves the programme's minimum-age check. The team is the one taking the referral (ADR 0012).
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
    public static final String SEX = "sex";
    public static final String TEAM = "team";
    public static final String GIVEN_NAME = "givenName";
    public static final String FAMILY_NAME = "familyName";
    public static final String PROBATION_REFERENCE = "probationReference";

    /** Who the person is, from the nominal; any part may be unknown (null). */
    public record Person(String givenName, String familyName, LocalDate dateOfBirth, String sex,
            String probationReference) {
    }

    private EngageReferral() {
    }

    public static boolean anyProgramme(Route route, List<Pathway> pathways) {
        return route == Route.ENGAGE && pathways.stream().anyMatch(PROGRAMME_PATHWAYS::contains);
    }

    /** One entry per programme pathway chosen; none for any other decision. */
    public static List<OutboxEntry> entries(String caseId, Route route, List<Pathway> pathways, DashLevel riskLevel,
            Person person, String team, Instant decidedAt) {
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
                if (person.dateOfBirth() != null) {
                    payload.put(DATE_OF_BIRTH, person.dateOfBirth().toString());
                }
                putIfKnown(payload, SEX, person.sex());
                putIfKnown(payload, TEAM, team);
                putIfKnown(payload, GIVEN_NAME, person.givenName());
                putIfKnown(payload, FAMILY_NAME, person.familyName());
                putIfKnown(payload, PROBATION_REFERENCE, person.probationReference());
                entries.add(OutboxEntry.create(Destinations.PROGRAMME, TYPE, caseId, payload, decidedAt,
                        entries.size()));
            }
        }
        return List.copyOf(entries);
    }

    private static void putIfKnown(Map<String, Object> payload, String key, String value) {
        if (value != null) {
            payload.put(key, value);
        }
    }
}
