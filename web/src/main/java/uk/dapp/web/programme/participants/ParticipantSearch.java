package uk.dapp.web.programme.participants;

import static uk.dapp.web.forms.Typed.given;

/** The participant search (a GET form), named as the API names its query: a name fragment or a case ID. */
public class ParticipantSearch {

    private String name;
    private String caseId;
    private int page;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = given(name);
    }

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = given(caseId);
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
