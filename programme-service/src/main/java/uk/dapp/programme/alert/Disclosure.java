package uk.dapp.programme.alert;

import java.time.LocalDate;
import java.util.Locale;
import uk.dapp.platform.risk.RiskLevel;

/**
 * What partner support passes on of a partner's disclosure: only the level, the category and the
 * date, never the partner's words or whereabouts (docs/domain/partner-support.md).
 */
public record Disclosure(RiskLevel level, Category category, LocalDate disclosedOn) {

    /** The kinds of abuse disclosed (programme-service.yaml RiskAlertEvent.category). */
    public enum Category {
        PHYSICAL,
        SEXUAL,
        EMOTIONAL,
        COERCIVE_CONTROL,
        ECONOMIC,
        STALKING_HARASSMENT,
        THREATS,
        CHILD_RELATED,
        BREACH_OF_ORDER,
        OTHER
    }

    /** The facts in words for the alert's concern; made here from the three facts, never taken from the partner. */
    public String describe() {
        return "partner disclosure: " + category.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", risk level "
                + level + ", disclosed on " + disclosedOn;
    }
}
