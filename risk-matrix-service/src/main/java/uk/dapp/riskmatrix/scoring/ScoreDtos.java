package uk.dapp.riskmatrix.scoring;

import java.time.ZoneOffset;
import uk.dapp.riskmatrix.api.model.IncidentContributionDto;
import uk.dapp.riskmatrix.api.model.ScoreComponentDto;
import uk.dapp.riskmatrix.api.model.ScoreDto;
import uk.dapp.riskmatrix.api.model.ScoreHistoryEntryDto;
import uk.dapp.riskmatrix.api.model.ScoreSummaryDto;
import uk.dapp.riskmatrix.values.Score;
import uk.dapp.riskmatrix.values.ScoreComponent;
import uk.dapp.riskmatrix.values.ScoreHistoryEntry;

/** Maps scores to the wire; the only place scoring meets generated types. */
public final class ScoreDtos {

    private ScoreDtos() {}

    public static ScoreSummaryDto summary(Score score) {
        if (score == null) {
            return null;
        }
        return new ScoreSummaryDto()
                .total(score.total())
                .recency(score.recency().points())
                .frequency(score.frequency().points())
                .gravity(score.gravity().points())
                .victims(score.victims().points())
                .harmDays(score.harmDays())
                .serial(score.serial())
                .referenceVersion(score.referenceVersion())
                .asOf(score.asOf())
                .calculatedAt(score.calculatedAt().atOffset(ZoneOffset.UTC));
    }

    public static ScoreDto explained(String caseId, Score score) {
        ScoreDto dto = new ScoreDto()
                .caseId(caseId)
                .total(score.total())
                .recency(component(score.recency()))
                .frequency(component(score.frequency()))
                .gravity(component(score.gravity()))
                .victims(component(score.victims()))
                .harmDays(score.harmDays())
                .serial(score.serial())
                .serialBasis(score.serialBasis())
                .referenceVersion(score.referenceVersion())
                .windowMonths(score.windowMonths())
                .asOf(score.asOf())
                .calculatedAt(score.calculatedAt().atOffset(ZoneOffset.UTC));
        if (score.incidents() != null) {
            score.incidents()
                    .forEach(c -> dto.addIncidentsItem(new IncidentContributionDto()
                            .incidentId(c.incidentId())
                            .date(c.date())
                            .offenceCode(c.offenceCode())
                            .inWindow(c.inWindow())
                            .gravityPoints(c.gravityPoints())
                            .harmDays(c.harmDays())
                            .countsForFrequency(c.countsForFrequency())
                            .newVictim(c.newVictim())
                            .mostRecent(c.mostRecent())
                            .countsForSerial(c.countsForSerial())
                            .scored(c.countsForFrequency())
                            .notScoredBecause(c.notScoredBecause(score.windowMonths()))));
        }
        return dto;
    }

    public static ScoreHistoryEntryDto history(ScoreHistoryEntry entry) {
        return new ScoreHistoryEntryDto()
                .total(entry.total())
                .harmDays(entry.harmDays())
                .serial(entry.serial())
                .referenceVersion(entry.referenceVersion())
                .asOf(entry.asOf())
                .calculatedAt(entry.calculatedAt().atOffset(ZoneOffset.UTC))
                .trigger(entry.trigger());
    }

    private static ScoreComponentDto component(ScoreComponent component) {
        return new ScoreComponentDto()
                .value(component.value())
                .points(component.points())
                .basis(component.basis());
    }
}
