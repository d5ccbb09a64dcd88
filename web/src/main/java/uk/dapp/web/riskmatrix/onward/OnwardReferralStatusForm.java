package uk.dapp.web.riskmatrix.onward;

import org.springframework.validation.BindingResult;
import uk.dapp.client.riskmatrix.model.OnwardReferralStatus;
import uk.dapp.client.riskmatrix.model.OnwardReferralStatusUpdate;
import uk.dapp.web.forms.DateInput;

/** "Record what happened" to an onward referral: the API's OnwardReferralStatusUpdate, under the same names. */
public class OnwardReferralStatusForm {

    private OnwardReferralStatus status;
    private String outcome;
    private DateInput followUpDate = new DateInput();

    OnwardReferralStatusUpdate toRequest(BindingResult form) {
        return new OnwardReferralStatusUpdate()
                .status(status)
                .outcome(outcome == null || outcome.isBlank() ? null : outcome.strip())
                .followUpDate(followUpDate.toDate(form, "followUpDate"));
    }

    public OnwardReferralStatus getStatus() {
        return status;
    }

    public void setStatus(OnwardReferralStatus status) {
        this.status = status;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public DateInput getFollowUpDate() {
        return followUpDate;
    }

    public void setFollowUpDate(DateInput followUpDate) {
        this.followUpDate = followUpDate;
    }
}
