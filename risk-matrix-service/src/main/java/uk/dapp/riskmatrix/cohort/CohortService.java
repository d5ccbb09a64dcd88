package uk.dapp.riskmatrix.cohort;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;

/**
 * The risk matrix: nominals ranked by RFGV total (then harm, then case ID, so ranks are stable),
 * filtered, cut at a threshold and/or the top N, a page at a time; and the cohort's total harm.
 * A page reads the cohort lines ({@link RankedNominal}): one indexed query and a count, with
 * nothing read per nominal; the harm trend reads a few running tallies per area ({@link HarmTally}).
 */
@Service
public class CohortService {

    static final String RESOURCE = "cohort";

    public record Ranked(Page<RankedNominal> page, int firstRank) {}

    public record Harm(int members, long before, long now) {}

    private final MongoTemplate mongo;
    private final HarmTallies tallies;
    private final ReferenceDataService referenceData;
    private final AuditWriter audit;
    private final Clock clock;

    CohortService(
            MongoTemplate mongo,
            HarmTallies tallies,
            ReferenceDataService referenceData,
            AuditWriter audit,
            Clock clock) {
        this.mongo = mongo;
        this.tallies = tallies;
        this.referenceData = referenceData;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of the cohort in the caller's areas, audited once per nominal on the page (ADR 0012). */
    public Ranked ranked(CohortFilter filter, int page, int size) {
        Criteria criteria = inCallersAreas(filter.area()).and("ranked").is(true);
        if (filter.threshold() != null) {
            criteria.and("total").gte(filter.threshold());
        }
        if (filter.serial() != null) {
            criteria.and("serial").is(filter.serial());
        }
        if (filter.routingStatus() != null) {
            criteria.and("routingStatus").is(filter.routingStatus().name());
        }
        Query query = Query.query(criteria);
        long matching = mongo.count(query, RankedNominal.class);
        long total = filter.top() == null ? matching : Math.min(matching, filter.top());
        long offset = (long) page * size;
        PageRequest pageable = PageRequest.of(page, size);
        String asked = filter.describe() + "&page=" + page + "&size=" + size;
        if (offset >= total) {
            audit.recordList(AuditAction.SEARCH, RESOURCE, List.of(), asked);
            return new Ranked(new PageImpl<>(List.of(), pageable, total), (int) offset + 1);
        }
        query.with(Sort.by(Sort.Order.desc("total"), Sort.Order.desc("harmDays"), Sort.Order.asc("_id")))
                .skip(offset)
                .limit((int) Math.min(size, total - offset));
        query.fields().exclude("harmFigures");
        List<RankedNominal> found = mongo.find(query, RankedNominal.class);
        audit.recordList(
                AuditAction.SEARCH,
                RESOURCE,
                found.stream().map(RankedNominal::caseId).toList(),
                asked);
        return new Ranked(new PageImpl<>(found, pageable, total), (int) offset + 1);
    }

    /**
     * For every nominal in the caller's areas with a routing decision: harm of incidents in the 12
     * months before the first decision, against harm in the last 12 months, both with the current
     * weights ({@link CohortRankingRules}), read from the running tallies of those areas
     * ({@link HarmTallies}). Only totals are shown, so it is audited once, as a read of the cohort.
     */
    public Harm harm() {
        CaseScope scope = CaseScope.areasOf(CurrentUser.get());
        List<String> areas = scope.isEverything()
                ? null
                : scope.names().stream().map(CohortRankingRules::areaKey).toList();
        Harm harm = tallies.read(areas, referenceData.current(), LocalDate.now(clock));
        audit.record(AuditAction.READ, null, RESOURCE, "harm");
        return harm;
    }

    /**
     * The lines in the caller's areas (ADR 0012), within the asked area if any: equality on the
     * folded area, as the scope and the area filter both ignore case, so an index serves it.
     */
    private static Criteria inCallersAreas(String asked) {
        CaseScope scope = CaseScope.areasOf(CurrentUser.get());
        List<String> areas =
                scope.names().stream().map(CohortRankingRules::areaKey).toList();
        if (asked != null) {
            String key = CohortRankingRules.areaKey(asked);
            areas = scope.isEverything() || areas.contains(key) ? List.of(key) : List.of();
        } else if (scope.isEverything()) {
            return new Criteria();
        }
        return Criteria.where("areaKey").in(areas);
    }
}
