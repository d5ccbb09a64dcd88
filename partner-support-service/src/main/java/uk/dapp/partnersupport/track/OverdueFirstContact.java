package uk.dapp.partnersupport.track;

import java.time.LocalDate;

/** An open track with no contact attempt logged by its due date. */
public record OverdueFirstContact(
        String trackId, String caseId, String allocatedWorker, LocalDate firstContactDueOn, int workingDaysOverdue) {}
