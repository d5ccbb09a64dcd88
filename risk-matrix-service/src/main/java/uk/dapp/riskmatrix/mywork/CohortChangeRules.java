package uk.dapp.riskmatrix.mywork;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.dapp.riskmatrix.values.ScoreHistoryEntry;

/**
 * What changed in a nominal's score since a moment (plain Java): the score then (the last one
 * calculated by that moment; nothing, for a nominal registered since) against the score now. A rise
 * in the total, or the serial perpetrator flag raised, is a change an offender manager should see; a
 * score that rose and fell back again is not.
 */
public final class CohortChangeRules {

    public enum Kind {
        NEW_SERIAL_FLAG,
        SCORE_ROSE
    }

    /** The change: its kinds, the total then and now, the flag now, and when the latest score was calculated. */
    public record Change(Set<Kind> kinds, int scoreFrom, int scoreTo, boolean serial, Instant changedAt) {}

    private CohortChangeRules() {}

    public static Optional<Change> since(List<ScoreHistoryEntry> history, Instant since) {
        List<ScoreHistoryEntry> sorted = history.stream()
                .sorted(Comparator.comparing(ScoreHistoryEntry::calculatedAt))
                .toList();
        if (sorted.isEmpty() || !sorted.get(sorted.size() - 1).calculatedAt().isAfter(since)) {
            return Optional.empty();
        }
        ScoreHistoryEntry now = sorted.get(sorted.size() - 1);
        Optional<ScoreHistoryEntry> then =
                sorted.stream().filter(e -> !e.calculatedAt().isAfter(since)).reduce((first, second) -> second);
        int totalThen = then.map(ScoreHistoryEntry::total).orElse(0);
        boolean serialThen = then.map(ScoreHistoryEntry::serial).orElse(false);
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (now.serial() && !serialThen) {
            kinds.add(Kind.NEW_SERIAL_FLAG);
        }
        if (now.total() > totalThen) {
            kinds.add(Kind.SCORE_ROSE);
        }
        return kinds.isEmpty()
                ? Optional.empty()
                : Optional.of(new Change(kinds, totalThen, now.total(), now.serial(), now.calculatedAt()));
    }
}
