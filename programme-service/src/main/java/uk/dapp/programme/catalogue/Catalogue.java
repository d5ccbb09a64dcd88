package uk.dapp.programme.catalogue;

import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;

/** The programme catalogue: read by everyone who refers or works cases, kept by an admin. */
@Service
public class Catalogue {

    static final String RESOURCE = "programme";

    private final ProgrammeRepository programmes;
    private final AuditWriter audit;

    Catalogue(ProgrammeRepository programmes, AuditWriter audit) {
        this.programmes = programmes;
        this.audit = audit;
    }

    public List<Programme> all() {
        return programmes.findAll(Sort.by("code"));
    }

    public Programme get(String code) {
        return programmes.findById(code).orElseThrow(() -> new NotFoundException("No programme " + code));
    }

    /** The programme a request names, or 400 naming the field when the catalogue has none. */
    public Programme known(String code, String field) {
        return programmes.findById(code).orElseThrow(() -> new RuleViolationException(field, "KnownProgramme",
                "no programme " + code + " in the catalogue"));
    }

    public Programme create(Programme programme) {
        programme.checked();
        if (programmes.existsById(programme.code())) {
            throw new ConflictException("The catalogue already has programme " + programme.code(),
                    Map.of("code", programme.code()));
        }
        Programme stored;
        try {
            stored = programmes.insert(programme.withVersion(null));
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("The catalogue already has programme " + programme.code(),
                    Map.of("code", programme.code()));
        }
        audit.record(AuditAction.CREATE, null, RESOURCE, stored.code());
        return stored;
    }

    /** Replaces a programme; the version read must come back (a stale one fails optimistic locking: 409). */
    public Programme update(Programme programme) {
        programme.checked();
        get(programme.code());
        Programme stored = programmes.save(programme);
        audit.record(AuditAction.UPDATE, null, RESOURCE, stored.code());
        return stored;
    }

    /** Seeds a programme unless the catalogue already has it (start-up, no caller). */
    void seed(Programme programme) {
        if (!programmes.existsById(programme.code())) {
            try {
                programmes.insert(programme.withVersion(null));
            } catch (DuplicateKeyException alreadySeeded) {
                // another instance seeded it first
            }
        }
    }
}
