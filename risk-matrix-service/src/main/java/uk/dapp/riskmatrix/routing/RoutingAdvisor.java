package uk.dapp.riskmatrix.routing;

import java.util.ArrayList;
import java.util.List;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Recommendation;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.SuitabilityFacts;

/**
 * Recommends a route from the recorded facts and the current score:
 * <ul>
 * <li>not willing to engage when asked: CATCH_AND_CONVICT (no pathways);</li>
 * <li>willing: ENGAGE with offender management always, plus DRIVE for a serial perpetrator or a
 * harm score at or above {@link #HIGH_HARM_DAYS} (Drive works with high-harm, high-risk
 * perpetrators), otherwise the CHANGE_PROGRAMME group; DRUG_REHABILITATION for drug misuse,
 * ALCOHOL_GROUP for alcohol misuse, GPS_TAG when they consent to a tag, HOUSING for a housing need,
 * PROBATION when under an existing order or licence.</li>
 * </ul>
 * Every reason is stated. In custody does not change the route; it is noted, since pathways start on release.
 */
public final class RoutingAdvisor {

    /** Harm (days of custody in the window) at which Drive is advised over the Change programme. */
    public static final int HIGH_HARM_DAYS = 365;

    private RoutingAdvisor() {
    }

    public static Recommendation recommend(SuitabilityFacts facts, boolean serial, int harmDays) {
        List<String> reasons = new ArrayList<>();
        if (!facts.willingToEngage()) {
            reasons.add("declined to engage with support when asked: disrupt through catch and convict");
            if (facts.inCustody()) {
                reasons.add("in custody: remand conditions and protection orders are the immediate levers");
            }
            return new Recommendation(Route.CATCH_AND_CONVICT, List.of(), List.copyOf(reasons));
        }
        List<Pathway> pathways = new ArrayList<>();
        reasons.add("willing to engage when asked: support to change");
        pathways.add(Pathway.OFFENDER_MANAGEMENT);
        reasons.add("every engaged nominal is offender managed");
        if (serial || harmDays >= HIGH_HARM_DAYS) {
            pathways.add(Pathway.DRIVE);
            reasons.add(serial ? "serial perpetrator: Drive" : "harm " + harmDays + " days at or above "
                    + HIGH_HARM_DAYS + ": Drive");
        } else {
            pathways.add(Pathway.CHANGE_PROGRAMME);
            reasons.add("not serial and harm below " + HIGH_HARM_DAYS + " days: Change programme");
        }
        if (facts.drugMisuse()) {
            pathways.add(Pathway.DRUG_REHABILITATION);
            reasons.add("drug misuse: drug rehabilitation");
        }
        if (facts.alcoholMisuse()) {
            pathways.add(Pathway.ALCOHOL_GROUP);
            reasons.add("alcohol misuse: alcohol group");
        }
        if (facts.consentsToGpsTag()) {
            pathways.add(Pathway.GPS_TAG);
            reasons.add("consents to a GPS tag");
        }
        if (facts.housingNeed()) {
            pathways.add(Pathway.HOUSING);
            reasons.add("housing need");
        }
        if (facts.existingOrders()) {
            pathways.add(Pathway.PROBATION);
            reasons.add("under an existing order or licence: probation");
        }
        if (facts.inCustody()) {
            reasons.add("in custody: pathways start on release");
        }
        return new Recommendation(Route.ENGAGE, List.copyOf(pathways), List.copyOf(reasons));
    }
}
