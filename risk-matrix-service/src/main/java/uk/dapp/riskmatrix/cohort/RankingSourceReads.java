package uk.dapp.riskmatrix.cohort;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What {@link CohortRankings} makes the cohort lines from, read a batch of nominals at a time: the
 * fields of each nominal a line shows ({@link RankingSource}) and the day of its first routing
 * decision.
 */
final class RankingSourceReads {

    static final String NOMINALS = "nominals";
    private static final String ROUTINGS = "routings";

    private final MongoTemplate mongo;

    RankingSourceReads(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The day of the first routing decision of each of these nominals that has one. */
    Map<String, LocalDate> firstDecisions(List<String> caseIds) {
        Query query = Query.query(
                Criteria.where("_id").in(caseIds).and("firstDecidedAt").ne(null));
        query.fields().include("_id", "firstDecidedAt");
        return mongo.find(query, Document.class, ROUTINGS).stream()
                .collect(Collectors.toMap(
                        routing -> routing.getString("_id"),
                        routing -> LocalDate.ofInstant(
                                routing.getDate("firstDecidedAt").toInstant(), ZoneOffset.UTC)));
    }

    /** These nominals as their lines are made from them, with their incidents only when asked (the harm trend needs them). */
    List<RankingSource> sources(List<String> caseIds, boolean withIncidents) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("_id").in(caseIds));
        query.fields()
                .include(
                        "_id",
                        "givenName",
                        "familyName",
                        "area",
                        "routingStatus",
                        "version",
                        "score.total",
                        "score.recency",
                        "score.frequency",
                        "score.gravity",
                        "score.victims",
                        "score.harmDays",
                        "score.serial",
                        "score.referenceVersion",
                        "score.windowMonths",
                        "score.asOf",
                        "score.calculatedAt");
        if (withIncidents) {
            // (crime too: a primitive the record cannot be made without)
            query.fields().include("incidents.date", "incidents.type", "incidents.offenceCode", "incidents.crime");
        }
        return mongo.find(query, RankingSource.class, NOMINALS);
    }
}
