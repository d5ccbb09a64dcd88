package uk.dapp.programme.referral;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import uk.dapp.platform.problem.FieldViolation;

/**
 * A current or ex-partner named with a referral, or passed on later, on the way to partner support.
 * Held only in the referral's outbox entry until delivered: never stored elsewhere here, never
 * returned, never logged (hence the {@link #toString()} that withholds the details).
 */
public record Partner(Relationship relationship, String name, String phone) {

    public enum Relationship {
        CURRENT_PARTNER,
        EX_PARTNER
    }

    /** Digits, spaces and + ( ) - only; 7 to 15 digits (the longest international number, E.164). */
    private static final Pattern PHONE = Pattern.compile("^[+]?[0-9 ()-]+$");

    /** Surrounding spaces go; a blank phone is no phone. */
    static List<Partner> tidy(List<Partner> partners) {
        return partners == null
                ? List.of()
                : partners.stream().map(Partner::tidy).toList();
    }

    private static Partner tidy(Partner partner) {
        String phone = partner.phone() == null || partner.phone().isBlank()
                ? null
                : partner.phone().trim();
        return new Partner(
                partner.relationship(),
                partner.name() == null ? null : partner.name().trim(),
                phone);
    }

    /**
     * The rules on a list of (tidied) partners, wherever they are given: each is named (not blank)
     * once, with a phone number that looks like one. The messages name the field ({@code
     * partners[i].name}) and rule only: they never repeat what was sent.
     */
    static List<FieldViolation> check(List<Partner> partners) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < partners.size(); i++) {
            Partner partner = partners.get(i);
            String field = "partners[" + i + "]";
            if (partner.name() == null || partner.name().isEmpty()) {
                violations.add(new FieldViolation(field + ".name", "NotBlank", "each partner needs a name"));
            } else if (!named.add(partner.relationship() + "/" + partner.name().toLowerCase(Locale.ROOT))) {
                violations.add(
                        new FieldViolation(field, "NamedOnce", "this partner is already named earlier in the list"));
            }
            if (partner.phone() != null && !isPhoneNumber(partner.phone())) {
                violations.add(new FieldViolation(
                        field + ".phone",
                        "PhoneNumber",
                        "a phone number has digits, spaces and + ( ) - only, with 7 to 15 digits"));
            }
        }
        return violations;
    }

    static boolean isPhoneNumber(String phone) {
        long digits = phone.chars().filter(Character::isDigit).count();
        return PHONE.matcher(phone).matches() && digits >= 7 && digits <= 15;
    }

    @Override
    public String toString() {
        return "Partner[" + relationship + ", details withheld]";
    }
}
