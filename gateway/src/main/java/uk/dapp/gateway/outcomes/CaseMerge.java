package uk.dapp.gateway.outcomes;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.gateway.problem.ContributionsUnavailableException;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.InvalidCaseIdException;

/**
 * Merge-joins the three services' contributions, each ascending by case ID, into one
 * {@link JoinedCase} per case ID, holding one row per service at a time. A stream that is not
 * strictly ascending (or carries a malformed case ID) fails the join rather than mis-join rows:
 * a merge over unsorted input would silently split one case into two.
 */
final class CaseMerge {

    private CaseMerge() {}

    static Stream<JoinedCase> join(
            Iterator<RiskMatrixContribution> riskMatrix,
            Iterator<ProgrammeContribution> programme,
            Iterator<PartnerSupportContribution> partnerSupport) {
        Iterator<JoinedCase> joined = new Iterator<>() {
            private final Cursor<RiskMatrixContribution> risk =
                    new Cursor<>("risk-matrix", riskMatrix, RiskMatrixContribution::getCaseId);
            private final Cursor<ProgrammeContribution> prog =
                    new Cursor<>("programme", programme, ProgrammeContribution::getCaseId);
            private final Cursor<PartnerSupportContribution> partner =
                    new Cursor<>("partner-support", partnerSupport, PartnerSupportContribution::getCaseId);

            @Override
            public boolean hasNext() {
                return risk.key() != null || prog.key() != null || partner.key() != null;
            }

            @Override
            public JoinedCase next() {
                String smallest = min(min(risk.key(), prog.key()), partner.key());
                if (smallest == null) {
                    throw new NoSuchElementException();
                }
                return new JoinedCase(smallest, risk.takeIf(smallest), prog.takeIf(smallest), partner.takeIf(smallest));
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        joined, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT | Spliterator.SORTED),
                false);
    }

    private static String min(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One service's rows with the next one read ahead, its case ID canonical and checked for order. */
    private static final class Cursor<T> {

        private final String service;
        private final Iterator<T> rows;
        private final Function<T, String> caseIdOf;
        private T head;
        private String key;
        private String previous;
        private boolean started;

        Cursor(String service, Iterator<T> rows, Function<T, String> caseIdOf) {
            this.service = service;
            this.rows = rows;
            this.caseIdOf = caseIdOf;
        }

        String key() {
            if (!started) {
                started = true;
                advance();
            }
            return key;
        }

        T takeIf(String caseId) {
            if (!caseId.equals(key())) {
                return null;
            }
            T row = head;
            advance();
            return row;
        }

        private void advance() {
            if (!rows.hasNext()) {
                head = null;
                key = null;
                return;
            }
            head = rows.next();
            try {
                key = CaseId.parse(caseIdOf.apply(head)).value();
            } catch (InvalidCaseIdException | NullPointerException e) {
                throw new ContributionsUnavailableException(service, "a row without a valid case ID", null);
            }
            if (previous != null && key.compareTo(previous) <= 0) {
                throw new ContributionsUnavailableException(service, "rows out of case ID order", null);
            }
            previous = key;
        }
    }
}
