package uk.dapp.partnersupport.track;

import java.time.LocalDate;

/** A programme exit on an open track whose partner has not been contacted since the notice arrived. */
public record ExitContactPrompt(
        String trackId, String caseId, String allocatedWorker, ProgrammeExitNotice exit, int workingDaysOverdue) {

    public LocalDate contactDueOn() {
        return exit.contactDueOn();
    }
}
