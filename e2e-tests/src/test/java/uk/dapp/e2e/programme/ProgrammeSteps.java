package uk.dapp.e2e.programme;

import java.time.OffsetDateTime;
import java.util.UUID;
import uk.dapp.client.programme.model.AssessmentCreate;
import uk.dapp.client.programme.model.Attendance;
import uk.dapp.client.programme.model.AttendanceCreate;
import uk.dapp.client.programme.model.AttendanceOutcome;
import uk.dapp.client.programme.model.EnrolmentCreate;
import uk.dapp.client.programme.model.ExitOutcomeCreate;
import uk.dapp.client.programme.model.MentalHealth;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralMove;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.programme.model.SessionCreate;
import uk.dapp.client.programme.model.SubstanceMisuse;
import uk.dapp.e2e.support.TheSystem;

/** Steps of a programme journey, by a facilitator and a service manager with real tokens. */
public final class ProgrammeSteps {

    private static final String FACILITATOR = "facilitator";
    private static final String MANAGER = "service-manager";

    private ProgrammeSteps() {}

    public static AssessmentCreate assessment(int motivation) {
        return new AssessmentCreate()
                .motivation(motivation)
                .accountability(4)
                .awareness(4)
                .mentalHealth(MentalHealth.NO_CONCERN)
                .substanceMisuse(SubstanceMisuse.MANAGED)
                .riskPosed(RiskLevel.HIGH)
                .groupWorkSuitable(true);
    }

    public static Attendance attend(UUID sessionId, UUID referralId, AttendanceOutcome outcome) {
        return ProgrammeClients.sessions(FACILITATOR)
                .recordAttendance(sessionId, referralId, new AttendanceCreate().outcome(outcome));
    }

    public static UUID groupSession(UUID groupId, OffsetDateTime at) {
        return ProgrammeClients.sessions(FACILITATOR)
                .scheduleSession(new SessionCreate().groupId(groupId).scheduledAt(at))
                .getSessionId();
    }

    public static UUID oneToOne(UUID referralId, OffsetDateTime at) {
        return ProgrammeClients.sessions(FACILITATOR)
                .scheduleSession(new SessionCreate().referralId(referralId).scheduledAt(at))
                .getSessionId();
    }

    /**
     * A new facilitator of the demo users' team (north), added to Keycloak for the test: a case manager
     * the service accepts for the team's cases, whose caseload only the test fills.
     */
    public static String newCaseManager() {
        return TheSystem.get().keycloak().newTeamMember("north", "facilitator");
    }

    /**
     * A one-to-one (Drive-style) referral taken from assessment to a compliance review: suitable,
     * onto a case manager's caseload, one attended session, then unacceptable absences up to the
     * programme's threshold.
     */
    public static void toComplianceReview(UUID referralId, String programmeCode) {
        ProgrammeClients.suitability(FACILITATOR).recordAssessment(referralId, assessment(3));
        ProgrammeClients.enrolment(MANAGER).enrol(referralId, new EnrolmentCreate().caseManager(newCaseManager()));
        int threshold = ProgrammeClients.programmes(FACILITATOR)
                .getProgramme(programmeCode)
                .getNonComplianceThreshold();
        // sessions already held (attendance is recorded once a session has begun)
        OffsetDateTime at = OffsetDateTime.now(java.time.ZoneOffset.UTC).minusWeeks(threshold + 1L);
        attend(oneToOne(referralId, at), referralId, AttendanceOutcome.ATTENDED_COMPLIED);
        for (int i = 1; i <= threshold; i++) {
            attend(oneToOne(referralId, at.plusWeeks(i)), referralId, AttendanceOutcome.UNACCEPTABLE_ABSENCE);
        }
    }

    /** The exit for non-compliance after the review: {@code breach} when mandated, {@code exclude} when voluntary. */
    public static Referral exitForNonCompliance(UUID referralId, String exitMove) {
        return ProgrammeClients.referrals(FACILITATOR)
                .moveReferral(
                        referralId,
                        new ReferralMove()
                                .move(exitMove)
                                .reason("unacceptable absences after the compliance review")
                                .outcome(new ExitOutcomeCreate()
                                        .summary("exit for non-compliance")
                                        .riskLevelAtExit(RiskLevel.HIGH)));
    }
}
