package uk.dapp.riskmatrix.cohort;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.NominalService;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;
import uk.dapp.riskmatrix.routing.Routing;
import uk.dapp.riskmatrix.scoring.Scorer;

/**
 * The risk matrix: nominals ranked by RFGV total (then harm, then case ID, so ranks are stable),
 * filtered, cut at a threshold and/or the top N, a page at a time; and the cohort's total harm.
 */
@Service
public class CohortService {

    static final String RESOURCE = "cohort";

    public record Ranked(Page<Nominal> page, int firstRank) {
    }

    public record Harm(int members, long before, long now) {
    }

    private final MongoTemplate mongo;
    private final ReferenceDataService referenceData;
    private final AuditWriter audit;
    private final Clock clock;

    CohortService(MongoTemplate mongo, ReferenceDataService referenceData, AuditWriter audit, Clock clock) {
        this.mongo = mongo;
        this.referenceData = referenceData;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of the cohort in the caller's areas, audited once per nominal on the page (ADR 0012). */
    public Ranked ranked(CohortFilter filter, int page, int size) {
        Criteria criteria = Criteria.where("score").exists(true);
        CaseScope scope = NominalService.scope();
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
        PageRequest pageable = PageRequest.of(page, size);
        String asked = filter.describe() + "&page=" + page + "&size=" + size;
        if (offset >= total) {
            audit.recordList(AuditAction.SEARCH, RESOURCE, List.of(), asked);
            return new Ranked(new PageImpl<>(List.of(), pageable, total), (int) offset + 1);
        }
        query.with(Sort.by(Sort.Order.desc("score.total"), Sort.Order.desc("score.harmDays"), Sort.Order.asc("_id")))
                .skip(offset).limit((int) Math.min(size, total - offset));
        NominalService.withoutDetail(query);
        List<Nominal> found = mongo.find(query, Nominal.class);
        audit.recordList(AuditAction.SEARCH, RESOURCE, found.stream().map(Nominal::caseId).toList(), asked);
        return new Ranked(new PageImpl<>(found, pageable, total), (int) offset + 1);
    }

    /**
     * For every nominal in the caller's areas with a routing decision: harm of incidents in the 12
     * months before the first decision, against harm in the last 12 months, both with the current
     * weights. Only totals are shown, so it is audited once, as a read of the cohort.
     */
    public Harm harm() {
        CaseScope scope = NominalService.scope();
        ReferenceData weights = referenceData.current();
        LocalDate today = LocalDate.now(clock);
        int members = 0;
        long before = 0;
        long now = 0;
        for (Routing routing : mongo.find(Query.query(Criteria.where("firstDecidedAt").ne(null)), Routing.class)) {
            Nominal nominal = mongo.findById(routing.caseId(), Nominal.class);
            if (nominal == null || !scope.covers(nominal.area())) {
                continue;
            }
            members++;
            LocalDate decided = LocalDate.ofInstant(routing.firstDecidedAt(), ZoneOffset.UTC);
            before += Scorer.harmBetween(weights, nominal.incidentsOrEmpty(), decided.minusMonths(12),
                    decided.minusDays(1));
            now += Scorer.harmBetween(weights, nominal.incidentsOrEmpty(), today.minusMonths(12), today);
        }
        audit.record(AuditAction.READ, null, RESOURCE, "harm");
        return new Harm(members, before, now);
    }

}
