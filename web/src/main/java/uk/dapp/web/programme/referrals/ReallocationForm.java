package uk.dapp.web.programme.referrals;

import static uk.dapp.web.forms.Typed.given;

import uk.dapp.client.programme.model.Reallocation;

/** "Reallocate the case": the API's Reallocation under the same names (the version read travels hidden). */
public class ReallocationForm {

    private String caseManager;
    private String reason;
    private Long version;

    Reallocation toRequest() {
        return new Reallocation()
                .caseManager(given(caseManager))
                .reason(given(reason))
                .version(version);
    }

    public String getCaseManager() {
        return caseManager;
    }

    public void setCaseManager(String caseManager) {
        this.caseManager = caseManager;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
