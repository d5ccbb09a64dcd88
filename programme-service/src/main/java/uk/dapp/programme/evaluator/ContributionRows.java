package uk.dapp.programme.evaluator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
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

    /**
     * A read ascending by case ID, taken a case at a time as the referrals ask for them: the
     * documents of a case no referral asks for (none opened by the snapshot) are passed over. A read
     * that goes back in case order fails the export rather than leave documents out of rows unseen.
     */
    static final class InCaseOrder<T> {

        private final String what;
        private final Iterator<T> documents;
        private final Function<T, String> caseOf;
        private T pending;
        private String lastCase;

        InCaseOrder(String what, Iterator<T> documents, Function<T, String> caseOf) {
            this.what = what;
            this.documents = documents;
            this.caseOf = caseOf;
        }

        /** The case's documents, in the read's order; none when it has none. */
        List<T> of(String caseId) {
            List<T> found = List.of();
            while (pending != null || documents.hasNext()) {
                if (pending == null) {
                    pending = documents.next();
                    String read = caseOf.apply(pending);
                    if (read != null && lastCase != null && read.compareTo(lastCase) < 0) {
                        throw new IllegalStateException("The " + what + " were read out of case order");
                    }
                    lastCase = read == null ? lastCase : read;
                }
                String at = caseOf.apply(pending);
                // a document without a case sorts first, as no case's
                int order = at == null ? -1 : at.compareTo(caseId);
                if (order > 0) {
                    break;
                }
                if (order == 0) {
                    if (found.isEmpty()) {
                        found = new ArrayList<>(4);
                    }
                    found.add(pending);
                }
                pending = null;
            }
            return found;
        }
    }
}
