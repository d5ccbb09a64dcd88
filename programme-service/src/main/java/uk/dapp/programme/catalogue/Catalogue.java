package uk.dapp.programme.catalogue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * The programme catalogue: read by everyone who refers or works cases, kept by an admin. Every
 * programme created or changed tells the risk matrix who it takes, in the same save
 * ({@link ProgrammeEligibility}); so does start-up, for each programme whose pathways changed
 * ({@link #announceEligibility}).
 */
@Service
public class Catalogue {

    static final String RESOURCE = "programme";

    private final ProgrammeRepository programmes;
    private final PathwayProgrammes pathways;
    private final AuditWriter audit;
    private final Clock clock;

    Catalogue(ProgrammeRepository programmes, PathwayProgrammes pathways, AuditWriter audit, Clock clock) {
        this.programmes = programmes;
        this.pathways = pathways;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Programme> all() {
        return programmes.findAll(Sort.by("code"));
    }

    public Programme get(String code) {
        return programmes.findById(code).orElseThrow(() -> new NotFoundException("No programme " + code));
    }

    /** The programme a request names, or 400 naming the field when the catalogue has none. */
    public Programme known(String code, String field) {
        return programmes
                .findById(code)
                .orElseThrow(() -> new RuleViolationException(
                        field, "KnownProgramme", "no programme " + code + " in the catalogue"));
    }

    public Programme create(Programme programme) {
        programme.checked();
        if (programmes.existsById(programme.code())) {
            throw new ConflictException(
                    "The catalogue already has programme " + programme.code(), Map.of("code", programme.code()));
        }
        Programme stored;
        try {
            stored = programmes.insert(
                    programme.withVersion(null).announcing(pathways.pathwaysOf(programme.code()), clock.instant()));
        } catch (DuplicateKeyException raced) {
            throw new ConflictException(
                    "The catalogue already has programme " + programme.code(), Map.of("code", programme.code()));
        }
        audit.record(AuditAction.CREATE, null, RESOURCE, stored.code());
        return stored;
    }

    /** Replaces a programme; the version read must come back (a stale one fails optimistic locking: 409). */
    public Programme update(Programme programme) {
        programme.checked();
        Programme current = get(programme.code());
        Programme stored = programmes.save(
                programme.replacing(current).announcing(pathways.pathwaysOf(programme.code()), clock.instant()));
        audit.record(AuditAction.UPDATE, null, RESOURCE, stored.code());
        return stored;
    }

    /** Seeds a programme unless the catalogue already has it (start-up, no caller). */
    void seed(Programme programme) {
        if (!programmes.existsById(programme.code())) {
            try {
                programmes.insert(
                        programme.withVersion(null).announcing(pathways.pathwaysOf(programme.code()), clock.instant()));
            } catch (DuplicateKeyException alreadySeeded) {
                // another instance seeded it first
            }
        }
    }

    /**
     * Tells the risk matrix who each programme takes where the pathways that refer into it are not
     * those it was last told of (a programme from before this was told, or new pathway settings); at
     * start-up, with no caller. Another instance doing the same at once wins the save; this one leaves it.
     */
    void announceEligibility() {
        for (Programme programme : programmes.findAll(Sort.by("code"))) {
            List<Pathway> served = pathways.pathwaysOf(programme.code());
            if (programme.announcedOtherThan(served)) {
                try {
                    programmes.save(programme.announcing(served, clock.instant()));
                } catch (OptimisticLockingFailureException announcedMeanwhile) {
                    // another instance (or an admin's change) told it first
                }
            }
        }
    }
}
