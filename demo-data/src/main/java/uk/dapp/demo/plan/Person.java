package uk.dapp.demo.plan;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * One invented perpetrator and everything that happens to his (or her) case: registered on the risk
 * matrix with an incident history, maybe routed, maybe referred to a programme, his partners
 * supported. {@code referral} is the direct referral: used when the person is referred by another
 * source, or engaged without a programme pathway the programmes accept.
 */
public record Person(
        int index,
        String givenName,
        String familyName,
        String sex,
        LocalDate dateOfBirth,
        String policeId,
        String probationId,
        String area,
        List<IncidentPlan> incidents,
        Facts facts,
        Route route,
        String overrideReason,
        DirectReferral referral,
        ProgrammeJourney journey,
        List<PartnerPlan> partners) {

    public enum Route {
        /** left awaiting the offender manager's decision */
        UNDECIDED,
        ENGAGE,
        CATCH_AND_CONVICT
    }

    /** A referral from another source, straight to the programme service. */
    public record DirectReferral(boolean wanted, String source, boolean mandated) {}

    public int ageOn(LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    public List<String> victimKeys() {
        return incidents.stream().map(IncidentPlan::victimKey).distinct().toList();
    }
}
