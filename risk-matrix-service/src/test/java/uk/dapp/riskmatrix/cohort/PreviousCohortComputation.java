package uk.dapp.riskmatrix.cohort;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.riskmatrix.api.model.CohortEntryDto;
import uk.dapp.riskmatrix.api.model.CohortHarmDto;
import uk.dapp.riskmatrix.api.model.CohortPageDto;
import uk.dapp.riskmatrix.api.model.RoutingStatusDto;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.NominalService;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.routing.Routing;
import uk.dapp.riskmatrix.scoring.ScoreDtos;
import uk.dapp.riskmatrix.scoring.Scorer;

/**
 * The cohort as it was computed before the cohort lines (straight from the nominals and the
 * routings, every request), kept as the reference the lines' answers are checked against.
 */
public final class PreviousCohortComputation {

    private final MongoTemplate mongo;

    public PreviousCohortComputation(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public CohortPageDto ranked(CaseScope scope, CohortFilter filter, int page, int size) {
        Criteria criteria = Criteria.where("score").exists(true);
        if (!scope.isEverything()) {
            criteria.andOperator(scope.criteria("area"));
        }
        if (filter.threshold() != null) {
            criteria.and("score.total").gte(filter.threshold());
        }
        if (filter.area() != null) {
            criteria.and("area").regex("^" + Pattern.quote(filter.area().strip()) + "$", "i");
        }
        if (filter.serial() != null) {
            criteria.and("score.serial").is(filter.serial());
        }
        if (filter.routingStatus() != null) {
            criteria.and("routingStatus").is(filter.routingStatus().name());
        }
        Query query = Query.query(criteria);
        long matching = mongo.count(query, Nominal.class);
        long total = filter.top() == null ? matching : Math.min(matching, filter.top());
        long offset = (long) page * size;
        CohortPageDto dto = new CohortPageDto()
                .page(page)
                .size(size)
                .totalItems(total)
                .totalPages((int) ((total + size - 1) / size))
                .items(new java.util.ArrayList<>());
        if (offset >= total) {
            return dto;
        }
        query.with(Sort.by(Sort.Order.desc("score.total"), Sort.Order.desc("score.harmDays"), Sort.Order.asc("_id")))
                .skip(offset)
                .limit((int) Math.min(size, total - offset));
        NominalService.withoutDetail(query);
        int rank = (int) offset + 1;
        for (Nominal nominal : mongo.find(query, Nominal.class)) {
            dto.addItemsItem(new CohortEntryDto()
                    .rank(rank++)
                    .caseId(nominal.caseId())
                    .givenName(nominal.givenName())
                    .familyName(nominal.familyName())
                    .area(nominal.area())
                    .score(ScoreDtos.summary(nominal.score()))
                    .routingStatus(RoutingStatusDto.valueOf(
                            nominal.routingStatusOrDefault().name())));
        }
        return dto;
    }

    public CohortHarmDto harm(CaseScope scope, ReferenceData weights, LocalDate today) {
        int members = 0;
        long before = 0;
        long now = 0;
        for (Routing routing :
                mongo.find(Query.query(Criteria.where("firstDecidedAt").ne(null)), Routing.class)) {
            Nominal nominal = mongo.findById(routing.caseId(), Nominal.class);
            if (nominal == null || !scope.covers(nominal.area())) {
                continue;
            }
            members++;
            LocalDate decided = LocalDate.ofInstant(routing.firstDecidedAt(), ZoneOffset.UTC);
            before += Scorer.harmBetween(
                    weights, nominal.incidentsOrEmpty(), decided.minusMonths(12), decided.minusDays(1));
            now += Scorer.harmBetween(weights, nominal.incidentsOrEmpty(), today.minusMonths(12), today);
        }
        return new CohortHarmDto().members(members).harmDaysBefore(before).harmDaysNow(now);
    }

    static List<String> ids(CohortPageDto page) {
        return page.getItems().stream().map(CohortEntryDto::getCaseId).toList();
    }
}
