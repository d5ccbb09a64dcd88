package uk.dapp.web.partnersupport.consent;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.BindingResult;
import uk.dapp.client.partnersupport.model.ConsentNew;
import uk.dapp.client.partnersupport.model.ConsentType;
import uk.dapp.client.partnersupport.model.SharingScope;
import uk.dapp.web.forms.DateInput;

/** A consent: the API's ConsentNew, under the same names. */
public class ConsentForm {

    private ConsentType type;
    private DateInput givenOn = new DateInput();
    private List<SharingScope> scope = new ArrayList<>();

    ConsentNew toRequest(BindingResult form) {
        return new ConsentNew()
                .type(type)
                .givenOn(givenOn.toDate(form, "givenOn"))
                .scope(scope.isEmpty() ? null : new java.util.LinkedHashSet<>(scope));
    }

    public ConsentType getType() {
        return type;
    }

    public void setType(ConsentType type) {
        this.type = type;
    }

    public DateInput getGivenOn() {
        return givenOn;
    }

    public void setGivenOn(DateInput givenOn) {
        this.givenOn = givenOn;
    }

    public List<SharingScope> getScope() {
        return scope;
    }

    public void setScope(List<SharingScope> scope) {
        this.scope = scope == null ? new ArrayList<>() : scope;
    }
}
