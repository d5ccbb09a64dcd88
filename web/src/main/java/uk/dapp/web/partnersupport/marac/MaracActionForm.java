package uk.dapp.web.partnersupport.marac;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.BindingResult;
import uk.dapp.client.partnersupport.model.MaracAction;
import uk.dapp.client.partnersupport.model.MaracReferral;
import uk.dapp.client.partnersupport.model.MaracReferralUpdate;
import uk.dapp.web.forms.DateInput;
import uk.dapp.web.forms.Typed;

/**
 * One more action agreed at the MARAC: the API's MaracAction under the same names, sent as the last
 * of the referral's actions (the API takes them all, as a revision) with the version the form was shown at.
 */
public class MaracActionForm {

    private String description = "";
    private String owner = "";
    private DateInput dueOn = new DateInput();
    private long version;

    static MaracActionForm of(MaracReferral referral) {
        MaracActionForm form = new MaracActionForm();
        form.version = referral.getVersion();
        return form;
    }

    /** The service's errors name {@code actions[n].<field>}: the new action's are this form's fields. */
    static String at(MaracReferral current) {
        return "actions[" + current.getActions().size() + "].";
    }

    MaracReferralUpdate toRequest(MaracReferral current, BindingResult form) {
        List<MaracAction> actions = new ArrayList<>(current.getActions());
        actions.add(new MaracAction()
                .description(Typed.given(description))
                .owner(Typed.given(owner))
                .dueOn(dueOn.toDate(form, "dueOn"))
                .done(false));
        return new MaracReferralUpdate()
                .meetingOn(current.getMeetingOn())
                .actions(actions)
                .outcome(current.getOutcome())
                .outcomeNote(current.getOutcomeNote())
                .version(version);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public DateInput getDueOn() {
        return dueOn;
    }

    public void setDueOn(DateInput dueOn) {
        this.dueOn = dueOn;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
