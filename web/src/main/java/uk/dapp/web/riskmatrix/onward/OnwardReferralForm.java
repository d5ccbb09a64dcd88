package uk.dapp.web.riskmatrix.onward;

import org.springframework.validation.BindingResult;
import uk.dapp.client.riskmatrix.model.OnwardReferralCreate;
import uk.dapp.client.riskmatrix.model.OnwardReferralType;
import uk.dapp.web.forms.DateInput;

/** "Make an onward referral": the API's OnwardReferralCreate, under the same names. */
public class OnwardReferralForm {

    private OnwardReferralType type;
    private String provider;
    private DateInput madeOn = DateInput.today();
    private DateInput followUpDate = new DateInput();

    OnwardReferralCreate toRequest(BindingResult form) {
        return new OnwardReferralCreate()
                .type(type)
                .provider(provider == null || provider.isBlank() ? null : provider.strip())
                .madeOn(madeOn.toDate(form, "madeOn"))
                .followUpDate(followUpDate.toDate(form, "followUpDate"));
    }

    public OnwardReferralType getType() {
        return type;
    }

    public void setType(OnwardReferralType type) {
        this.type = type;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public DateInput getMadeOn() {
        return madeOn;
    }

    public void setMadeOn(DateInput madeOn) {
        this.madeOn = madeOn;
    }

    public DateInput getFollowUpDate() {
        return followUpDate;
    }

    public void setFollowUpDate(DateInput followUpDate) {
        this.followUpDate = followUpDate;
    }
}
