package uk.dapp.web.partnersupport.marac;

import org.springframework.validation.BindingResult;
import uk.dapp.client.partnersupport.model.MaracReferralNew;
import uk.dapp.web.forms.DateInput;
import uk.dapp.web.forms.Typed;

/** A referral to a MARAC: the API's MaracReferralNew, under the same names. The criteria are the service's to work out. */
public class MaracReferralForm {

    private DateInput referredOn = new DateInput();
    private DateInput meetingOn = new DateInput();
    private String professionalJudgementReason = "";

    static MaracReferralForm today() {
        MaracReferralForm form = new MaracReferralForm();
        form.referredOn = DateInput.today();
        return form;
    }

    MaracReferralNew toRequest(BindingResult form) {
        return new MaracReferralNew()
                .referredOn(referredOn.toDate(form, "referredOn"))
                .meetingOn(meetingOn.toDate(form, "meetingOn"))
                .professionalJudgementReason(Typed.given(professionalJudgementReason));
    }

    public DateInput getReferredOn() {
        return referredOn;
    }

    public void setReferredOn(DateInput referredOn) {
        this.referredOn = referredOn;
    }

    public DateInput getMeetingOn() {
        return meetingOn;
    }

    public void setMeetingOn(DateInput meetingOn) {
        this.meetingOn = meetingOn;
    }

    public String getProfessionalJudgementReason() {
        return professionalJudgementReason;
    }

    public void setProfessionalJudgementReason(String professionalJudgementReason) {
        this.professionalJudgementReason = professionalJudgementReason;
    }
}
