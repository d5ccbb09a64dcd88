package uk.dapp.platform.audit.unusual;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.dapp.platform.audit.AuditRecord;

/**
 * One user reading more than {@code threshold} distinct cases within any {@code window}. A burst
 * starts at the first read inside the window that crossed the threshold and lasts while every
 * window ending at a later read stays above it; each burst is one finding, with how many reads and
 * distinct cases it took in.
 */
public class BulkReads {

    private final int threshold;
    private final Duration window;

    public BulkReads(int threshold, Duration window) {
        if (threshold < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "a bulk-read rule needs a threshold of at least 1 and a positive window");
        }
        this.threshold = threshold;
        this.window = window;
    }

    public int threshold() {
        return threshold;
    }

    public Duration window() {
        return window;
    }

    /** A scan of one user's reads, fed in time order; reads naming no case do not count. */
    public Scan scan() {
        return new Scan();
    }

    public final class Scan {

        private record Read(Instant at, String caseId) {}

        private final Deque<Read> inWindow = new ArrayDeque<>();
        private final Map<String, Integer> casesInWindow = new HashMap<>();
        private AuditRecord someRead;
        private Instant burstFirstAt;
        private Instant burstLastAt;
        private int burstReads;
        private final Set<String> burstCases = new HashSet<>();

        private Scan() {}

        /** Takes the next read; answers the burst it ended, if it ended one. */
        public Optional<Finding> accept(AuditRecord read) {
            if (read.caseId() == null) {
                return Optional.empty();
            }
            someRead = read;
            inWindow.addLast(new Read(read.at(), read.caseId()));
            casesInWindow.merge(read.caseId(), 1, Integer::sum);
            Instant opens = read.at().minus(window);
            while (!inWindow.getFirst().at().isAfter(opens)) {
                Read old = inWindow.removeFirst();
                casesInWindow.computeIfPresent(old.caseId(), (caseId, count) -> count == 1 ? null : count - 1);
            }
            if (casesInWindow.size() > threshold) {
                if (burstFirstAt == null) {
                    burstFirstAt = inWindow.getFirst().at();
                    burstReads = inWindow.size();
                    burstCases.addAll(casesInWindow.keySet());
                } else {
                    burstReads++;
                    burstCases.add(read.caseId());
                }
                burstLastAt = read.at();
                return Optional.empty();
            }
            return closeBurst();
        }

        /** The user's reads are over: the burst still open, if any. */
        public Optional<Finding> finish() {
            return closeBurst();
        }

        private Optional<Finding> closeBurst() {
            if (burstFirstAt == null) {
                return Optional.empty();
            }
            Finding finding = new Finding(
                    UnusualAccessRule.BULK_READ,
                    someRead.userId(),
                    someRead.username(),
                    Finding.rolesOf(someRead),
                    burstFirstAt,
                    burstLastAt,
                    burstReads,
                    burstCases.size(),
                    null,
                    null,
                    null,
                    null);
            burstFirstAt = null;
            burstLastAt = null;
            burstReads = 0;
            burstCases.clear();
            return Optional.of(finding);
        }
    }
}
