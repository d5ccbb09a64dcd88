package uk.dapp.gateway.outcomes;

import java.util.Locale;

/**
 * What a referral source widens to in the extract, when the source itself would single a person
 * out: the criminal justice system (police, probation, a court order, the risk matrix), another
 * agency (the MARAC, children's social care, health), or the person himself.
 */
final class ReferralSourceKind {

    static final String CRIMINAL_JUSTICE = "CRIMINAL_JUSTICE";
    static final String AGENCY = "AGENCY";
    static final String SELF = "SELF";

    private ReferralSourceKind() {}

    /** The kind of a source (the programme contract's ReferralSource); null for an unknown source. */
    static String of(String source) {
        if (source == null) {
            return null;
        }
        return switch (source.strip().toUpperCase(Locale.ROOT)) {
            case "POLICE", "PROBATION", "COURT_ORDER", "RISK_MATRIX" -> CRIMINAL_JUSTICE;
            case "MARAC", "CHILDRENS_SOCIAL_CARE", "HEALTH" -> AGENCY;
            case "SELF" -> SELF;
            default -> null;
        };
    }
}
