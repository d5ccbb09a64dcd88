package uk.dapp.web.partnersupport.contact;

import uk.dapp.client.partnersupport.model.SafeContactUpdate;
import uk.dapp.web.forms.Typed;

/** The safe contact details as typed: the API's SafeContactUpdate, under the same names. */
public class SafeContactForm {

    private String safeNumber;
    private String safeTimes;
    private Boolean mayLeaveMessage;
    private String codeWord;
    private long version;

    SafeContactUpdate toRequest() {
        return new SafeContactUpdate()
                .safeNumber(Typed.given(safeNumber))
                .safeTimes(Typed.given(safeTimes))
                .mayLeaveMessage(mayLeaveMessage)
                .codeWord(Typed.given(codeWord))
                .version(version);
    }

    public String getSafeNumber() {
        return safeNumber;
    }

    public void setSafeNumber(String safeNumber) {
        this.safeNumber = safeNumber;
    }

    public String getSafeTimes() {
        return safeTimes;
    }

    public void setSafeTimes(String safeTimes) {
        this.safeTimes = safeTimes;
    }

    public Boolean getMayLeaveMessage() {
        return mayLeaveMessage;
    }

    public void setMayLeaveMessage(Boolean mayLeaveMessage) {
        this.mayLeaveMessage = mayLeaveMessage;
    }

    public String getCodeWord() {
        return codeWord;
    }

    public void setCodeWord(String codeWord) {
        this.codeWord = codeWord;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
