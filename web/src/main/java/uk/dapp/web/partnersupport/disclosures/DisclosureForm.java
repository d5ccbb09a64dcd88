package uk.dapp.web.partnersupport.disclosures;

import org.springframework.validation.BindingResult;
import uk.dapp.client.partnersupport.model.AbuseCategory;
import uk.dapp.client.partnersupport.model.DisclosureNew;
import uk.dapp.client.partnersupport.model.RiskLevel;
import uk.dapp.web.forms.DateInput;
import uk.dapp.web.forms.Typed;

/** A disclosure: the API's DisclosureNew, under the same names. */
public class DisclosureForm {

    private DateInput disclosedOn = new DateInput();
    private AbuseCategory category;
    private RiskLevel riskLevel;
    private String account;
    private String location;

    static DisclosureForm today() {
        DisclosureForm form = new DisclosureForm();
        form.disclosedOn = DateInput.today();
        return form;
    }

    DisclosureNew toRequest(BindingResult form) {
        return new DisclosureNew()
                .disclosedOn(disclosedOn.toDate(form, "disclosedOn"))
                .category(category)
                .riskLevel(riskLevel)
                .account(Typed.given(account))
                .location(Typed.given(location));
    }

    public DateInput getDisclosedOn() {
        return disclosedOn;
    }

    public void setDisclosedOn(DateInput disclosedOn) {
        this.disclosedOn = disclosedOn;
    }

    public AbuseCategory getCategory() {
        return category;
    }

    public void setCategory(AbuseCategory category) {
        this.category = category;
    }

    public RiskLevel getRiskLevel() {
        return riskLevel;
    }

    public void setRiskLevel(RiskLevel riskLevel) {
        this.riskLevel = riskLevel;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }
}
