package uk.dapp.platform.caseid;

/** A case ID that cannot be one: answered with 400 naming the field, never a silent 404. */
public class InvalidCaseIdException extends RuntimeException {

    /** Which rule the text broke; the problem response reports it as the rule name. */
    public enum Reason {
        MISSING("NotNull"),
        FORMAT("CaseIdFormat"),
        CHECK("CaseIdCheck");

        private final String rule;

        Reason(String rule) {
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private final Reason reason;

    public InvalidCaseIdException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
