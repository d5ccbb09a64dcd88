package uk.dapp.platform.caseid;

import java.security.SecureRandom;

/** Mints case IDs from a cryptographically strong source: unguessable, and unique without coordination. */
public class CaseIdGenerator {

    private final SecureRandom random = new SecureRandom();

    public CaseId next() {
        return CaseId.generate(random);
    }
}
