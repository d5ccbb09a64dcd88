package uk.dapp.web.programme.participants;

/** The participant search (a GET form), named as the API names its query: a name fragment or a case ID. */
public class ParticipantSearch {

    private String name;
    private String caseId;
    private int page;

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trimmed(name);
    }

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = trimmed(caseId);
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
