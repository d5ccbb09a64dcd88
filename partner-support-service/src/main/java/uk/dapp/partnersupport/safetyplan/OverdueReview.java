package uk.dapp.partnersupport.safetyplan;

import java.time.LocalDate;

record OverdueReview(String planId, String trackId, String caseId, LocalDate reviewOn, String allocatedWorker) {}
