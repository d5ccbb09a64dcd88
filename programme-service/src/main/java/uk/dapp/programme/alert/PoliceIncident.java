package uk.dapp.programme.alert;

import java.time.LocalDate;
import uk.dapp.platform.risk.RiskLevel;

/**
 * What the risk matrix passes on of a police incident against a nominal: the level, whether it was
 * domestic abuse, and the date only (programme-service.yaml PoliceIncidentEvent).
 */
public record PoliceIncident(RiskLevel level, Category category, LocalDate occurredOn) {

    public enum Category {
        DOMESTIC_ABUSE,
        OTHER
    }

    /** The facts in words for the alert's concern, made here from the three facts. */
    public String describe() {
        return "police incident: "
                + (category == Category.DOMESTIC_ABUSE ? "domestic abuse" : "other than domestic abuse")
                + ", risk level " + level + ", on " + occurredOn;
    }
}
