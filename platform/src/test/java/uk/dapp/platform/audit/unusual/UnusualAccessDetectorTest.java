package uk.dapp.platform.audit.unusual;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.dapp.platform.audit.unusual.Reads.read;
import static uk.dapp.platform.audit.unusual.Reads.record;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.audit.AuditAction;

class UnusualAccessDetectorTest {

    private static final RestrictedResources PARTNER_DATA =
            new RestrictedResources(Set.of("partner-track", "safe-contact"), Set.of("partner-support-worker"));

    private UnusualAccessDetector detector(int limit) {
        return new UnusualAccessDetector(
                List.of(PARTNER_DATA), Set.of("audit-log"), new BulkReads(3, Duration.ofHours(1)), limit);
    }

    @Test
    void partnerDataReadByItsOwnRoleIsNormal() {
        UnusualAccessDetector detector = detector(10);
        detector.accept(read("psw", "partner-support-worker", 0, "CASE-1", "safe-contact"));
        detector.accept(read("fac", "facilitator", 5, "CASE-1", "partner-support-summary"));
        assertThat(detector.finish().findings()).isEmpty();
    }

    @Test
    void partnerDataReadByAnyOtherRoleIsFlaggedWithItsRecord() {
        UnusualAccessDetector detector = detector(10);
        var read = read("fac", "facilitator", 5, "CASE-1", "safe-contact");
        detector.accept(read);
        List<Finding> findings = detector.finish().findings();
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(UnusualAccessRule.RESTRICTED_RESOURCE_READ);
            assertThat(finding.auditRecordId()).isEqualTo(read.id());
            assertThat(finding.caseId()).isEqualTo("CASE-1");
            assertThat(finding.resourceType()).isEqualTo("safe-contact");
            assertThat(finding.accesses()).isOne();
        });
    }

    @Test
    void writesAreNotReads() {
        UnusualAccessDetector detector = detector(10);
        detector.accept(record("fac", "facilitator", AuditAction.CREATE, 0, "CASE-1", "safe-contact", null));
        detector.accept(record("adm", "admin", AuditAction.UPDATE, 0, "CASE-1", "nominal", null));
        assertThat(detector.finish().findings()).isEmpty();
    }

    @Test
    void anAdminsReadOfACaseIsBreakGlassWithItsReasonButReferenceDataAndTheAuditLogAreNot() {
        UnusualAccessDetector detector = detector(10);
        detector.accept(record("adm", "admin", AuditAction.READ, 0, null, "reference-data", null));
        detector.accept(record("adm", "admin", AuditAction.SEARCH, 1, "CASE-1", "audit-log", null));
        detector.accept(record("adm", "admin", AuditAction.READ, 2, "CASE-1", "subject-access", "SAR ref 2026/17"));
        List<Finding> findings = detector.finish().findings();
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(UnusualAccessRule.ADMIN_CASEWORK_READ);
            assertThat(finding.reason()).isEqualTo("SAR ref 2026/17");
            assertThat(finding.resourceType()).isEqualTo("subject-access");
        });
    }

    @Test
    void anAdminReadingPartnerDataBreaksBothRules() {
        UnusualAccessDetector detector = detector(10);
        detector.accept(record("adm", "admin", AuditAction.READ, 0, "CASE-1", "partner-track", "partner SAR 9"));
        assertThat(detector.finish().findings())
                .extracting(Finding::rule)
                .containsExactlyInAnyOrder(
                        UnusualAccessRule.RESTRICTED_RESOURCE_READ, UnusualAccessRule.ADMIN_CASEWORK_READ);
    }

    @Test
    void bulkReadsAreJudgedPerUser() {
        UnusualAccessDetector detector = detector(10);
        // two users, three cases each within the hour: neither reads more than three
        for (String user : List.of("a", "b")) {
            for (int i = 0; i < 3; i++) {
                detector.accept(read(user, "offender-manager", i, user + "-case-" + i, "nominal"));
            }
        }
        detector.accept(read("c", "offender-manager", 0, "c-1", "nominal"));
        detector.accept(read("c", "offender-manager", 1, "c-2", "nominal"));
        detector.accept(read("c", "offender-manager", 2, "c-3", "nominal"));
        detector.accept(read("c", "offender-manager", 3, "c-4", "nominal"));
        assertThat(detector.finish().findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(UnusualAccessRule.BULK_READ);
            assertThat(finding.username()).isEqualTo("c");
            assertThat(finding.distinctCases()).isEqualTo(4);
        });
    }

    @Test
    void beyondTheLimitTheOldestAreKeptAndTheReportSaysItIsTruncated() {
        UnusualAccessDetector detector = detector(2);
        // users in order a, b, c, but c's read is the oldest: the limit keeps by time, not by arrival
        detector.accept(record("a", "admin", AuditAction.READ, 30, "CASE-1", "nominal", null));
        detector.accept(record("b", "admin", AuditAction.READ, 20, "CASE-1", "nominal", null));
        detector.accept(record("c", "admin", AuditAction.READ, 10, "CASE-1", "nominal", null));
        UnusualAccessDetector.Result result = detector.finish();
        assertThat(result.truncated()).isTrue();
        assertThat(result.findings()).extracting(Finding::username).containsExactly("c", "b");
    }

    @Test
    void atTheLimitNothingIsTruncated() {
        UnusualAccessDetector detector = detector(2);
        detector.accept(record("a", "admin", AuditAction.READ, 30, "CASE-1", "nominal", null));
        detector.accept(record("b", "admin", AuditAction.READ, 20, "CASE-1", "nominal", null));
        UnusualAccessDetector.Result result = detector.finish();
        assertThat(result.truncated()).isFalse();
        assertThat(result.findings()).extracting(Finding::username).containsExactly("b", "a");
    }
}
