package uk.dapp.programme.evaluator;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import uk.dapp.platform.caseid.InCaseOrder;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.session.Attendance;
import uk.dapp.programme.suitability.Assessment;

/**
 * The programme's rows, one per case, merged from three reads that each ascend by case ID: the
 * referrals (latest first within a case), the assessments and the attendance, each read once and
 * in step (a merge join), so memory holds one case's documents at a time and no row asks the store
 * anything more. Plain Java: the service opens the reads and closes them.
 */
final class ContributionRows implements Iterator<ProgrammeContribution> {

    private final Iterator<Referral> referrals;
    private final InCaseOrder<Assessment> assessments;
    private final InCaseOrder<Attendance> attendance;
    private final Map<String, Programme> catalogue;
    private final Instant asOf;
    private Referral next;

    /** @param catalogue the programmes by code, read once for the whole export (reference data, a few) */
    ContributionRows(
            Iterator<Referral> referrals,
            Iterator<Assessment> assessments,
            Iterator<Attendance> attendance,
            Map<String, Programme> catalogue,
            Instant asOf) {
        this.referrals = referrals;
        this.assessments = new InCaseOrder<>("assessments", assessments, Assessment::caseId);
        this.attendance = new InCaseOrder<>("attendance", attendance, Attendance::caseId);
        this.catalogue = catalogue;
        this.asOf = asOf;
        this.next = referrals.hasNext() ? referrals.next() : null;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public ProgrammeContribution next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        Referral latest = next;
        int count = 1;
        next = null;
        while (referrals.hasNext()) {
            Referral candidate = referrals.next();
            if (!candidate.caseId().equals(latest.caseId())) {
                next = candidate;
                break;
            }
            count++;
        }
        return ContributionRules.row(
                latest,
                count,
                assessments.of(latest.caseId()),
                attendance.of(latest.caseId()),
                catalogue.get(latest.programmeCode()),
                asOf);
    }
}
