package uk.dapp.riskmatrix.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.PathwayEligibility;
import uk.dapp.riskmatrix.values.Recommendation;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.Sex;
import uk.dapp.riskmatrix.values.SuitabilityFacts;

/**
 * Recommends a route from the recorded facts, the current score, the person and who the programmes take:
 * <ul>
 * <li>not willing to engage when asked: CATCH_AND_CONVICT (no pathways);</li>
 * <li>willing: ENGAGE with offender management always, and one programme: DRIVE first for a serial
 * perpetrator or a harm score at or above {@link #HIGH_HARM_DAYS} (Drive works with high-harm, high-risk
 * perpetrators), else the CHANGE_PROGRAMME group, then the WOMENS_GROUP, then Drive; the first whose
 * programme's eligibility, as the programme last told the matrix, takes the person (sex, age, and the
 * risk level a referral would carry; an unrecorded sex or date of birth refuses nothing, as the
 * programme checks them at assessment). A programme that does not take the person is passed over with
 * the reason, one whose eligibility is not known yet is not offered, and when none takes the person no
 * programme is recommended. Then DRUG_REHABILITATION for drug misuse, ALCOHOL_GROUP for alcohol misuse,
 * GPS_TAG when they consent to a tag, HOUSING for a housing need, PROBATION when under an existing order
 * or licence.</li>
 * </ul>
 * Every reason is stated. In custody does not change the route; it is noted, since pathways start on release.
 */
public final class RoutingAdvisor {

    /** Harm (days of custody in the window) at which Drive is advised over the Change programme. */
    public static final int HIGH_HARM_DAYS = 365;

    /** Who the recommendation is for, as far as the programmes' eligibility asks: each part may be unknown (null). */
    public record Person(Sex sex, Integer age, RiskLevel referralRiskLevel) {}

    private RoutingAdvisor() {}

    public static Recommendation recommend(
            SuitabilityFacts facts,
            boolean serial,
            int harmDays,
            Person person,
            Map<Pathway, PathwayEligibility> eligibility) {
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
        programme(serial, harmDays, person, eligibility, pathways, reasons);
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

    /** The one programme pathway the person is taken on, if any, with why each one before it was passed over. */
    private static void programme(
            boolean serial,
            int harmDays,
            Person person,
            Map<Pathway, PathwayEligibility> eligibility,
            List<Pathway> pathways,
            List<String> reasons) {
        boolean drive = serial || harmDays >= HIGH_HARM_DAYS;
        String why = serial
                ? "serial perpetrator"
                : drive
                        ? "harm " + harmDays + " days at or above " + HIGH_HARM_DAYS
                        : "not serial and harm below " + HIGH_HARM_DAYS + " days";
        List<Pathway> order = drive
                ? List.of(Pathway.DRIVE, Pathway.CHANGE_PROGRAMME, Pathway.WOMENS_GROUP)
                : List.of(Pathway.CHANGE_PROGRAMME, Pathway.WOMENS_GROUP, Pathway.DRIVE);
        boolean passedOver = false;
        for (Pathway candidate : order) {
            PathwayEligibility takes = eligibility.get(candidate);
            if (takes == null) {
                reasons.add(label(candidate) + " is not offered: the programme has not told the matrix who it takes");
                passedOver = true;
                continue;
            }
            List<String> refusals = takes.refusals(person.sex(), person.age(), person.referralRiskLevel());
            if (!refusals.isEmpty()) {
                reasons.add(label(candidate) + " (" + takes.programmeCode() + ") does not take this person: "
                        + String.join("; ", refusals));
                passedOver = true;
                continue;
            }
            pathways.add(candidate);
            String lead = candidate == Pathway.DRIVE && !drive
                    ? "risk level " + person.referralRiskLevel()
                    : passedOver && candidate != Pathway.DRIVE && drive
                            ? why + ", but Drive does not take this person"
                            : why;
            reasons.add(lead + ": " + label(candidate) + " (" + takes.programmeCode() + ")");
            if (person.sex() == null && takes.oneSexOnly()) {
                reasons.add("sex not recorded: " + takes.programmeCode() + " takes " + sexes(takes)
                        + " only, and checks it at assessment");
            }
            if (person.age() == null) {
                reasons.add("date of birth not recorded: " + takes.programmeCode() + " checks the age at assessment");
            }
            return;
        }
        reasons.add("no programme in the catalogue takes this person: no programme pathway");
    }

    static String label(Pathway pathway) {
        return switch (pathway) {
            case DRIVE -> "Drive";
            case CHANGE_PROGRAMME -> "the Change group programme";
            case WOMENS_GROUP -> "the women's group";
            default -> pathway.name();
        };
    }

    private static String sexes(PathwayEligibility takes) {
        return takes.sexes().contains(Sex.MALE) ? "men" : "women";
    }
}
