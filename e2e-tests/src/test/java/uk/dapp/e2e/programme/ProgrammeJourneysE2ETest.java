package uk.dapp.e2e.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dapp.e2e.programme.ProgrammeSteps.assessment;
import static uk.dapp.e2e.programme.ProgrammeSteps.attend;
import static uk.dapp.e2e.programme.ProgrammeSteps.groupSession;
import static uk.dapp.e2e.programme.ProgrammeSteps.oneToOne;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.PartnerTrackOpen;
import uk.dapp.client.programme.model.Alert;
import uk.dapp.client.programme.model.AlertCreate;
import uk.dapp.client.programme.model.AlertReviewCreate;
import uk.dapp.client.programme.model.Assessment;
import uk.dapp.client.programme.model.Attendance;
import uk.dapp.client.programme.model.AttendanceOutcome;
import uk.dapp.client.programme.model.CaseloadEntry;
import uk.dapp.client.programme.model.EnrolmentCreate;
import uk.dapp.client.programme.model.ExitOutcomeCreate;
import uk.dapp.client.programme.model.Group;
import uk.dapp.client.programme.model.GroupCreate;
import uk.dapp.client.programme.model.MiSessionCreate;
import uk.dapp.client.programme.model.Notification;
import uk.dapp.client.programme.model.Programme;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralMove;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.ReviewCreate;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.client.programme.model.SuitabilityOutcome;
import uk.dapp.client.programme.model.TimelineEntry;
import uk.dapp.e2e.flows.Eventually;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.Keycloak;
import uk.dapp.e2e.support.TheSystem;

/**
 * The programme service end to end, through the gateway with real Keycloak tokens: a Change-style
 * group journey to completion and a Drive-style one-to-one journey ending in exit for non-compliance.
 */
class ProgrammeJourneysE2ETest {

    private static final String FACILITATOR = "facilitator";
    private static final String MANAGER = "service-manager";
    /** The demo facilitator's username: the group's facilitator and the mandated referral's probation officer. */
    private static final String DEMO_FACILITATOR = "demo-facilitator";

    @Test
    void aChangeStyleGroupJourneyFromReferralToCompletion() {
        Programme change = ProgrammeClients.programmes("offender-manager").getProgramme("CHANGE-GROUP");
        assertThat(change.getDurationWeeks()).isGreaterThanOrEqualTo(22);
        int required = change.getSessionCount();

        Referral referral = ProgrammeClients.referrals("offender-manager")
                .createReferral(new ReferralCreate()
                        .programmeCode("CHANGE-GROUP")
                        .source(ReferralSource.POLICE)
                        .mandated(false)
                        .riskLevel(RiskLevel.MEDIUM)
                        .sex(Sex.MALE));
        UUID id = referral.getReferralId();
        assertThat(referral.getStatus().getValue()).isEqualTo("REFERRED");
        // partner support supports the case: its partner support worker may follow the programme status
        Clients.partnerTracks("partner-support-worker")
                .openPartnerTrack(
                        referral.getCaseId(),
                        new PartnerTrackOpen()
                                .relationship(PartnerRelationship.CURRENT_PARTNER)
                                .partnerName("Fictional Changepartner"));

        Assessment first = ProgrammeClients.suitability(FACILITATOR).recordAssessment(id, assessment(2));
        assertThat(first.getOutcome()).isEqualTo(SuitabilityOutcome.NEEDS_MOTIVATIONAL_WORK);
        for (int i = 1; i <= change.getMiSessionCap(); i++) {
            ProgrammeClients.suitability(FACILITATOR)
                    .recordMiSession(
                            id, new MiSessionCreate().heldOn(LocalDate.now().minusDays(10 - i)));
        }
        assertThatThrownBy(() -> ProgrammeClients.suitability(FACILITATOR)
                        .recordMiSession(id, new MiSessionCreate().heldOn(LocalDate.now())))
                .isInstanceOfSatisfying(
                        HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
        Assessment second = ProgrammeClients.suitability(FACILITATOR).recordAssessment(id, assessment(4));
        assertThat(second.getOutcome()).isEqualTo(SuitabilityOutcome.SUITABLE);
        assertThat(second.getVersion()).isEqualTo(2);

        Group group = ProgrammeClients.enrolment(MANAGER)
                .createGroup(new GroupCreate()
                        .programmeCode("CHANGE-GROUP")
                        .name("E2E Tuesday evening")
                        .startsOn(LocalDate.now().plusDays(1))
                        .facilitators(List.of(DEMO_FACILITATOR)));
        Referral enrolled =
                ProgrammeClients.enrolment(FACILITATOR).enrol(id, new EnrolmentCreate().groupId(group.getGroupId()));
        assertThat(enrolled.getStatus().getValue()).isEqualTo("ENROLLED");

        // sessions already held (attendance is recorded once a session has begun), entered afterwards
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusWeeks(required + 1L);
        UUID firstSession = groupSession(group.getGroupId(), start);
        assertThat(attend(firstSession, id, AttendanceOutcome.ATTENDED_COMPLIED)
                        .getReferralStatus()
                        .getValue())
                .isEqualTo("ON_PROGRAMME");

        Alert alert = ProgrammeClients.alerts(FACILITATOR)
                .raiseAlert(id, new AlertCreate().concern("partner support reports a new threat"));
        assertThat(alert.getOverdue()).isFalse();
        assertThatThrownBy(() -> ProgrammeClients.alerts(FACILITATOR)
                        .reviewAlert(alert.getAlertId(), new AlertReviewCreate().actionsTaken("x")))
                .isInstanceOfSatisfying(
                        HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
        Alert reviewed = ProgrammeClients.alerts(MANAGER)
                .reviewAlert(
                        alert.getAlertId(), new AlertReviewCreate().actionsTaken("safety plan reviewed with the IDVA"));
        assertThat(reviewed.getStatus().getValue()).isEqualTo("REVIEWED");
        assertThat(reviewed.getOverdue()).isFalse();

        ProgrammeClients.reviews(FACILITATOR)
                .recordReview(
                        id,
                        new ReviewCreate()
                                .riskLevel(RiskLevel.MEDIUM)
                                .safetyActions("weekly check with partner support")
                                .addAttendeesItem(new uk.dapp.client.programme.model.ReviewAttendee()
                                        .name("Alex Example")
                                        .role("case manager"))
                                .addActionsItem(new uk.dapp.client.programme.model.ReviewAction()
                                        .action("weekly check with partner support")
                                        .owner("Alex Example")));

        List<CaseloadEntry> caseload = ProgrammeClients.views(FACILITATOR).getCaseload();
        assertThat(caseload).extracting(CaseloadEntry::getReferralId).contains(id);

        for (int week = 1; week < required; week++) {
            attend(groupSession(group.getGroupId(), start.plusWeeks(week)), id, AttendanceOutcome.ATTENDED_COMPLIED);
        }
        Referral completed = ProgrammeClients.referrals(FACILITATOR)
                .moveReferral(
                        id,
                        new ReferralMove()
                                .move("complete")
                                .reason("all sessions attended")
                                .outcome(new ExitOutcomeCreate()
                                        .summary("completed; no new incidents reported")
                                        .riskLevelAtExit(RiskLevel.STANDARD)));
        assertThat(completed.getStatus().getValue()).isEqualTo("COMPLETED");
        assertThat(completed.getExit().getSessionsAttended()).isEqualTo(required);

        // the referring offender manager reads the status and the outcome
        Referral seen = ProgrammeClients.referrals("offender-manager").getReferral(id);
        assertThat(seen.getStatus().getValue()).isEqualTo("COMPLETED");
        assertThat(seen.getExit().getSummary()).isEqualTo("completed; no new incidents reported");
        // once partner support's news of the track has arrived (ADR 0009)
        assertThat(Eventually.until(
                        "the programme status for the partner's worker",
                        () -> ProgrammeClients.views("partner-support-worker")
                                .getProgrammeStatus(referral.getCaseId())
                                .getProgrammes(),
                        list -> !list.isEmpty()))
                .singleElement()
                .satisfies(p -> assertThat(p.getStatus().getValue()).isEqualTo("COMPLETED"));
        List<TimelineEntry> timeline = ProgrammeClients.views(MANAGER).getTimeline(id);
        assertThat(timeline)
                .extracting(e -> e.getKind().getValue())
                .contains("ASSESSMENT", "MI_SESSION", "ATTENDANCE", "ALERT", "ALERT_REVIEW", "REVIEW", "STATUS");
    }

    /** A mandated Drive-style referral from the risk matrix, assessed suitable: waiting to be enrolled. */
    private static UUID suitableMandatedOneToOne() {
        UUID id = ProgrammeClients.referrals(FACILITATOR)
                .createReferral(new ReferralCreate()
                        .programmeCode("DRIVE-1TO1")
                        .source(ReferralSource.RISK_MATRIX)
                        .mandated(true)
                        .riskLevel(RiskLevel.HIGH)
                        .responsibleProbationOfficer(DEMO_FACILITATOR))
                .getReferralId();
        ProgrammeClients.suitability(FACILITATOR).recordAssessment(id, assessment(3));
        return id;
    }

    /** Against Keycloak's real admin API: the check reads the named user's own groups and roles. */
    @Test
    void aOneToOneCaseIsEnrolledOnlyOntoAFacilitatorOrServiceManagerKeycloakHasInItsTeam() {
        UUID id = suitableMandatedOneToOne();
        Keycloak keycloak = TheSystem.get().keycloak();

        for (String someoneElse : List.of(
                keycloak.newTeamMember("south", "facilitator"),
                keycloak.newTeamMember("north", "offender-manager"),
                "nobody-by-this-name")) {
            assertThatThrownBy(() -> ProgrammeClients.enrolment(MANAGER)
                            .enrol(id, new EnrolmentCreate().caseManager(someoneElse)))
                    .as(someoneElse)
                    .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(400);
                        assertThat(e.getResponseBodyAsString())
                                .contains("\"field\":\"caseManager\"")
                                .contains("TeamFacilitator");
                    });
        }
        String serviceManager = keycloak.newTeamMember("north", "service-manager");
        Referral enrolled = ProgrammeClients.enrolment(MANAGER)
                .enrol(id, new EnrolmentCreate().caseManager(serviceManager.toUpperCase(Locale.ROOT)));
        assertThat(enrolled.getStatus().getValue()).isEqualTo("ENROLLED");
        assertThat(enrolled.getCaseManager()).isEqualTo(serviceManager);
    }

    @Test
    void aDriveStyleOneToOneJourneyEndingInExitForNonCompliance() {
        UUID id = suitableMandatedOneToOne();
        Referral enrolled = ProgrammeClients.enrolment(MANAGER)
                .enrol(id, new EnrolmentCreate().caseManager(ProgrammeSteps.newCaseManager()));
        assertThat(enrolled.getStatus().getValue()).isEqualTo("ENROLLED");

        int threshold = ProgrammeClients.programmes(FACILITATOR)
                .getProgramme("DRIVE-1TO1")
                .getNonComplianceThreshold();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusWeeks(threshold + 1L);
        attend(oneToOne(id, at), id, AttendanceOutcome.ATTENDED_COMPLIED);
        Attendance last = null;
        for (int i = 1; i <= threshold; i++) {
            last = attend(oneToOne(id, at.plusWeeks(i)), id, AttendanceOutcome.UNACCEPTABLE_ABSENCE);
        }
        assertThat(last.getReferralStatus().getValue()).isEqualTo("COMPLIANCE_REVIEW");
        // the review is due: the mandated referral's probation officer is told, through the outbox (ADR 0016)
        List<Notification> notices = uk.dapp.e2e.flows.Eventually.until(
                "the compliance review in the inbox",
                () -> ProgrammeClients.notifications(FACILITATOR)
                        .listNotifications(false, 0, 100)
                        .getItems(),
                list -> list.stream().anyMatch(n -> n.getSubjectId().equals(id.toString())));
        assertThat(notices)
                .filteredOn(n -> n.getSubjectId().equals(id.toString()))
                .singleElement()
                .satisfies(n -> assertThat(n.getKind().getValue()).isEqualTo("COMPLIANCE_REVIEW_DUE"));

        assertThatThrownBy(() -> ProgrammeClients.referrals(FACILITATOR)
                        .moveReferral(
                                id, new ReferralMove().move("first-attendance").reason("by hand")))
                .isInstanceOfSatisfying(HttpClientErrorException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    assertThat(e.getResponseBodyAsString())
                            .contains("allowedMoves")
                            .contains("breach");
                });
        Referral breached = ProgrammeClients.referrals(FACILITATOR)
                .moveReferral(
                        id,
                        new ReferralMove()
                                .move("breach")
                                .reason(threshold + " unacceptable absences; order breached")
                                .outcome(new ExitOutcomeCreate()
                                        .summary("exit for non-compliance; back to the risk matrix")
                                        .riskLevelAtExit(RiskLevel.HIGH)));
        assertThat(breached.getStatus().getValue()).isEqualTo("BREACHED");
        assertThat(breached.getExit().getExitMove()).isEqualTo("breach");
        assertThat(breached.getAllowedMoves()).isEmpty();
    }
}
