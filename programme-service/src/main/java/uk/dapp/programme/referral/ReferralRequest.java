package uk.dapp.programme.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.programme.catalogue.Sex;

/**
 * A referral as asked for, with the rules the contract alone cannot state. The partners named are
 * passed on to partner support, never kept here (see {@link Partner}).
 */
public record ReferralRequest(String caseId, String programmeCode, ReferralSource source, boolean mandated,
        RiskLevel riskLevel, String responsibleProbationOfficer, Sex sex, LocalDate dateOfBirth,
        List<Partner> partners) {

    /** Digits, spaces and + ( ) - only; 7 to 15 digits (the longest international number, E.164). */
    private static final Pattern PHONE = Pattern.compile("^[+]?[0-9 ()-]+$");

    public ReferralRequest {
        partners = partners == null ? List.of() : partners.stream().map(ReferralRequest::tidy).toList();
    }

    public ReferralRequest(String caseId, String programmeCode, ReferralSource source, boolean mandated,
            RiskLevel riskLevel, String responsibleProbationOfficer) {
        this(caseId, programmeCode, source, mandated, riskLevel, responsibleProbationOfficer, null, null, List.of());
    }

    /** Surrounding spaces go; a blank phone is no phone. */
    private static Partner tidy(Partner partner) {
        String phone = partner.phone() == null || partner.phone().isBlank() ? null : partner.phone().trim();
        return new Partner(partner.relationship(), partner.name() == null ? null : partner.name().trim(), phone);
    }

    /**
     * A mandated referral names the probation officer to tell about non-compliance; each partner is
     * named (not blank) once, with a phone number that looks like one. The messages name the field
     * and rule only: they never repeat what was sent.
     */
    void check() {
        List<FieldViolation> violations = new ArrayList<>();
        if (mandated && (responsibleProbationOfficer == null || responsibleProbationOfficer.isBlank())) {
            violations.add(new FieldViolation("responsibleProbationOfficer", "RequiredWhenMandated",
                    "a mandated referral must name the responsible probation officer"));
        }
        Set<String> named = new HashSet<>();
        for (int i = 0; i < partners.size(); i++) {
            Partner partner = partners.get(i);
            String field = "partners[" + i + "]";
            if (partner.name() == null || partner.name().isEmpty()) {
                violations.add(new FieldViolation(field + ".name", "NotBlank", "each partner needs a name"));
            } else if (!named.add(partner.relationship() + "/" + partner.name().toLowerCase(Locale.ROOT))) {
                violations.add(new FieldViolation(field, "NamedOnce",
                        "this partner is already named earlier in the list"));
            }
            if (partner.phone() != null && !isPhoneNumber(partner.phone())) {
                violations.add(new FieldViolation(field + ".phone", "PhoneNumber",
                        "a phone number has digits, spaces and + ( ) - only, with 7 to 15 digits"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    static boolean isPhoneNumber(String phone) {
        long digits = phone.chars().filter(Character::isDigit).count();
        return PHONE.matcher(phone).matches() && digits >= 7 && digits <= 15;
    }

    @Override
    public String toString() {
        return "ReferralRequest[" + programmeCode + ", " + source + ", " + partners.size() + " partners]";
    }
}
