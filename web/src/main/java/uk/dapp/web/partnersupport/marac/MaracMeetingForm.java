package uk.dapp.web.partnersupport.marac;

import org.springframework.validation.BindingResult;
import uk.dapp.client.partnersupport.model.MaracOutcome;
import uk.dapp.client.partnersupport.model.MaracReferral;
import uk.dapp.client.partnersupport.model.MaracReferralUpdate;
import uk.dapp.web.forms.DateInput;
import uk.dapp.web.forms.Typed;

/**
 * The meeting and its outcome: the API's MaracReferralUpdate under the same names, but for the
 * actions, which are sent as the referral holds them (they have their own forms).
 */
public class MaracMeetingForm {

    private DateInput meetingOn = new DateInput();
    private MaracOutcome outcome;
    private String outcomeNote = "";
    private long version;

    static MaracMeetingForm of(MaracReferral referral) {
        MaracMeetingForm form = new MaracMeetingForm();
        form.meetingOn = DateInput.of(referral.getMeetingOn());
        form.outcome = referral.getOutcome();
        form.outcomeNote = referral.getOutcomeNote() == null ? "" : referral.getOutcomeNote();
        form.version = referral.getVersion();
        return form;
    }

    MaracReferralUpdate toRequest(MaracReferral current, BindingResult form) {
        return new MaracReferralUpdate()
                .meetingOn(meetingOn.toDate(form, "meetingOn"))
                .actions(current.getActions())
                .outcome(outcome)
                .outcomeNote(Typed.given(outcomeNote))
                .version(version);
    }

    public DateInput getMeetingOn() {
        return meetingOn;
    }

    public void setMeetingOn(DateInput meetingOn) {
        this.meetingOn = meetingOn;
    }

    public MaracOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(MaracOutcome outcome) {
        this.outcome = outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public void setOutcomeNote(String outcomeNote) {
        this.outcomeNote = outcomeNote;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
