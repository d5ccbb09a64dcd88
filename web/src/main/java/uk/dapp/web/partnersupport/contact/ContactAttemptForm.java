package uk.dapp.web.partnersupport.contact;

import org.springframework.validation.BindingResult;
import uk.dapp.client.partnersupport.model.ContactAttemptNew;
import uk.dapp.client.partnersupport.model.ContactMethod;
import uk.dapp.client.partnersupport.model.ContactOutcome;
import uk.dapp.web.forms.DateTimeInput;

/** A contact attempt: the API's ContactAttemptNew, under the same names; when defaults to now. */
public class ContactAttemptForm {

    private DateTimeInput attemptedAt = new DateTimeInput();
    private ContactMethod method;
    private ContactOutcome outcome;

    static ContactAttemptForm now() {
        ContactAttemptForm form = new ContactAttemptForm();
        form.attemptedAt = DateTimeInput.now();
        return form;
    }

    ContactAttemptNew toRequest(BindingResult form) {
        return new ContactAttemptNew()
                .attemptedAt(attemptedAt.toDateTime(form, "attemptedAt"))
                .method(method)
                .outcome(outcome);
    }

    public DateTimeInput getAttemptedAt() {
        return attemptedAt;
    }

    public void setAttemptedAt(DateTimeInput attemptedAt) {
        this.attemptedAt = attemptedAt;
    }

    public ContactMethod getMethod() {
        return method;
    }

    public void setMethod(ContactMethod method) {
        this.method = method;
    }

    public ContactOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(ContactOutcome outcome) {
        this.outcome = outcome;
    }
}
