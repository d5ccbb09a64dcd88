package uk.dapp.web.programme;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.web.WebTest;

/**
 * The programme's pages against the gateway (WireMock): what each shows of the service's answers,
 * what each form sends, where a refusal lands, and that partners typed in are sent and never shown.
 */
class ProgrammePagesTest extends WebTest {

    private static final String CASE = "7KQM4X-ZP9RTD-2HBWJG";
    private static final String REFERRAL = "11111111-1111-4111-8111-111111111111";
    private static final String OTHER = "22222222-2222-4222-8222-222222222222";
    private static final String GROUP = "33333333-3333-4333-8333-333333333333";
    private static final String SESSION = "44444444-4444-4444-8444-444444444444";
    private static final String ALERT = "55555555-5555-4555-8555-555555555555";

    private static String referral(String id, String status, String moves) {
        return """
                {"referralId":"%s","caseId":"%s","programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,
                 "riskLevel":"HIGH","status":"%s","referredBy":"demo-facilitator","team":"north",
                 "createdAt":"2026-03-01T10:00:00Z","allowedMoves":[%s],
                 "history":[{"to":"REFERRED","move":"refer","by":"demo-facilitator","at":"2026-03-01T10:00:00Z"}],
                 "miSessionsUsed":0,"flags":[],"version":3}""".formatted(id, CASE, status, moves);
    }

    private static final String PROGRAMME = """
            {"code":"CHANGE-GROUP","name":"Change-style group behaviour change","type":"GROUP","sessionCount":24,
             "sessionLengthMinutes":150,"durationWeeks":26,
             "eligibility":{"sexes":["MALE"],"minimumAge":18,"riskLevels":["STANDARD","MEDIUM","HIGH"]},
             "groupCapacity":10,"caseloadLimit":20,"nonComplianceThreshold":3,"miSessionCap":3,"version":0}""";

    private static final String PARTICIPANT = """
            {"caseId":"%s","identity":{"givenName":"Testy","familyName":"McExample","dateOfBirth":"1988-05-17","sex":"MALE"},
             "source":"REFERRAL","recordedAt":"2026-03-01T10:00:00Z","recordedBy":"demo-facilitator","version":1,"history":[]}"""
            .formatted(CASE);

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    private void stubParticipant() {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/" + CASE + "/participant")).willReturn(okJson(PARTICIPANT)));
    }

    @Test
    void theReferralPageShowsItsStatusTheAllowedMovesAsButtonsAndItsTimeline() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL)).willReturn(okJson(
                referral(REFERRAL, "REFERRED", "\"withdraw\""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/programmes/CHANGE-GROUP")).willReturn(okJson(PROGRAMME)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/assessments")).willReturn(okJson("[]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/timeline")).willReturn(okJson("""
                [{"at":"2026-03-01T10:00:00Z","kind":"STATUS","summary":"REFERRED (refer)","by":"demo-facilitator"},
                 {"at":"2026-03-02T10:00:00Z","kind":"PARTNERS_PASSED_ON","summary":"partner details passed on to partner support: 1 partner",
                  "by":"demo-facilitator"}]""")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referral-status-machine")).willReturn(okJson("""
                [{"from":"REFERRED","move":"assessed-suitable","to":"SUITABLE","systemOnly":true},
                 {"from":"REFERRED","move":"withdraw","to":"WITHDRAWN","systemOnly":false},
                 {"from":"SUITABLE","move":"enrolled","to":"ENROLLED","systemOnly":true}]""")));
        stubParticipant();
        String page = body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL).with(user("facilitator")))
                .andReturn());
        assertThat(page).contains("<h1 class=\"govuk-heading-l\">Testy McExample</h1>").contains(">Referred</strong>")
                .contains("href=\"/programme/referrals/" + REFERRAL + "/moves/withdraw\"").contains("Withdraw the referral")
                .contains("Record a suitability assessment").doesNotContain(">Enrol<")
                .contains("Partners passed on to partner support").contains("1 partner");
        // the timeline, newest first
        assertThat(page.indexOf("Partners passed on to partner support")).isLessThan(page.indexOf("dapp-timeline__title\">Referred</h3>"));
    }

    @Test
    void aNewReferralSendsWhoTheyAreAndThePartnersAndNeverShowsThePartnersBack() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/programmes")).willReturn(okJson("[" + PROGRAMME + "]")));
        assertThat(body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/new").with(user("facilitator"))).andReturn()))
                .as("the form carries its CSRF token").contains("name=\"_csrf\"").contains("Change-style group behaviour change");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/referrals")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(referral(REFERRAL, "REFERRED", "\"withdraw\""))));
        MvcResult made = mvc.perform(MockMvcRequestBuilders.post("/programme/referrals/new").with(user("facilitator")).with(csrf())
                .param("programmeCode", "CHANGE-GROUP").param("source", "POLICE").param("mandated", "false")
                .param("riskLevel", "HIGH").param("participant.givenName", " Testy ").param("participant.familyName", "McExample")
                .param("participant.dateOfBirth.day", "17").param("participant.dateOfBirth.month", "5")
                .param("participant.dateOfBirth.year", "1988").param("participant.sex", "MALE")
                // the first partner row left empty, the second filled in
                .param("partners[1].relationship", "EX_PARTNER").param("partners[1].name", "Pat Partnerly")
                .param("partners[1].phone", "01632 960 001")).andReturn();
        assertThat(made.getResponse().getRedirectedUrl()).isEqualTo("/programme/referrals/" + REFERRAL);
        assertThat(made.getFlashMap().get("success").toString()).contains(CASE).contains("1 partner passed on to partner support")
                .doesNotContain("Pat").doesNotContain("01632");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/programme/referrals")).withRequestBody(equalToJson("""
                {"programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH",
                 "participant":{"givenName":"Testy","familyName":"McExample","dateOfBirth":"1988-05-17","sex":"MALE"},
                 "partners":[{"relationship":"EX_PARTNER","name":"Pat Partnerly","phone":"01632 960 001"}]}""", true, true)));
    }

    @Test
    void aRefusedReferralShowsEachErrorBesideItsFieldAndThePartnerRowItIsAbout() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/programmes")).willReturn(okJson("[" + PROGRAMME + "]")));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/referrals")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Bad Request","status":400,"detail":"3 fields broke a rule","errors":[
                          {"field":"partners[0].phone","rule":"PhoneNumber","message":"a phone number has digits"},
                          {"field":"participant.familyName","rule":"NotBlank","message":"the family name must not be blank"},
                          {"field":"dateOfBirth","rule":"MinimumAge","message":"the programme takes people aged 18 or over"}]}""")));
        String page = body(mvc.perform(MockMvcRequestBuilders.post("/programme/referrals/new").with(user("facilitator")).with(csrf())
                .param("programmeCode", "CHANGE-GROUP").param("participant.givenName", "Testy")
                .param("participant.dateOfBirth.day", "1").param("participant.dateOfBirth.month", "1")
                .param("participant.dateOfBirth.year", "2015")
                .param("partners[2].name", "Pat Partnerly").param("partners[2].phone", "12")).andReturn());
        assertThat(page).contains("<title>Error: Refer someone to a programme")
                .contains("id=\"partners[2].phone-error\"").contains("Enter a phone number with 7 to 15 digits")
                .contains("id=\"participant.familyName-error\"").contains("Enter their family name")
                .contains("id=\"participant.dateOfBirth-error\"").contains("The programme takes people aged 18 or over")
                // what was typed is kept for the correction (the same user's own input, nothing stored)
                .contains("value=\"Testy\"");
    }

    @Test
    void theRegisterIsTakenForTheWholeGroupInOneFormAndARefusalIsShownBesideItsParticipant() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups/" + GROUP + "/register")).willReturn(okJson("""
                {"groupId":"%s","programmeCode":"CHANGE-GROUP","sessions":[{"sessionId":"%s","scheduledAt":"2026-03-10T18:00:00Z"}],
                 "participants":[{"referralId":"%s","caseId":"%s","status":"ENROLLED","marks":[]},
                                 {"referralId":"%s","caseId":"%s","status":"ENROLLED","marks":[]}],"waitingList":[]}"""
                .formatted(GROUP, SESSION, REFERRAL, CASE, OTHER, CASE))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups/" + GROUP)).willReturn(okJson("""
                {"groupId":"%s","programmeCode":"CHANGE-GROUP","name":"Tuesday evening","startsOn":"2026-03-01","capacity":10,
                 "members":["%s","%s"],"waitingList":[],"facilitators":["demo-facilitator"],"team":"north"}"""
                .formatted(GROUP, REFERRAL, OTHER))));
        stubParticipant();
        GATEWAY.stubFor(put(urlPathEqualTo("/api/programme/sessions/" + SESSION + "/attendance/" + REFERRAL)).willReturn(okJson("""
                {"sessionId":"%s","referralId":"%s","outcome":"ATTENDED_COMPLIED","recordedBy":"demo-facilitator",
                 "recordedAt":"2026-03-10T20:00:00Z","referralStatus":"ON_PROGRAMME","sessionsAttended":1,"unacceptableAbsences":0}"""
                .formatted(SESSION, REFERRAL))));
        GATEWAY.stubFor(put(urlPathEqualTo("/api/programme/sessions/" + SESSION + "/attendance/" + OTHER)).willReturn(aResponse()
                .withStatus(409).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"title":"Conflict","status":409,"detail":"Attendance is recorded for enrolled participants; this referral is WITHDRAWN",
                         "currentStatus":"WITHDRAWN"}""")));
        String form = body(mvc.perform(MockMvcRequestBuilders.get("/programme/groups/" + GROUP + "/sessions/" + SESSION)
                .with(user("facilitator"))).andReturn());
        assertThat(form).contains("Take the register").contains("name=\"rows[1].outcome\"").contains("Attended and complied");
        String page = body(mvc.perform(MockMvcRequestBuilders.post("/programme/groups/" + GROUP + "/sessions/" + SESSION)
                .with(user("facilitator")).with(csrf())
                .param("rows[0].referralId", REFERRAL).param("rows[0].outcome", "ATTENDED_COMPLIED")
                .param("rows[1].referralId", OTHER).param("rows[1].outcome", "UNACCEPTABLE_ABSENCE")).andReturn());
        assertThat(page).contains("<title>Error: Take the register").contains("1 attendance was recorded")
                .contains("id=\"rows[1].outcome-error\"").contains("this referral is WITHDRAWN");
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/programme/sessions/" + SESSION + "/attendance/" + REFERRAL))
                .withRequestBody(equalToJson("{\"outcome\":\"ATTENDED_COMPLIED\"}")).withHeader("Authorization", equalTo(ACCESS_TOKEN)));
        GATEWAY.verify(putRequestedFor(urlPathEqualTo("/api/programme/sessions/" + SESSION + "/attendance/" + OTHER))
                .withRequestBody(matchingJsonPath("$.outcome", equalTo("UNACCEPTABLE_ABSENCE"))));
    }

    private static final String OVERDUE_ALERT = """
            [{"alertId":"%s","referralId":"%s","caseId":"%s","source":"FACILITATOR_CONCERN","concern":"minimising language",
              "raisedBy":"demo-facilitator","raisedAt":"2026-03-01T10:00:00Z","reviewDueBy":"2026-03-02T10:00:00Z",
              "status":"OPEN","overdue":true}]""".formatted(ALERT, REFERRAL, CASE);

    @Test
    void aServiceManagerReviewsAnOverdueAlertFromTheOverdueList() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/alerts/overdue")).willReturn(okJson(OVERDUE_ALERT)));
        stubParticipant();
        String list = body(mvc.perform(MockMvcRequestBuilders.get("/programme/alerts").with(user("service-manager"))).andReturn());
        assertThat(list).contains("1 alert overdue").contains("Testy McExample").contains("A concern of programme staff")
                .contains("href=\"/programme/alerts/" + ALERT + "\"").containsPattern("(day|hour|minute)s?</strong>");
        String forFacilitator = body(mvc.perform(MockMvcRequestBuilders.get("/programme/alerts").with(user("facilitator"))).andReturn());
        assertThat(forFacilitator).as("the review link is for service managers (the service refuses others)")
                .doesNotContain("href=\"/programme/alerts/" + ALERT + "\"");
        String form = body(mvc.perform(MockMvcRequestBuilders.get("/programme/alerts/" + ALERT).with(user("service-manager"))).andReturn());
        assertThat(form).contains("Review a risk alert").contains("minimising language").contains("Overdue by");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/alerts/" + ALERT + "/review")).willReturn(okJson("""
                {"alertId":"%s","caseId":"%s","source":"FACILITATOR_CONCERN","concern":"minimising language","raisedBy":"demo-facilitator",
                 "raisedAt":"2026-03-01T10:00:00Z","reviewDueBy":"2026-03-02T10:00:00Z","status":"REVIEWED","overdue":true,
                 "actionsTaken":"spoke to partner support","reviewedBy":"demo-service-manager","reviewedAt":"2026-03-02T12:00:00Z"}"""
                .formatted(ALERT, CASE))));
        MvcResult reviewed = mvc.perform(MockMvcRequestBuilders.post("/programme/alerts/" + ALERT).with(user("service-manager"))
                .with(csrf()).param("actionsTaken", "spoke to partner support")).andReturn();
        assertThat(reviewed.getResponse().getRedirectedUrl()).isEqualTo("/programme/alerts");
        assertThat(reviewed.getFlashMap().get("success").toString()).contains("after its deadline");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/programme/alerts/" + ALERT + "/review"))
                .withRequestBody(equalToJson("{\"actionsTaken\":\"spoke to partner support\"}")));
    }

    @Test
    void anAlertNotOnTheOverdueListHasNoReviewPage() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/alerts/overdue")).willReturn(okJson("[]")));
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get("/programme/alerts/" + ALERT)
                .with(user("service-manager"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("Page not found");
    }

    @Test
    void theCaseloadNamesEachParticipantAndPutsOverdueAlertsFirst() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/caseload")).willReturn(okJson("""
                [{"referralId":"%s","caseId":"2222222222222222Z2","programmeCode":"CHANGE-GROUP","status":"ON_PROGRAMME",
                  "reviewOverdue":false,"openAlerts":0,"overdueAlerts":0},
                 {"referralId":"%s","caseId":"%s","programmeCode":"CHANGE-GROUP","status":"ON_PROGRAMME","groupId":"%s",
                  "nextSessionAt":"2026-03-17T18:00:00Z","reviewOverdue":true,"openAlerts":1,"overdueAlerts":1}]"""
                .formatted(OTHER, REFERRAL, CASE, GROUP))));
        stubParticipant();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/2222222222222222Z2/participant")).willReturn(aResponse().withStatus(404)));
        String page = body(mvc.perform(MockMvcRequestBuilders.get("/programme/caseload").with(user("facilitator"))).andReturn());
        assertThat(page).contains("2 participants").contains("1 alert overdue").contains("Review overdue")
                .contains("17 March 2026, 6:00pm").contains("None scheduled");
        assertThat(page.indexOf("Testy McExample")).as("overdue alert first").isLessThan(page.indexOf("2222222222222222Z2"));
    }

    @Test
    void aCaseOfAnotherTeamIsPageNotFound() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/" + CASE + "/participant")).willReturn(aResponse().withStatus(404)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/" + CASE + "/referrals")).willReturn(okJson("[]")));
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get("/programme/cases/" + CASE)
                .with(user("facilitator"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
    }

    @Test
    void anExitAsksForTheOutcomeAndSendsTheVersionRead() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL)).willReturn(okJson(
                referral(REFERRAL, "ON_PROGRAMME", "\"complete\",\"drop-out\""))));
        stubParticipant();
        String form = body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL + "/moves/drop-out")
                .with(user("facilitator"))).andReturn());
        assertThat(form).contains("End-of-programme outcome").contains("name=\"version\" value=\"3\"");
        MockHttpServletResponse notOffered = mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL + "/moves/withdraw")
                .with(user("facilitator"))).andReturn().getResponse();
        assertThat(notOffered.getStatus()).isEqualTo(404);
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/moves")).willReturn(okJson(
                referral(REFERRAL, "DROPPED_OUT", ""))));
        MvcResult moved = mvc.perform(MockMvcRequestBuilders.post("/programme/referrals/" + REFERRAL + "/moves/drop-out")
                .with(user("facilitator")).with(csrf()).param("version", "3").param("reason", "stopped coming")
                .param("outcome.summary", "attended 6 of 24").param("outcome.riskLevelAtExit", "HIGH")).andReturn();
        assertThat(moved.getFlashMap().get("success").toString()).contains("dropped out");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/moves")).withRequestBody(equalToJson("""
                {"move":"drop-out","reason":"stopped coming","version":3,
                 "outcome":{"summary":"attended 6 of 24","riskLevelAtExit":"HIGH"}}""", true, true)));
    }

    @Test
    void everyPageOfTheProgrammeRendersFromTheServicesAnswers() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL)).willReturn(okJson(
                referral(REFERRAL, "SUITABLE", "\"withdraw\""))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/programmes/CHANGE-GROUP")).willReturn(okJson(PROGRAMME)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/programmes")).willReturn(okJson("[" + PROGRAMME + "]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/assessments")).willReturn(okJson("""
                [{"assessmentId":"%s","referralId":"%s","version":1,"motivation":2,"accountability":4,"awareness":3,
                  "mentalHealth":"NO_CONCERN","substanceMisuse":"MANAGED","riskPosed":"MEDIUM","groupWorkSuitable":true,
                  "outcome":"NEEDS_MOTIVATIONAL_WORK","reason":"LOW_MOTIVATION","miSessionsUsed":0,"miSessionCap":3,
                  "assessedBy":"demo-facilitator","assessedAt":"2026-03-02T10:00:00Z"}]""".formatted(OTHER, REFERRAL))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/timeline")).willReturn(okJson("[]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referral-status-machine")).willReturn(okJson(
                "[{\"from\":\"SUITABLE\",\"move\":\"enrolled\",\"to\":\"ENROLLED\",\"systemOnly\":true}]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/" + CASE + "/participant")).willReturn(okJson("""
                {"caseId":"%s","identity":{"givenName":"Testy","familyName":"McExample","dateOfBirth":"1988-05-17","sex":"MALE",
                  "preferredContact":{"method":"PHONE","phone":"01632 960 001","safeTimes":"after 6pm"},"interpreterLanguage":"Polish"},
                 "source":"REFERRAL","recordedAt":"2026-03-01T10:00:00Z","recordedBy":"demo-facilitator","version":2,
                 "history":[{"version":2,"changedAt":"2026-03-03T10:00:00Z","changedBy":"demo-facilitator","reason":"asked for one",
                   "fieldsChanged":["interpreterLanguage"],"before":{"givenName":"Testy","familyName":"McExample"}}]}"""
                .formatted(CASE))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/" + CASE + "/referrals")).willReturn(okJson(
                "[" + referral(REFERRAL, "SUITABLE", "\"withdraw\"") + "]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/caseload")).willReturn(okJson("""
                [{"referralId":"%s","caseId":"%s","programmeCode":"CHANGE-GROUP","status":"ON_PROGRAMME","groupId":"%s",
                  "reviewOverdue":false,"openAlerts":0,"overdueAlerts":0}]""".formatted(OTHER, CASE, GROUP))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups/" + GROUP)).willReturn(okJson("""
                {"groupId":"%s","programmeCode":"CHANGE-GROUP","name":"Tuesday evening","startsOn":"2026-03-01","capacity":10,
                 "members":["%s"],"waitingList":["%s"],"facilitators":["demo-facilitator"],"team":"north"}"""
                .formatted(GROUP, OTHER, REFERRAL))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups/" + GROUP + "/register")).willReturn(okJson("""
                {"groupId":"%s","programmeCode":"CHANGE-GROUP","sessions":[{"sessionId":"%s","scheduledAt":"2026-03-10T18:00:00Z"}],
                 "participants":[{"referralId":"%s","caseId":"%s","status":"ON_PROGRAMME",
                   "marks":[{"sessionId":"%s","outcome":"ATTENDED_COMPLIED"}]}],"waitingList":["%s"]}"""
                .formatted(GROUP, SESSION, OTHER, CASE, SESSION, REFERRAL))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/reviews/overdue")).willReturn(okJson("""
                [{"referralId":"%s","caseId":"%s","programmeCode":"CHANGE-GROUP","dueAt":"2026-03-01T10:00:00Z"}]"""
                .formatted(REFERRAL, CASE))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/alerts/overdue")).willReturn(okJson(OVERDUE_ALERT)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/participants")).willReturn(okJson("""
                {"items":[{"caseId":"%s","givenName":"Testy","familyName":"McExample","dateOfBirth":"1988-05-17","teams":["north"]}],
                 "page":0,"size":25,"totalItems":1,"totalPages":1}""".formatted(CASE))));
        String referralPath = "/programme/referrals/" + REFERRAL;
        java.util.Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put(referralPath, "Low motivation");
        pages.put(referralPath + "/assessment", "This will be version 2");
        pages.put(referralPath + "/motivational-sessions/new", "0 of 3 held so far");
        pages.put(referralPath + "/enrolment", "9 of 10 places free");
        pages.put(referralPath + "/reviews/new", "Actions to keep their partner and children safe");
        pages.put(referralPath + "/alerts/new", "A police incident");
        pages.put(referralPath + "/partners", "Pass on to partner support");
        pages.put(referralPath + "/moves/withdraw", "Withdraw the referral");
        pages.put("/programme/referrals/new?caseId=" + CASE, CASE);
        pages.put("/programme/cases/" + CASE, "Refer them to a programme");
        pages.put("/programme/cases/" + CASE + "/participant", "asked for one");
        pages.put("/programme/cases/" + CASE + "/participant/correct", "value=\"Polish\"");
        pages.put("/programme/participants?name=McEx", "1 found");
        pages.put("/programme/participants", "Find a participant");
        pages.put("/programme/caseload", "Testy McExample");
        pages.put("/programme/groups/" + GROUP, "Attended and complied");
        pages.put("/programme/groups/" + GROUP + "/sessions/new", "Schedule the session");
        pages.put("/programme/groups/" + GROUP + "/sessions/" + SESSION, "Save the register");
        pages.put("/programme/groups/new", "Set up the group");
        pages.put("/programme/capacity", "Tuesday evening");
        pages.put("/programme/reviews/overdue", "1 review overdue");
        pages.put("/programme/alerts", "1 alert overdue");
        pages.put("/programme/alerts/" + ALERT, "Record the review and close it");
        for (var page : pages.entrySet()) {
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(page.getKey()).with(user("service-manager")))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(page.getKey()).isEqualTo(200);
            assertThat(response.getContentAsString()).as(page.getKey()).contains(page.getValue())
                    .doesNotContain("Sorry, there is a problem");
        }
        // a group's waiting list names who is waiting, in order
        String group = body(mvc.perform(MockMvcRequestBuilders.get("/programme/groups/" + GROUP).with(user("facilitator"))).andReturn());
        assertThat(group.substring(group.indexOf("id=\"waiting\""))).contains("Testy McExample");
    }
}
