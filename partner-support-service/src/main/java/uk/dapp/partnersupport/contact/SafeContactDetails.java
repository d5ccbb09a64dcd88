package uk.dapp.partnersupport.contact;

/** The partner's safe contact details in the clear: only in memory, only for a partner support worker. */
public record SafeContactDetails(String safeNumber, String safeTimes, boolean mayLeaveMessage, String codeWord) {

    @Override
    public String toString() {
        return "SafeContactDetails[redacted]";
    }
}
