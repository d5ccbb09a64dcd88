package uk.dapp.programme.evaluator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.dapp.platform.privacy.PeriodLadder;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.referral.ExitRecord;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.session.Attendance;
import uk.dapp.programme.suitability.Assessment;

/**
 * A case's programme row, from its latest referral opened by the snapshot: the outcome of that
 * referral's latest assessment version made by then; once it has exited by then, the sessions
 * attended and required as the exit recorded them, otherwise the sessions attended by then and the
 * programme's own count (0 when the catalogue no longer has the programme: the extract never fails
 * for it, and its type is then null too).
 */
final class ContributionRules {

    private ContributionRules() {}

    /**
     * @param referrals   how many referrals of the case were opened by the snapshot
     * @param assessments assessments of the case (of any of its referrals)
     * @param attendance  attendance of the case (of any of its referrals)
     * @param programme   the latest referral's programme, or null if the catalogue no longer has it
     */
    static ProgrammeContribution row(
            Referral latest,
            int referrals,
            List<Assessment> assessments,
            List<Attendance> attendance,
            Programme programme,
            Instant asOf) {
        Assessment assessment = null;
        for (Assessment candidate : assessments) {
            if (latest.referralId().equals(candidate.referralId())
                    && byThen(candidate.assessedAt(), asOf)
                    && (assessment == null || candidate.version() > assessment.version())) {
                assessment = candidate;
            }
        }
        ExitRecord exit = latest.exit() != null && byThen(latest.exit().exitedAt(), asOf) ? latest.exit() : null;
        int attended = 0;
        int required;
        if (exit != null) {
            attended = exit.sessionsAttended();
            required = exit.sessionsRequired();
        } else {
            for (Attendance session : attendance) {
                if (latest.referralId().equals(session.referralId())
                        && byThen(session.sessionAt(), asOf)
                        && session.outcome() != null
                        && session.outcome().attended()) {
                    attended++;
                }
            }
            required = programme == null ? 0 : programme.sessionCount();
        }
        return new ProgrammeContribution(
                latest.caseId(),
                latest.sex(),
                PeriodLadder.monthOf(latest.createdAt()),
                latest.programmeCode(),
                programme == null ? null : programme.type(),
                latest.source(),
                latest.mandated(),
                assessment == null ? null : assessment.outcome(),
                attended,
                required,
                exit == null ? null : exit.status(),
                exit == null ? null : LocalDate.ofInstant(exit.exitedAt(), PeriodLadder.UK),
                referrals);
    }

    private static boolean byThen(Instant at, Instant asOf) {
        return at != null && !at.isAfter(asOf);
    }
}
