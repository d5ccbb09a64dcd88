package uk.dapp.partnersupport.track;

import java.util.UUID;
import uk.dapp.partnersupport.api.model.ExitContactPromptDto;
import uk.dapp.partnersupport.api.model.ExitStatusDto;
import uk.dapp.partnersupport.api.model.PartnerRelationshipDto;
import uk.dapp.partnersupport.api.model.UnallocatedTrackDto;
import uk.dapp.partnersupport.common.Times;

/** The track lists' items as the contract shows them: the lists here and "my work" show them alike. */
public final class TrackDtos {

    private TrackDtos() {}

    public static UnallocatedTrackDto unallocated(PartnerTrack track) {
        return new UnallocatedTrackDto(
                        UUID.fromString(track.trackId()),
                        track.caseId(),
                        PartnerRelationshipDto.valueOf(track.relationship().name()),
                        Times.utc(track.openedAt()),
                        track.firstContactDueOn(),
                        track.version())
                .programmeCode(
                        track.referral() == null ? null : track.referral().programmeCode());
    }

    public static ExitContactPromptDto exitContactPrompt(ExitContactPrompt prompt) {
        ProgrammeExitNotice exit = prompt.exit();
        return new ExitContactPromptDto(
                        UUID.fromString(prompt.trackId()),
                        prompt.caseId(),
                        exit.programmeCode(),
                        ExitStatusDto.valueOf(exit.exitStatus().name()),
                        exit.nonCompliance(),
                        Times.utc(exit.exitedAt()),
                        Times.utc(exit.receivedAt()),
                        prompt.contactDueOn(),
                        prompt.workingDaysOverdue())
                .allocatedWorker(prompt.allocatedWorker());
    }
}
