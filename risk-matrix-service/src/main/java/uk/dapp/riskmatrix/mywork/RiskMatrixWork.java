package uk.dapp.riskmatrix.mywork;

import java.time.Instant;
import java.util.List;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.onward.OnwardReferralService;
import uk.dapp.riskmatrix.values.DisruptionTask;

/** An offender manager's work as of {@code asOf}: each list's count and its first items. */
public record RiskMatrixWork(
        Instant asOf,
        Section<Awaiting> awaitingDecision,
        Section<Task> disruptionTasks,
        Instant since,
        Section<Changed> cohortChanges,
        Section<OnwardReferralService.CaseReferral> onwardReferrals) {

    /** Why a nominal waits for a decision. */
    public enum Reason {
        NEW,
        REROUTING,
        RETURNED
    }

    public record Section<T>(int total, int overdue, List<T> items) {}

    public record Awaiting(Nominal nominal, Reason reason, String note, Instant since) {}

    public record Task(String caseId, DisruptionTask task) {}

    public record Changed(Nominal nominal, CohortChangeRules.Change change) {}
}
