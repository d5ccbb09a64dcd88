package uk.dapp.web.partnersupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static uk.dapp.web.GatewayResponses.problem;
import static uk.dapp.web.partnersupport.PartnerFixtures.API;
import static uk.dapp.web.partnersupport.PartnerFixtures.TRACK;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.web.WebTest;

/**
 * The partner support worker's forms: each sends what was typed under the API's names and shows the
 * service's answer (a 400's errors beside the fields, in the service's words or ours by rule). The
 * DASH checklist is the service's questions, in order, scored by the service; the page only keeps a
 * running count with the contract's thresholds.
 */
class PartnerFormsTest extends WebTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.security.oauth2.client.registration.ClientRegistrationRepository registrations;

    private static final String TRACK_PAGE = "/partner-support/tracks/" + TRACK;

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(SignedInWorker.as(
                                registrations.findByRegistrationId("keycloak"), "partner-support-worker"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private void stubQuestions() {
        GATEWAY.stubFor(get(urlPathEqualTo(API + "/dash/questions")).willReturn(okJson(PartnerFixtures.questions())));
    }

    @Test
    void theDashChecklistIsTheServicesQuestionsInOrderWithTheThresholdsAndWhyJudgementOnlyRaises() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        stubQuestions();
        String page = perform(MockMvcRequestBuilders.get(TRACK_PAGE + "/dash")).getContentAsString();
        assertThat(page)
                .contains("<title>DASH risk checklist – DAPP – GOV.UK</title>")
                .contains("data-dash-high-from=\"14\"")
                .contains("data-dash-medium-from=\"10\"")
                .contains(">14 or more<")
                .contains(">10 to 13<")
                .contains(">9 or fewer<")
                .contains("may raise the level the answers give, never lower it")
                .contains("The service counts the yes answers and works out the level when you save the checklist.");
        int previous = -1;
        for (int n = 1; n <= 24; n++) {
            int at = page.indexOf(n + ". Question number " + n + "?");
            assertThat(at).as("question %d, in order", n).isGreaterThan(previous);
            previous = at;
            assertThat(page)
                    .contains("name=\"answers[" + (n - 1) + "]\" value=\"YES\"")
                    .contains("name=\"answers[" + (n - 1) + "]\" value=\"NO\"")
                    .contains("name=\"answers[" + (n - 1) + "]\" value=\"NOT_KNOWN\"");
        }
        assertThat(page).doesNotContain("name=\"answers[24]\"");
    }

    @Test
    void theChecklistIsSentInTheQuestionsOrderAndTheServicesScoreIsShown() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        stubQuestions();
        GATEWAY.stubFor(post(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/dash-assessments"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(assessment())));
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(TRACK_PAGE + "/dash")
                .param("completedOn.day", "3")
                .param("completedOn.month", "3")
                .param("completedOn.year", "2026")
                .param("incidentsInLast12Months", "1")
                .param("professionalJudgement.level", "HIGH")
                .param("professionalJudgement.reason", "threats to the children last week");
        for (int i = 0; i < 24; i++) {
            request.param("answers[" + i + "]", i < 12 ? "YES" : i < 23 ? "NO" : "NOT_KNOWN");
        }
        MockHttpServletResponse response = perform(request);
        assertThat(response.getRedirectedUrl()).isEqualTo(TRACK_PAGE + "/dash/2");
        StringBuilder answers = new StringBuilder("[");
        for (int i = 0; i < 24; i++) {
            answers.append(i == 0 ? "" : ",").append(i < 12 ? "\"YES\"" : i < 23 ? "\"NO\"" : "\"NOT_KNOWN\"");
        }
        GATEWAY.verify(
                postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/dash-assessments"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"answers\":" + answers
                                                + "],\"completedOn\":\"2026-03-03\",\"incidentsInLast12Months\":1,"
                                                + "\"previousMaracReferralOn\":null,"
                                                + "\"professionalJudgement\":{\"level\":\"HIGH\",\"reason\":\"threats to the children last week\"}}")));

        GATEWAY.stubFor(get(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/dash-assessments"))
                .willReturn(okJson("[" + assessment() + "]")));
        String scored =
                perform(MockMvcRequestBuilders.get(TRACK_PAGE + "/dash/2")).getContentAsString();
        assertThat(scored)
                .contains("Medium (12 yes answers)")
                .contains("Raised to high")
                .contains("threats to the children last week")
                .contains("Professional judgement of high risk")
                .contains("1. Question number 1?")
                .contains("href=\"/partner-support/tracks/" + TRACK + "#risk\">Back to the track");
    }

    @Test
    void unansweredQuestionsAndALowerJudgementAreTheServicesRefusalsShownWhereTheyBelong() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        stubQuestions();
        GATEWAY.stubFor(post(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/dash-assessments"))
                .willReturn(problem(400, """
                        {"title":"Invalid request","status":400,"detail":"2 fields broke a rule","errors":[
                          {"field":"answers","rule":"Size","message":"answer all 24 questions"},
                          {"field":"professionalJudgement.level","rule":"NeverLower","message":"professional judgement may raise the level, never lower it below HIGH"}]}""")));
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(TRACK_PAGE + "/dash")
                .param("completedOn.day", "3")
                .param("completedOn.month", "3")
                .param("completedOn.year", "2026")
                .param("incidentsInLast12Months", "0")
                .param("professionalJudgement.level", "MEDIUM")
                .param("professionalJudgement.reason", "she seems calmer");
        for (int i = 0; i < 23; i++) {
            request.param("answers[" + i + "]", "YES");
        }
        String page = perform(request).getContentAsString();
        assertThat(page)
                .contains("<title>Error: DASH risk checklist")
                .contains("href=\"#answers\">Answer all the questions: each one yes, no or not known")
                .contains("id=\"answers-23-error\"")
                .doesNotContain("id=\"answers-22-error\"")
                .contains("id=\"professionalJudgement.level-error\"")
                .contains(
                        "Professional judgement may raise the level, never lower it: choose the level the answers give or a higher one")
                .contains("name=\"answers[0]\" value=\"YES\" checked");
        String sent = GATEWAY.findAll(
                        postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/dash-assessments")))
                .getFirst()
                .getBodyAsString();
        assertThat(sent)
                .as("24 answers, the unanswered one as none")
                .contains("\"YES\",null]")
                .containsPattern("\"answers\":\\[(\"YES\",){23}null]");
    }

    @Test
    void aNumberOfIncidentsThatIsNotANumberIsNeverSent() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        stubQuestions();
        String page = perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/dash").param("incidentsInLast12Months", "two"))
                .getContentAsString();
        assertThat(page)
                .contains("href=\"#incidentsInLast12Months\">Enter the number of incidents as a whole number, like 2")
                .contains("value=\"two\"");
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/dash-assessments")));
    }

    @Test
    void aContactAttemptIsSentInUkTimeAndATimeThatIsNotOneIsRefusedHere() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(post(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/contact-attempts"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"attemptId":"66666666-2222-4333-8444-555555555555","trackId":"%s","attemptedAt":"2026-07-03T13:30:00Z",
                         "method":"PHONE","outcome":"UNSAFE_TO_TALK","loggedBy":"demo-partner-support-worker","loggedAt":"2026-07-03T13:31:00Z"}""".formatted(TRACK))));
        MockHttpServletResponse logged = perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/contact-attempts")
                .param("attemptedAt.date.day", "3")
                .param("attemptedAt.date.month", "7")
                .param("attemptedAt.date.year", "2026")
                .param("attemptedAt.time", "2:30pm")
                .param("method", "PHONE")
                .param("outcome", "UNSAFE_TO_TALK"));
        assertThat(logged.getRedirectedUrl()).isEqualTo(TRACK_PAGE + "#contact");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/contact-attempts"))
                .withRequestBody(matchingJsonPath(
                        "$.attemptedAt",
                        com.github.tomakehurst.wiremock.client.WireMock.matching(
                                "2026-07-03T14:30(:00)?\\+01:00|2026-07-03T13:30(:00)?Z"))));

        String refused = perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/contact-attempts")
                        .param("attemptedAt.date.day", "3")
                        .param("attemptedAt.date.month", "7")
                        .param("attemptedAt.date.year", "2026")
                        .param("attemptedAt.time", "25:00")
                        .param("method", "PHONE")
                        .param("outcome", "NO_ANSWER"))
                .getContentAsString();
        assertThat(refused)
                .contains("href=\"#attemptedAt\">Enter a real date and a time, like 14:30 or 2:30pm")
                .contains("value=\"25:00\"");
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/contact-attempts")));
    }

    @Test
    void emptySafetyPlanRowsAreNotSentAndTheServicesErrorsLandOnTheRowsSent() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(post(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/safety-plans"))
                .willReturn(problem(
                        400, PartnerFixtures.problem400("actions[1].owner", "NotBlank", "say who owns the action"))));
        String page = perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/safety-plans/new")
                        .param("actions[0].description", "keep a charged phone")
                        .param("actions[0].owner", "partner")
                        .param("actions[1].description", "")
                        .param("actions[1].owner", "")
                        .param("actions[2].description", "change the locks")
                        .param("actions[2].owner", "")
                        .param("reviewOn.day", "1")
                        .param("reviewOn.month", "4")
                        .param("reviewOn.year", "2099"))
                .getContentAsString();
        GATEWAY.verify(postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/safety-plans"))
                .withRequestBody(equalToJson("""
                {"actions":[{"description":"keep a charged phone","owner":"partner","dueOn":null,"done":false},
                            {"description":"change the locks","owner":null,"dueOn":null,"done":false}],"reviewOn":"2099-04-01"}""")));
        assertThat(page)
                .contains("href=\"#actions[1].owner\">Say who does it")
                .contains("id=\"actions[1].owner-error\"")
                .contains("value=\"change the locks\"");

        String added = perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/safety-plans/new")
                        .param("addAction", "true")
                        .param("actions[0].description", "a")
                        .param("actions[0].owner", "b"))
                .getContentAsString();
        assertThat(added).contains("name=\"actions[1].description\"").doesNotContain("Error:");
        GATEWAY.verify(1, postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/safety-plans")));
    }

    @Test
    void theChildrenAreSentAsOneAgeBandEachAndTheServicesSumRuleLandsBesideTheBands() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(put(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/household"))
                .willReturn(problem(
                        400,
                        PartnerFixtures.problem400(
                                "ageBands", "OnePerChild", "give one age band per child: 3 children, 2 bands"))));
        String page = perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/household")
                        .param("childrenCount", "3")
                        .param("perBand[1]", "1")
                        .param("perBand[2]", "1")
                        .param("socialCare", "NONE")
                        .param("version", "0"))
                .getContentAsString();
        GATEWAY.verify(
                putRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/household"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"childrenCount\":3,\"ageBands\":[\"AGE_1_TO_4\",\"AGE_5_TO_10\"],\"socialCare\":\"NONE\",\"version\":0}")));
        assertThat(page)
                .contains("href=\"#perBand\">The children in the age bands must add up to the number of children")
                .contains("id=\"perBand-error\"");
    }

    @Test
    void theTrackPageShowsEachOutcomePointAndTheChangeTheServiceWorkedOut() throws Exception {
        PartnerFixtures.stubTrackPage(GATEWAY);
        GATEWAY.stubFor(get(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/outcomes"))
                .willReturn(okJson("""
                {"trackId":"%s","points":[
                  {"outcomeId":"77777777-2222-4333-8444-555555555555","trackId":"%s","point":"INTAKE","recordedOn":"2026-03-03","recordedBy":"w",
                   "measures":{"cessationOfAbuse":1,"riskNow":2,"feelingSafe":2,"qualityOfLife":2,"respectfulRelationship":1,"spaceForAction":2,
                               "safetyAndFreedomFromViolence":1,"awarenessOfSelfAndOthers":3}},
                  {"outcomeId":"88888888-2222-4333-8444-555555555555","trackId":"%s","point":"EXIT","recordedOn":"2026-09-03","recordedBy":"w",
                   "measures":{"cessationOfAbuse":4,"riskNow":4,"feelingSafe":5,"qualityOfLife":2,"respectfulRelationship":3,"spaceForAction":4,
                               "safetyAndFreedomFromViolence":4,"awarenessOfSelfAndOthers":2}}],
                 "changes":[{"from":"INTAKE","to":"EXIT","changes":{"cessationOfAbuse":3,"riskNow":2,"feelingSafe":3,"qualityOfLife":0,
                   "respectfulRelationship":2,"spaceForAction":2,"safetyAndFreedomFromViolence":3,"awarenessOfSelfAndOthers":-1}}]}""".formatted(TRACK, TRACK, TRACK))));
        String page = perform(MockMvcRequestBuilders.get(TRACK_PAGE)).getContentAsString();
        assertThat(page)
                .contains("Intake (3 March 2026)")
                .contains("Exit (3 September 2026)")
                .contains("Change, intake to exit")
                .contains("+3 better")
                .contains("No change")
                .contains("\u22121 worse")
                .contains("Not compared");
    }

    private static String assessment() {
        StringBuilder answers = new StringBuilder("[");
        for (int i = 0; i < 24; i++) {
            answers.append(i == 0 ? "" : ",").append(i < 12 ? "\"YES\"" : i < 23 ? "\"NO\"" : "\"NOT_KNOWN\"");
        }
        return """
                {"assessmentId":"99999999-3333-4333-8444-555555555555","trackId":"%s","version":2,"answers":%s],
                 "completedOn":"2026-03-03","incidentsInLast12Months":1,"yesCount":12,"checklistLevel":"MEDIUM",
                 "professionalJudgement":{"level":"HIGH","reason":"threats to the children last week"},"riskLevel":"HIGH",
                 "maracRecommended":true,"maracCriteria":["PROFESSIONAL_JUDGEMENT"],"completedBy":"demo-partner-support-worker"}""".formatted(TRACK, answers);
    }

    private static final String REFERRAL = "66666666-2222-4333-8444-555555555555";

    /** An open referral with one action, as partner support answers it. */
    private static String maracReferral(String actions, String outcome) {
        return """
                {"maracReferralId":"%s","trackId":"%s","caseId":"%s","referredOn":"2026-03-04",
                 "criteria":["PROFESSIONAL_JUDGEMENT","POTENTIAL_ESCALATION"],
                 "basis":{"dashCompletedOn":"2026-03-03","dashYesCount":12,"dashChecklistLevel":"MEDIUM","dashRiskLevel":"HIGH",
                          "incidentsInLast12Months":3},
                 "professionalJudgementReason":"threats since the separation","meetingOn":"2026-03-20","meetingDueBy":"2026-03-18",
                 "meetingWithinStandard":false,"actions":%s,%s"open":%s,"referredBy":"demo-partner-support-worker",
                 "referredAt":"2026-03-04T10:00:00Z","updatedAt":"2026-03-04T10:00:00Z","version":3}""".formatted(
                        REFERRAL,
                        TRACK,
                        PartnerFixtures.CASE,
                        actions,
                        outcome == null ? "" : "\"outcome\":\"" + outcome + "\",",
                        outcome == null);
    }

    private static final String ONE_ACTION = """
            [{"description":"flag the address for an urgent police response","owner":"Police","dueOn":"2026-03-25","done":false}]""";

    @Test
    void theTrackPageShowsTheMaracReferralItsActionsAndItsFormsAsTheServiceReturnedThem() throws Exception {
        PartnerFixtures.stubTrackPage(GATEWAY);
        GATEWAY.stubFor(get(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/marac-referrals"))
                .willReturn(okJson("[" + maracReferral(ONE_ACTION, null) + "]")));
        String page = perform(MockMvcRequestBuilders.get(TRACK_PAGE)).getContentAsString();
        assertThat(page)
                .contains("href=\"#marac\"")
                .contains("Open referral of 4 March 2026")
                .contains("4 March 2026 by demo-partner-support-worker")
                .contains("Professional judgement of high risk, Potential escalation: 3 or more incidents in 12 months")
                .contains("threats since the separation")
                .contains(
                        "DASH checklist of 3 March 2026: 12 yes answers, risk level high; 3 incidents disclosed in the 12 months before")
                .contains("20 March 2026, after the 14-day standard (due by 18 March 2026)")
                .contains("Not recorded yet")
                .contains("flag the address for an urgent police response")
                .contains(">Police<")
                .contains("25 March 2026")
                .contains("action=\"" + TRACK_PAGE + "/marac-referrals/" + REFERRAL + "/actions/0/done\"")
                .contains("name=\"version\" value=\"3\"")
                .contains("href=\"" + TRACK_PAGE + "/marac-referrals/" + REFERRAL + "/actions/new\"")
                .contains("href=\"" + TRACK_PAGE + "/marac-referrals/" + REFERRAL + "/meeting\"")
                .as("one open referral at a time: a second would be the service's 409")
                .doesNotContain("href=\"" + TRACK_PAGE + "/marac-referrals/new\"");
    }

    @Test
    void aReferralIsSentUnderTheApisNamesAndNoCriterionMetIsTheServicesReasonInTheSummary() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(post(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/marac-referrals"))
                .willReturn(problem(
                        400,
                        PartnerFixtures.problem400(
                                "criteria",
                                "MaracCriteria",
                                "the records meet no MARAC criterion: the latest DASH checklist is missing"))));
        String refused = perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/marac-referrals/new")
                        .param("referredOn.day", "4")
                        .param("referredOn.month", "3")
                        .param("referredOn.year", "2026")
                        .param("meetingOn.day", "")
                        .param("meetingOn.month", "")
                        .param("meetingOn.year", "")
                        .param("professionalJudgementReason", "  "))
                .getContentAsString();
        GATEWAY.verify(postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/marac-referrals"))
                .withRequestBody(equalToJson(
                        "{\"referredOn\":\"2026-03-04\",\"meetingOn\":null,\"professionalJudgementReason\":null}")));
        assertThat(refused)
                .contains("<title>Error: Refer to a MARAC")
                .contains("The records meet no MARAC criterion: the latest DASH checklist is missing")
                .contains("value=\"4\"");

        GATEWAY.stubFor(post(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/marac-referrals"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(maracReferral("[]", null))));
        MockHttpServletResponse referred = perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/marac-referrals/new")
                .param("referredOn.day", "4")
                .param("referredOn.month", "3")
                .param("referredOn.year", "2026")
                .param("professionalJudgementReason", "threats since the separation"));
        assertThat(referred.getRedirectedUrl()).isEqualTo(TRACK_PAGE + "#marac");
        GATEWAY.verify(
                postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/marac-referrals"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"referredOn\":\"2026-03-04\",\"meetingOn\":null,\"professionalJudgementReason\":\"threats since the separation\"}")));
    }

    @Test
    void anActionIsSentAfterTheReferralsOwnWithTheVersionShownAndItsErrorsLandOnItsFields() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(get(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/marac-referrals"))
                .willReturn(okJson("[" + maracReferral(ONE_ACTION, null) + "]")));
        GATEWAY.stubFor(put(urlPathEqualTo(API + "/marac-referrals/" + REFERRAL))
                .willReturn(problem(
                        400,
                        PartnerFixtures.problem400(
                                "actions[1].dueOn",
                                "NotBeforeReferral",
                                "an action cannot be due before the referral"))));
        String page = perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/marac-referrals/" + REFERRAL + "/actions/new")
                        .param("description", "refer to housing for a move")
                        .param("owner", "Housing")
                        .param("dueOn.day", "1")
                        .param("dueOn.month", "3")
                        .param("dueOn.year", "2026")
                        .param("version", "3"))
                .getContentAsString();
        GATEWAY.verify(putRequestedFor(urlPathEqualTo(API + "/marac-referrals/" + REFERRAL))
                .withRequestBody(equalToJson("""
                {"meetingOn":"2026-03-20","actions":[
                  {"description":"flag the address for an urgent police response","owner":"Police","dueOn":"2026-03-25","done":false},
                  {"description":"refer to housing for a move","owner":"Housing","dueOn":"2026-03-01","done":false}],
                 "outcome":null,"outcomeNote":null,"version":3}""")));
        assertThat(page)
                .contains("href=\"#dueOn\">The action cannot be due before the referral")
                .contains("id=\"dueOn-error\"")
                .contains("value=\"refer to housing for a move\"");
    }

    @Test
    void markingAnActionDoneSendsTheActionsWithThatOneDoneAndTheVersionThePageShowed() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(get(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/marac-referrals"))
                .willReturn(okJson("[" + maracReferral(ONE_ACTION, null) + "]")));
        GATEWAY.stubFor(put(urlPathEqualTo(API + "/marac-referrals/" + REFERRAL))
                .willReturn(okJson(maracReferral(ONE_ACTION.replace("\"done\":false", "\"done\":true"), null))));
        MockHttpServletResponse done =
                perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/marac-referrals/" + REFERRAL + "/actions/0/done")
                        .param("version", "2"));
        assertThat(done.getRedirectedUrl()).isEqualTo(TRACK_PAGE + "#marac");
        GATEWAY.verify(putRequestedFor(urlPathEqualTo(API + "/marac-referrals/" + REFERRAL))
                .withRequestBody(equalToJson("""
                {"meetingOn":"2026-03-20","actions":[
                  {"description":"flag the address for an urgent police response","owner":"Police","dueOn":"2026-03-25","done":true}],
                 "outcome":null,"outcomeNote":null,"version":2}""")));
    }

    @Test
    void theOutcomeIsSentWithTheActionsHeldAndAHeardCaseWithoutItsMeetingIsShownBesideTheDate() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(get(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/marac-referrals"))
                .willReturn(okJson("[" + maracReferral(ONE_ACTION, null) + "]")));
        String form = perform(MockMvcRequestBuilders.get(TRACK_PAGE + "/marac-referrals/" + REFERRAL + "/meeting"))
                .getContentAsString();
        assertThat(form)
                .contains("value=\"HEARD_ACTIONS_AGREED\"")
                .contains("Heard, with actions agreed")
                .contains("name=\"version\" value=\"3\"")
                .contains("value=\"20\"");
        GATEWAY.stubFor(put(urlPathEqualTo(API + "/marac-referrals/" + REFERRAL))
                .willReturn(problem(
                        400,
                        PartnerFixtures.problem400(
                                "meetingOn",
                                "RequiredForOutcome",
                                "a case heard at a MARAC needs the meeting's date"))));
        String page = perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/marac-referrals/" + REFERRAL + "/meeting")
                        .param("meetingOn.day", "")
                        .param("meetingOn.month", "")
                        .param("meetingOn.year", "")
                        .param("outcome", "HEARD_ACTIONS_AGREED")
                        .param("outcomeNote", "heard at the Northshire MARAC")
                        .param("version", "3"))
                .getContentAsString();
        GATEWAY.verify(putRequestedFor(urlPathEqualTo(API + "/marac-referrals/" + REFERRAL))
                .withRequestBody(equalToJson("""
                {"meetingOn":null,"actions":[{"description":"flag the address for an urgent police response","owner":"Police","dueOn":"2026-03-25","done":false}],
                 "outcome":"HEARD_ACTIONS_AGREED","outcomeNote":"heard at the Northshire MARAC","version":3}""")));
        assertThat(page)
                .contains("href=\"#meetingOn\">Enter the date of the MARAC that heard the case")
                .contains("id=\"meetingOn-error\"");
    }
}
