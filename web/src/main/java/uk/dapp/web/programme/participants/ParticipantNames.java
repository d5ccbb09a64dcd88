package uk.dapp.web.programme.participants;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.dapp.client.programme.api.ParticipantsApi;
import uk.dapp.client.programme.model.Participant;
import uk.dapp.client.programme.model.ParticipantIdentity;
import uk.dapp.web.gateway.GatewayException.NotFoundException;

/**
 * Who the person of a case is, for the programme's pages: each read is the programme's own
 * {@code GET /cases/{caseId}/participant} (audited per case by the service). A case with no
 * identity recorded (or none this user may see: the service answers the same 404) has no name,
 * and the page shows its case ID alone.
 */
@Component
public class ParticipantNames {

    private final ParticipantsApi participants;

    public ParticipantNames(ParticipantsApi participants) {
        this.participants = participants;
    }

    public Optional<Participant> find(String caseId) {
        try {
            return Optional.of(participants.getParticipant(caseId));
        } catch (NotFoundException noneRecorded) {
            return Optional.empty();
        }
    }

    /** The name of the case's participant, or the case ID where none is recorded: how a page heads the person. */
    public String nameOrCaseId(String caseId) {
        return find(caseId).map(found -> name(found.getIdentity())).orElse(caseId);
    }

    /** Each case's participant's name, for a list; a case without one is left out of the map. */
    public Map<String, String> of(Collection<String> caseIds) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String caseId : caseIds.stream().distinct().toList()) {
            find(caseId).ifPresent(found -> names.put(caseId, name(found.getIdentity())));
        }
        return names;
    }

    public static String name(ParticipantIdentity identity) {
        return identity.getGivenName() + " " + identity.getFamilyName();
    }
}
