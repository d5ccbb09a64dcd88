package uk.dapp.web.audit.records;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import uk.dapp.client.riskmatrix.model.AuditAction;
import uk.dapp.client.riskmatrix.model.AuditRecord;
import uk.dapp.client.riskmatrix.model.UnusualAccess;
import uk.dapp.client.riskmatrix.model.UnusualAccessReport;
import uk.dapp.client.riskmatrix.model.UnusualAccessRule;

/**
 * One page of a service's audit records with the accesses its unusual-access report found in the
 * same window: each record that a finding names (a single read by its record ID; a bulk read by
 * its user, between its first and last read) is marked with the finding's rule.
 */
public record AuditPage(
        List<Row> rows,
        long totalItems,
        List<UnusualAccess> findings,
        OffsetDateTime unusualFrom,
        OffsetDateTime unusualTo,
        boolean truncated,
        int bulkThreshold,
        String bulkWindow,
        List<String> unusualRefused) {

    /** A record and the rules of the findings it is part of (empty for an ordinary access). */
    public record Row(AuditRecord record, List<UnusualAccessRule> unusual) {

        public boolean flagged() {
            return !unusual.isEmpty();
        }
    }

    /** The bulk-read window in words: PT1H reads "1 hour". */
    public String bulkWindowWords() {
        if (bulkWindow == null) {
            return "";
        }
        try {
            java.time.Duration window = java.time.Duration.parse(bulkWindow);
            List<String> parts = new ArrayList<>();
            if (window.toHours() > 0) {
                parts.add(window.toHours() + (window.toHours() == 1 ? " hour" : " hours"));
            }
            if (window.toMinutesPart() > 0) {
                parts.add(window.toMinutesPart() + (window.toMinutesPart() == 1 ? " minute" : " minutes"));
            }
            return parts.isEmpty() ? bulkWindow : String.join(" ", parts);
        } catch (java.time.format.DateTimeParseException notADuration) {
            return bulkWindow;
        }
    }

    static List<Row> rows(List<AuditRecord> records, UnusualAccessReport report) {
        List<Row> rows = new ArrayList<>();
        for (AuditRecord record : records) {
            List<UnusualAccessRule> rules = new ArrayList<>();
            if (report != null) {
                for (UnusualAccess finding : report.getItems()) {
                    if (names(finding, record) && !rules.contains(finding.getRule())) {
                        rules.add(finding.getRule());
                    }
                }
            }
            rows.add(new Row(record, List.copyOf(rules)));
        }
        return List.copyOf(rows);
    }

    /** Whether a finding is about this record: by its ID, or for a bulk read, as one of the burst's reads. */
    static boolean names(UnusualAccess finding, AuditRecord record) {
        if (finding.getAuditRecordId() != null) {
            return finding.getAuditRecordId().equals(record.getId());
        }
        return finding.getRule() == UnusualAccessRule.BULK_READ
                && finding.getUserId().equals(record.getUserId())
                && (record.getAction() == AuditAction.READ || record.getAction() == AuditAction.SEARCH)
                && !record.getAt().isBefore(finding.getFirstAt())
                && !record.getAt().isAfter(finding.getLastAt());
    }
}
