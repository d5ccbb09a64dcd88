package uk.dapp.web.programme.participants;

import static uk.dapp.web.forms.Typed.given;

import org.springframework.validation.BindingResult;
import uk.dapp.client.programme.model.ContactMethod;
import uk.dapp.client.programme.model.ParticipantIdentity;
import uk.dapp.client.programme.model.PreferredContact;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.web.forms.DateInput;

/**
 * Who the person is, as typed: the API's ParticipantIdentity under the same names, nested in the
 * referral form ({@code participant.…}) and the correction form ({@code identity.…}), so that the
 * service's errors land beside the fields. A blank box is "not given"; the service says what is needed.
 */
public class IdentityFields {

    private String givenName;
    private String familyName;
    private DateInput dateOfBirth = new DateInput();
    private Sex sex;
    private ContactFields preferredContact = new ContactFields();
    private String probationReference;
    private String interpreterLanguage;
    private String accessibilityNeeds;

    public static IdentityFields of(ParticipantIdentity identity) {
        IdentityFields fields = new IdentityFields();
        fields.givenName = identity.getGivenName();
        fields.familyName = identity.getFamilyName();
        fields.dateOfBirth = DateInput.of(identity.getDateOfBirth());
        fields.sex = identity.getSex();
        fields.preferredContact = ContactFields.of(identity.getPreferredContact());
        fields.probationReference = identity.getProbationReference();
        fields.interpreterLanguage = identity.getInterpreterLanguage();
        fields.accessibilityNeeds = identity.getAccessibilityNeeds();
        return fields;
    }

    /** The identity as typed; {@code path} is where these fields sit in the form ("participant", "identity"). */
    public ParticipantIdentity toIdentity(BindingResult form, String path) {
        return new ParticipantIdentity()
                .givenName(given(givenName))
                .familyName(given(familyName))
                .dateOfBirth(dateOfBirth.toDate(form, path + ".dateOfBirth"))
                .sex(sex)
                .preferredContact(preferredContact.toContact())
                .probationReference(given(probationReference))
                .interpreterLanguage(given(interpreterLanguage))
                .accessibilityNeeds(given(accessibilityNeeds));
    }

    /** Whether anything at all was typed (a referral from a source that brings no identity may leave it out). */
    public boolean isEmpty() {
        return given(givenName) == null
                && given(familyName) == null
                && dateOfBirth.isEmpty()
                && sex == null
                && preferredContact.toContact() == null
                && given(probationReference) == null
                && given(interpreterLanguage) == null
                && given(accessibilityNeeds) == null;
    }

    /** How to reach the person: the API's PreferredContact; none when nothing of it was typed. */
    public static class ContactFields {
        private ContactMethod method;
        private String phone;
        private String email;
        private String address;
        private String safeTimes;

        static ContactFields of(PreferredContact contact) {
            ContactFields fields = new ContactFields();
            if (contact != null) {
                fields.method = contact.getMethod();
                fields.phone = contact.getPhone();
                fields.email = contact.getEmail();
                fields.address = contact.getAddress();
                fields.safeTimes = contact.getSafeTimes();
            }
            return fields;
        }

        PreferredContact toContact() {
            if (method == null
                    && given(phone) == null
                    && given(email) == null
                    && given(address) == null
                    && given(safeTimes) == null) {
                return null;
            }
            return new PreferredContact()
                    .method(method)
                    .phone(given(phone))
                    .email(given(email))
                    .address(given(address))
                    .safeTimes(given(safeTimes));
        }

        public ContactMethod getMethod() {
            return method;
        }

        public void setMethod(ContactMethod method) {
            this.method = method;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getSafeTimes() {
            return safeTimes;
        }

        public void setSafeTimes(String safeTimes) {
            this.safeTimes = safeTimes;
        }
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public DateInput getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(DateInput dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }

    public Sex getSex() {
        return sex;
    }

    public void setSex(Sex sex) {
        this.sex = sex;
    }

    public ContactFields getPreferredContact() {
        return preferredContact;
    }

    public void setPreferredContact(ContactFields preferredContact) {
        this.preferredContact = preferredContact;
    }

    public String getProbationReference() {
        return probationReference;
    }

    public void setProbationReference(String probationReference) {
        this.probationReference = probationReference;
    }

    public String getInterpreterLanguage() {
        return interpreterLanguage;
    }

    public void setInterpreterLanguage(String interpreterLanguage) {
        this.interpreterLanguage = interpreterLanguage;
    }

    public String getAccessibilityNeeds() {
        return accessibilityNeeds;
    }

    public void setAccessibilityNeeds(String accessibilityNeeds) {
        this.accessibilityNeeds = accessibilityNeeds;
    }
}
