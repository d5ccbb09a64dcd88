package uk.dapp.riskmatrix.eligibility;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.PathwayEligibility;

/**
 * The matrix's copy of who the programmes take (docs/domain/risk-matrix.md, "Who the programmes take"): kept from programme-service's messages, read
 * by the routing advisor per pathway. A message is applied only when its sequence is newer than the one
 * kept for its programme, so a repeat or a late older message changes nothing; applying it is one
 * conditional single-document write (insert for a programme not seen yet).
 */
@Service
public class ProgrammeEligibilityService {

    static final String RESOURCE = "programme-eligibility";
    private static final int ATTEMPTS = 5;

    /** Who each programme pathway's programme takes now, and what that was computed from (to see a change). */
    public record Catalogue(Map<Pathway, PathwayEligibility> byPathway, String basis) {}

    private final MongoTemplate mongo;
    private final AuditWriter audit;
    private final Clock clock;

    ProgrammeEligibilityService(MongoTemplate mongo, AuditWriter audit, Clock clock) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    /** A programme's eligibility as told; false when it is not newer than the one kept. */
    public boolean receive(ProgrammeEligibility told) {
        ProgrammeEligibility stamped = new ProgrammeEligibility(
                told.programmeCode(),
                told.programmeName(),
                told.pathways(),
                told.sexes(),
                told.minimumAge(),
                told.riskLevels(),
                told.sequence(),
                clock.instant());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Query older = Query.query(Criteria.where("_id")
                    .is(told.programmeCode())
                    .and("sequence")
                    .lt(told.sequence()));
            if (mongo.findAndReplace(older, stamped) != null) {
                audit.record(AuditAction.UPDATE, null, RESOURCE, told.programmeCode());
                return true;
            }
            if (mongo.exists(Query.query(Criteria.where("_id").is(told.programmeCode())), ProgrammeEligibility.class)) {
                return false; // what is kept is as new or newer
            }
            try {
                mongo.insert(stamped);
                audit.record(AuditAction.CREATE, null, RESOURCE, told.programmeCode());
                return true;
            } catch (DuplicateKeyException toldMeanwhile) {
                // another delivery inserted it first: compare again
            }
        }
        throw new IllegalStateException(
                "programme " + told.programmeCode() + " kept changing; the sender will try again");
    }

    /** Every programme known, by code. */
    public List<ProgrammeEligibility> all() {
        return mongo.find(new Query().with(Sort.by("_id")), ProgrammeEligibility.class);
    }

    /**
     * Per programme pathway, the programme it refers into now: the one most recently told to serve it (a
     * pathway moved to another programme is served by the newer one). The basis names every programme and
     * sequence, so any change to the catalogue changes it.
     */
    public Catalogue catalogue() {
        List<ProgrammeEligibility> known = all();
        Map<Pathway, PathwayEligibility> byPathway = new EnumMap<>(Pathway.class);
        known.stream()
                .sorted(Comparator.comparing(ProgrammeEligibility::receivedAt))
                .forEach(p -> p.pathways().forEach(pathway -> byPathway.put(pathway, p.forPathway())));
        String basis =
                known.stream().map(p -> p.programmeCode() + "#" + p.sequence()).collect(Collectors.joining(","));
        return new Catalogue(Map.copyOf(byPathway), basis);
    }
}
