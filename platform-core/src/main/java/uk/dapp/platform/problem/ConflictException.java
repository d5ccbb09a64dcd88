package uk.dapp.platform.problem;

import java.util.Map;

/** The change conflicts with what is stored: 409, with facts the caller can act on (for example the existing case ID). */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> facts;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> facts) {
        super(message);
        this.facts = Map.copyOf(facts);
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
