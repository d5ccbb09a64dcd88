package uk.dapp.e2e.partnersupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dapp.client.partnersupport.ApiClient;
import uk.dapp.client.partnersupport.api.CaseSummaryApi;
import uk.dapp.client.partnersupport.api.ConsentApi;
import uk.dapp.client.partnersupport.api.ContactAttemptsApi;
import uk.dapp.client.partnersupport.api.DashApi;
import uk.dapp.client.partnersupport.api.DisclosuresApi;
import uk.dapp.client.partnersupport.api.HouseholdApi;
import uk.dapp.client.partnersupport.api.OutcomesApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.api.SafeContactApi;
import uk.dapp.client.partnersupport.api.SafetyPlansApi;
import uk.dapp.client.partnersupport.model.AbuseCategory;
import uk.dapp.client.partnersupport.model.AgeBand;
import uk.dapp.client.partnersupport.model.CloseReason;
import uk.dapp.client.partnersupport.model.ConsentNew;
import uk.dapp.client.partnersupport.model.ConsentType;
import uk.dapp.client.partnersupport.model.ContactAttemptNew;
import uk.dapp.client.partnersupport.model.ContactMethod;
import uk.dapp.client.partnersupport.model.ContactOutcome;
import uk.dapp.client.partnersupport.model.DashAnswer;
import uk.dapp.client.partnersupport.model.DashAssessment;
import uk.dapp.client.partnersupport.model.DashAssessmentNew;
import uk.dapp.client.partnersupport.model.Disclosure;
import uk.dapp.client.partnersupport.model.DisclosureNew;
import uk.dapp.client.partnersupport.model.HouseholdUpdate;
import uk.dapp.client.partnersupport.model.MaracCriterion;
import uk.dapp.client.partnersupport.model.OutcomeMeasures;
import uk.dapp.client.partnersupport.model.OutcomeNew;
import uk.dapp.client.partnersupport.model.OutcomePoint;
import uk.dapp.client.partnersupport.model.OutcomeSummary;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.PartnerSupportSummary;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.PartnerTrackOpen;
import uk.dapp.client.partnersupport.model.RiskAlert;
import uk.dapp.client.partnersupport.model.RiskLevel;
import uk.dapp.client.partnersupport.model.SafeContact;
import uk.dapp.client.partnersupport.model.SafeContactUpdate;
import uk.dapp.client.partnersupport.model.SafetyAction;
import uk.dapp.client.partnersupport.model.SafetyPlan;
import uk.dapp.client.partnersupport.model.SafetyPlanContent;
import uk.dapp.client.partnersupport.model.SharingScope;
import uk.dapp.client.partnersupport.model.SocialCareInvolvement;
import uk.dapp.client.partnersupport.model.TrackClosure;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.e2e.flows.Eventually;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.platform.caseid.CaseId;

/** A whole partner track through the gateway with the partner support worker's real token. */
class PartnerTrackJourneyE2ETest {

    private static final String WORKER = "partner-support-worker";
    private static final String ACCOUNT = "He followed me home from the bus stop on Tuesday";

    @Test
    void openContactConsentDashPlanDiscloseOutcomesAndClose() {
        ApiClient worker = PartnerSupportClients.as(WORKER);
        String caseId = CaseId.generate(new SecureRandom()).value();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        // open
        PartnerTrack track = new PartnerTracksApi(worker)
                .openPartnerTrack(
                        caseId,
                        new PartnerTrackOpen()
                                .relationship(PartnerRelationship.CURRENT_PARTNER)
                                .partnerName("Journey Example"));
        assertThat(track.getAllocatedWorker()).isEqualTo("demo-partner-support-worker");
        assertThat(track.getFirstContactDueOn()).isAfter(today.plusDays(4));
        assertThat(track.getContactMade()).isFalse();

        // attempt contact
        new ContactAttemptsApi(worker)
                .logContactAttempt(
                        track.getTrackId(),
                        new ContactAttemptNew()
                                .attemptedAt(OffsetDateTime.now().minusMinutes(1))
                                .method(ContactMethod.PHONE)
                                .outcome(ContactOutcome.REACHED));
        assertThat(new ContactAttemptsApi(worker).listContactAttempts(track.getTrackId()))
                .hasSize(1);
        SafeContact safe = new SafeContactApi(worker)
                .putSafeContact(
                        track.getTrackId(),
                        new SafeContactUpdate()
                                .safeNumber("07700 900314")
                                .safeTimes("weekdays 10 to 12")
                                .mayLeaveMessage(false)
                                .codeWord("lavender")
                                .version(0L));
        assertThat(new SafeContactApi(worker).getSafeContact(track.getTrackId()).getCodeWord())
                .isEqualTo("lavender");
        assertThat(safe.getVersion()).isZero();

        // consent
        new ConsentApi(worker)
                .recordConsent(
                        track.getTrackId(),
                        new ConsentNew().type(ConsentType.SUPPORT).givenOn(today));
        new ConsentApi(worker)
                .recordConsent(
                        track.getTrackId(),
                        new ConsentNew()
                                .type(ConsentType.INFORMATION_SHARING)
                                .givenOn(today)
                                .scope(Set.of(SharingScope.PROGRAMME)));
        assertThat(new ConsentApi(worker).listConsents(track.getTrackId())).hasSize(2);

        // DASH: 14 yes is visible high risk
        List<DashAnswer> answers = new ArrayList<>(Collections.nCopies(24, DashAnswer.NO));
        for (int i = 0; i < 14; i++) {
            answers.set(i, DashAnswer.YES);
        }
        DashAssessment dash = new DashApi(worker)
                .completeDashAssessment(
                        track.getTrackId(),
                        new DashAssessmentNew()
                                .answers(answers)
                                .completedOn(today)
                                .incidentsInLast12Months(1));
        assertThat(dash.getRiskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(dash.getMaracRecommended()).isTrue();
        assertThat(dash.getMaracCriteria()).containsExactly(MaracCriterion.VISIBLE_HIGH_RISK);
        assertThat(dash.getVersion()).isEqualTo(1);

        // safety plan
        SafetyPlan plan = new SafetyPlansApi(worker)
                .createSafetyPlan(
                        track.getTrackId(),
                        new SafetyPlanContent()
                                .addActionsItem(new SafetyAction()
                                        .description("Agree a safe word with a neighbour")
                                        .owner("partner"))
                                .addActionsItem(new SafetyAction()
                                        .description("Refer to MARAC")
                                        .owner("IDVA")
                                        .dueOn(today.plusDays(2)))
                                .reviewOn(today.plusDays(14)));
        assertThat(plan.getActions()).hasSize(2);

        // disclosure: recorded in full, alert pending with only case, level, category, date
        Disclosure disclosure = new DisclosuresApi(worker)
                .recordDisclosure(
                        track.getTrackId(),
                        new DisclosureNew()
                                .disclosedOn(today)
                                .category(AbuseCategory.STALKING_HARASSMENT)
                                .riskLevel(RiskLevel.HIGH)
                                .account(ACCOUNT)
                                .location("Elm Road bus stop"));
        assertThat(disclosure.getAccount()).isEqualTo(ACCOUNT);
        List<RiskAlert> alerts = new DisclosuresApi(worker).listRiskAlerts(caseId);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getAlertId()).isEqualTo(disclosure.getAlertId());
            assertThat(alert.getStatus().getValue()).isEqualTo("PENDING");
            assertThat(alert.getLevel()).isEqualTo(RiskLevel.HIGH);
            assertThat(alert.getCategory()).isEqualTo(AbuseCategory.STALKING_HARASSMENT);
            assertThat(alert.getDate()).isEqualTo(today);
        });
        HttpResponse<String> rawAlerts = Http.get(
                TheSystem.get().api("partner-support") + "/cases/" + caseId + "/risk-alerts",
                TheSystem.get().keycloak().tokenFor(WORKER));
        assertThat(rawAlerts.body())
                .doesNotContain("bus stop")
                .doesNotContain("followed")
                .doesNotContain("Journey");

        // children in the household
        new HouseholdApi(worker)
                .putHousehold(
                        track.getTrackId(),
                        new HouseholdUpdate()
                                .childrenCount(1)
                                .ageBands(List.of(AgeBand.AGE_5_TO_10))
                                .socialCare(SocialCareInvolvement.EARLY_HELP)
                                .version(0L));

        // outcomes at intake and exit
        new OutcomesApi(worker)
                .recordOutcome(
                        track.getTrackId(),
                        new OutcomeNew()
                                .point(OutcomePoint.INTAKE)
                                .recordedOn(today)
                                .measures(measures(2)));
        new OutcomesApi(worker)
                .recordOutcome(
                        track.getTrackId(),
                        new OutcomeNew()
                                .point(OutcomePoint.EXIT)
                                .recordedOn(today)
                                .measures(measures(4)));
        OutcomeSummary outcomes = new OutcomesApi(worker).getOutcomes(track.getTrackId());
        assertThat(outcomes.getPoints()).hasSize(2);
        assertThat(outcomes.getChanges())
                .singleElement()
                .satisfies(change -> assertThat(change.getChanges()).containsEntry("feelingSafe", 2));

        // what the programme may know, of a case it holds: a referral, and its news arrived (ADR 0009)
        Clients.referrals("facilitator")
                .createReferral(new ReferralCreate()
                        .caseId(caseId)
                        .programmeCode("DRIVE-1TO1")
                        .source(ReferralSource.POLICE)
                        .mandated(false)
                        .riskLevel(uk.dapp.client.programme.model.RiskLevel.HIGH));
        PartnerSupportSummary forFacilitator = Eventually.until(
                "the summary for a case the programme holds",
                () -> new CaseSummaryApi(PartnerSupportClients.as("facilitator")).getPartnerSupportSummary(caseId),
                summary -> true);
        assertThat(forFacilitator.getTrackExists()).isTrue();
        assertThat(forFacilitator.getCurrentRiskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(forFacilitator.getContactMade()).isTrue();
        PartnerSupportSummary forPolice =
                new CaseSummaryApi(PartnerSupportClients.as("offender-manager")).getPartnerSupportSummary(caseId);
        assertThat(forPolice.getTrackExists()).isTrue();
        assertThat(forPolice.getCurrentRiskLevel()).isNull();
        assertThat(forPolice.getContactMade()).isNull();

        // close: the history stays, nothing new is taken
        PartnerTrack current = new PartnerTracksApi(worker).getPartnerTrack(track.getTrackId());
        PartnerTrack closed = new PartnerTracksApi(worker)
                .closePartnerTrack(
                        track.getTrackId(),
                        new TrackClosure().reason(CloseReason.SUPPORT_COMPLETED).version(current.getVersion()));
        assertThat(closed.getStatus().getValue()).isEqualTo("CLOSED");
        assertThat(closed.getHistory()).hasSize(2);
        assertThat(new DisclosuresApi(worker).listDisclosures(track.getTrackId()))
                .hasSize(1);
        HttpResponse<String> late = Http.send(
                "POST",
                TheSystem.get().api("partner-support") + "/partner-tracks/" + track.getTrackId() + "/contact-attempts",
                TheSystem.get().keycloak().tokenFor(WORKER),
                "{\"attemptedAt\":\"" + OffsetDateTime.now().minusMinutes(1)
                        + "\",\"method\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("CLOSED");
    }

    private static OutcomeMeasures measures(int score) {
        return new OutcomeMeasures()
                .cessationOfAbuse(score)
                .riskNow(score)
                .feelingSafe(score)
                .qualityOfLife(score)
                .respectfulRelationship(score)
                .spaceForAction(score)
                .safetyAndFreedomFromViolence(score)
                .awarenessOfSelfAndOthers(score)
                .childrensFear(score)
                .saferChildhoods(score);
    }
}
