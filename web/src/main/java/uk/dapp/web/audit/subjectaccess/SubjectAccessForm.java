package uk.dapp.web.audit.subjectaccess;

/**
 * A subject access export's request: the case, and the reason the admin states, which the
 * gateway sends as {@code X-Access-Reason} to each service and each keeps in its audit record.
 */
public class SubjectAccessForm {

    private String caseId;
    private String reason;

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = caseId == null ? null : caseId.strip();
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /**
     * Whether the reason can travel in an HTTP header at all: one line of characters a header can
     * carry. Whether it is a good enough reason (long enough, not too long) is the gateway's rule.
     */
    boolean reasonCanBeSent() {
        return reason == null || reason.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff));
    }
}
