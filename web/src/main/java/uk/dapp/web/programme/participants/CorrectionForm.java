package uk.dapp.web.programme.participants;

import static uk.dapp.web.forms.Typed.given;

import org.springframework.validation.BindingResult;
import uk.dapp.client.programme.model.Participant;
import uk.dapp.client.programme.model.ParticipantCorrection;

/** "Correct who the person is": the API's ParticipantCorrection under the same names (the version read travels hidden). */
public class CorrectionForm {

    private IdentityFields identity = new IdentityFields();
    private long version;
    private String reason;

    /** Starts from the identity as recorded; a case with none starts empty at version 0. */
    static CorrectionForm of(Participant participant) {
        CorrectionForm form = new CorrectionForm();
        if (participant != null) {
            form.identity = IdentityFields.of(participant.getIdentity());
            form.version = participant.getVersion();
        }
        return form;
    }

    ParticipantCorrection toRequest(BindingResult form) {
        return new ParticipantCorrection()
                .identity(identity.toIdentity(form, "identity"))
                .version(version)
                .reason(given(reason));
    }

    public IdentityFields getIdentity() {
        return identity;
    }

    public void setIdentity(IdentityFields identity) {
        this.identity = identity;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
