package uk.dapp.partnersupport.track;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A programme exit of the case as a track records it, with the prompt to contact the partner it
 * raises. The prompt is done once a contact attempt made at or after the notice arrived is logged
 * on the track, whatever its outcome: trying is what the prompt asks; a closed track has none.
 *
 * @param messageId    the programme's outbox message (a track records each message once)
 * @param receivedAt   when the notice arrived here; the prompt counts from it
 * @param contactDueOn the working day by which the partner should have been contacted
 */
public record ProgrammeExitNotice(
        String messageId,
        String referralId,
        String programmeCode,
        ExitStatus exitStatus,
        boolean nonCompliance,
        Instant exitedAt,
        Instant receivedAt,
        LocalDate contactDueOn) {

    public boolean contactPromptDone(Instant lastContactAttemptAt) {
        return lastContactAttemptAt != null && !lastContactAttemptAt.isBefore(receivedAt);
    }
}
