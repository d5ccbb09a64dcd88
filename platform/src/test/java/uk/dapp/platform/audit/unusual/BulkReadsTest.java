package uk.dapp.platform.audit.unusual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dapp.platform.audit.unusual.Reads.T0;
import static uk.dapp.platform.audit.unusual.Reads.read;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkReadsTest {

    private final BulkReads rule = new BulkReads(3, Duration.ofHours(1));

    private List<Finding> scan(long... secondsAndCases) {
        BulkReads.Scan scan = rule.scan();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < secondsAndCases.length; i += 2) {
            scan.accept(read("om", "offender-manager", secondsAndCases[i], "CASE-" + secondsAndCases[i + 1], "nominal"))
                    .ifPresent(findings::add);
        }
        scan.finish().ifPresent(findings::add);
        return findings;
    }

    @Test
    void asManyDistinctCasesAsTheThresholdIsNotABulkRead() {
        assertThat(scan(0, 1, 60, 2, 120, 3)).isEmpty();
    }

    @Test
    void oneCaseReadOftenIsNotABulkRead() {
        assertThat(scan(0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1)).isEmpty();
    }

    @Test
    void oneMoreDistinctCaseWithinTheWindowIsOneFindingCoveringTheBurst() {
        List<Finding> findings = scan(0, 1, 60, 2, 120, 3, 180, 3, 240, 4, 300, 5);
        assertThat(findings).hasSize(1);
        Finding bulk = findings.getFirst();
        assertThat(bulk.rule()).isEqualTo(UnusualAccessRule.BULK_READ);
        assertThat(bulk.firstAt()).isEqualTo(T0);
        assertThat(bulk.lastAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(bulk.accesses()).isEqualTo(6);
        assertThat(bulk.distinctCases()).isEqualTo(5);
        assertThat(bulk.username()).isEqualTo("om");
        assertThat(bulk.caseId()).isNull();
    }

    @Test
    void theSameReadsSpreadWiderThanTheWindowAreNot() {
        // four cases, but never more than three within any hour
        assertThat(scan(0, 1, 1200, 2, 2400, 3, 3600, 4, 4800, 5)).isEmpty();
    }

    @Test
    void aReadExactlyOneWindowLaterNoLongerSharesTheWindow() {
        assertThat(scan(0, 1, 1, 2, 2, 3, 3600, 4)).isEmpty();
        assertThat(scan(0, 1, 1, 2, 2, 3, 3599, 4)).hasSize(1);
    }

    @Test
    void twoBurstsApartAreTwoFindings() {
        List<Finding> findings = scan(0, 1, 1, 2, 2, 3, 3, 4, 10_000, 5, 10_001, 6, 10_002, 7, 10_003, 8);
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).lastAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(findings.get(1).firstAt()).isEqualTo(T0.plusSeconds(10_000));
        assertThat(findings.get(1).distinctCases()).isEqualTo(4);
    }

    @Test
    void readsNamingNoCaseDoNotCount() {
        BulkReads.Scan scan = rule.scan();
        for (int i = 0; i < 10; i++) {
            assertThat(scan.accept(read("om", "offender-manager", i, null, "nominal")))
                    .isEmpty();
        }
        assertThat(scan.finish()).isEmpty();
    }

    @Test
    void aThresholdBelowOneOrAnEmptyWindowIsRefused() {
        assertThatThrownBy(() -> new BulkReads(0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BulkReads(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
