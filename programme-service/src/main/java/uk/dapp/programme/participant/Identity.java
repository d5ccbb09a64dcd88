package uk.dapp.programme.participant;

import static uk.dapp.platform.privacy.SensitivityLabel.DIRECT_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.FREE_TEXT;
import static uk.dapp.platform.privacy.SensitivityLabel.QUASI_IDENTIFIER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uk.dapp.platform.privacy.Sensitivity;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.programme.catalogue.Sex;

/**
 * Who the person of a case is, as the programme holds it for its own work: never passed to partner
 * support, never in an evaluator's contribution (which has its sex from the referral and no more).
 */
public record Identity(
        @Sensitivity(DIRECT_IDENTIFIER) String givenName,
        @Sensitivity(DIRECT_IDENTIFIER) String familyName,
        @Sensitivity(DIRECT_IDENTIFIER) LocalDate dateOfBirth,
        @Sensitivity(QUASI_IDENTIFIER) Sex sex,
        PreferredContact preferredContact,
        @Sensitivity(DIRECT_IDENTIFIER) String probationReference,
        @Sensitivity(QUASI_IDENTIFIER) String interpreterLanguage,
        @Sensitivity(FREE_TEXT) String accessibilityNeeds) {

    /** The names of the parts, in the contract's spelling, that differ from {@code other}'s. */
    public List<String> differencesFrom(Identity other) {
        List<String> changed = new ArrayList<>();
        compare(changed, "givenName", givenName, other.givenName);
        compare(changed, "familyName", familyName, other.familyName);
        compare(changed, "dateOfBirth", dateOfBirth, other.dateOfBirth);
        compare(changed, "sex", sex, other.sex);
        compare(changed, "preferredContact", preferredContact, other.preferredContact);
        compare(changed, "probationReference", probationReference, other.probationReference);
        compare(changed, "interpreterLanguage", interpreterLanguage, other.interpreterLanguage);
        compare(changed, "accessibilityNeeds", accessibilityNeeds, other.accessibilityNeeds);
        return changed;
    }

    /**
     * The rules the contract cannot state: names not blank, a date of birth in the past, and the
     * detail the preferred contact method needs. The messages name the field and rule, never the value.
     *
     * @param prefix the field's path in the request ({@code participant.} or {@code identity.})
     */
    public void check(String prefix, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        if (givenName == null || givenName.isBlank()) {
            violations.add(new FieldViolation(prefix + "givenName", "NotBlank", "the given name must not be blank"));
        }
        if (familyName == null || familyName.isBlank()) {
            violations.add(new FieldViolation(prefix + "familyName", "NotBlank", "the family name must not be blank"));
        }
        if (dateOfBirth != null && !dateOfBirth.isBefore(today)) {
            violations.add(new FieldViolation(prefix + "dateOfBirth", "Past", "the date of birth must be in the past"));
        }
        if (preferredContact != null) {
            String contact = prefix + "preferredContact.";
            switch (preferredContact.method()) {
                case PHONE -> requireGiven(violations, contact + "phone", preferredContact.phone(), "PHONE");
                case EMAIL -> requireGiven(violations, contact + "email", preferredContact.email(), "EMAIL");
                case LETTER -> requireGiven(violations, contact + "address", preferredContact.address(), "LETTER");
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /** The same identity with surrounding spaces taken off the names. */
    public Identity tidy() {
        return new Identity(
                strip(givenName),
                strip(familyName),
                dateOfBirth,
                sex,
                preferredContact,
                probationReference,
                strip(interpreterLanguage),
                accessibilityNeeds);
    }

    private static void requireGiven(List<FieldViolation> violations, String field, String value, String method) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "RequiredForMethod", "contact by " + method + " needs it"));
        }
    }

    private static void compare(List<String> changed, String name, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add(name);
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
