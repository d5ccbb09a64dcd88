package uk.dapp.riskmatrix.cohort;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.dapp.riskmatrix.referencedata.ReferenceData;

/**
 * The harm trend recomputed from every decided nominal's cohort line, as {@code GET /cohort/harm}
 * computed it before the running tallies: what the tallies must always add up to, and the previous
 * computation the benchmark times beside them.
 */
public final class HarmFromLines {

    record Trend(@Id String caseId, LocalDate firstDecided, List<HarmFigure> harmFigures) {}

    private HarmFromLines() {}

    /** Over the lines of these areas (folded; null: every area). */
    public static CohortService.Harm harm(
            MongoTemplate mongo, List<String> areaKeys, ReferenceData weights, LocalDate today) {
        Criteria decided = Criteria.where("firstDecided").ne(null);
        if (areaKeys != null) {
            decided = Criteria.where("areaKey").in(areaKeys).and("firstDecided").ne(null);
        }
        Query query = Query.query(decided);
        query.fields().include("_id", "firstDecided", "harmFigures");
        int members = 0;
        long before = 0;
        long now = 0;
        for (Trend line : mongo.find(query, Trend.class, RankedNominal.COLLECTION)) {
            List<HarmFigure> figures = line.harmFigures() == null ? List.of() : line.harmFigures();
            members++;
            before += CohortRankingRules.harmBefore(weights, line.firstDecided(), figures);
            now += CohortRankingRules.harmNow(weights, figures, today);
        }
        return new CohortService.Harm(members, before, now);
    }
}
