package uk.dapp.web.programme;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static uk.dapp.web.GatewayResponses.problem;
import static uk.dapp.web.GatewayResponses.refusal;

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
             "source":"REFERRAL","recordedAt":"2026-03-01T10:00:00Z","recordedBy":"demo-facilitator","version":1,"history":[]}""".formatted(CASE);

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    private void stubParticipant() {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/" + CASE + "/participant"))
                .willReturn(okJson(PARTICIPANT)));
    }

    @Test
    void theReferralPageShowsItsStatusTheAllowedMovesAsButtonsAndItsTimeline() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL))
                .willReturn(okJson(referral(REFERRAL, "REFERRED", "\"withdraw\""))));
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/programmes/CHANGE-GROUP")).willReturn(okJson(PROGRAMME)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/assessments"))
                .willReturn(okJson("[]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/timeline"))
                .willReturn(okJson("""
                [{"at":"2026-03-01T10:00:00Z","kind":"STATUS","summary":"REFERRED (refer)","by":"demo-facilitator"},
                 {"at":"2026-03-02T10:00:00Z","kind":"PARTNERS_PASSED_ON","summary":"partner details passed on to partner support: 1 partner",
                  "by":"demo-facilitator"}]""")));
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/referral-status-machine")).willReturn(okJson("""
                [{"from":"REFERRED","move":"assessed-suitable","to":"SUITABLE","systemOnly":true},
                 {"from":"REFERRED","move":"withdraw","to":"WITHDRAWN","systemOnly":false},
                 {"from":"SUITABLE","move":"enrolled","to":"ENROLLED","systemOnly":true}]""")));
        stubParticipant();
        String page = body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL)
                        .with(user("facilitator")))
                .andReturn());
        assertThat(page)
                .contains("<h1 class=\"govuk-heading-l\">Testy McExample</h1>")
                .contains(">Referred</strong>")
                .contains("href=\"/programme/referrals/" + REFERRAL + "/moves/withdraw\"")
                .contains("Withdraw the referral")
                .contains("Record a suitability assessment")
                .doesNotContain(">Enrol<")
                .contains("Partners passed on to partner support")
                .contains("1 partner");
        // the timeline, newest first
        assertThat(page.indexOf("Partners passed on to partner support"))
                .isLessThan(page.indexOf("dapp-timeline__title\">Referred</h3>"));
    }

    @Test
    void aNewReferralSendsWhoTheyAreAndThePartnersAndNeverShowsThePartnersBack() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/programmes")).willReturn(okJson("[" + PROGRAMME + "]")));
        assertThat(body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/new")
                                .with(user("facilitator")))
                        .andReturn()))
                .as("the form carries its CSRF token")
                .contains("name=\"_csrf\"")
                .contains("Change-style group behaviour change");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/referrals"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(referral(REFERRAL, "REFERRED", "\"withdraw\""))));
        MvcResult made = mvc.perform(MockMvcRequestBuilders.post("/programme/referrals/new")
                        .with(user("facilitator"))
                        .with(csrf())
                        .param("programmeCode", "CHANGE-GROUP")
                        .param("source", "POLICE")
                        .param("mandated", "false")
                        .param("riskLevel", "HIGH")
                        .param("participant.givenName", " Testy ")
                        .param("participant.familyName", "McExample")
                        .param("participant.dateOfBirth.day", "17")
                        .param("participant.dateOfBirth.month", "5")
                        .param("participant.dateOfBirth.year", "1988")
                        .param("participant.sex", "MALE")
                        // the first partner row left empty, the second filled in
                        .param("partners[1].relationship", "EX_PARTNER")
                        .param("partners[1].name", "Pat Partnerly")
                        .param("partners[1].phone", "01632 960 001"))
                .andReturn();
        assertThat(made.getResponse().getRedirectedUrl()).isEqualTo("/programme/referrals/" + REFERRAL);
        assertThat(made.getFlashMap().get("success").toString())
                .contains(CASE)
                .contains("1 partner passed on to partner support")
                .doesNotContain("Pat")
                .doesNotContain("01632");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/programme/referrals"))
                .withRequestBody(equalToJson("""
                {"programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH",
                 "participant":{"givenName":"Testy","familyName":"McExample","dateOfBirth":"1988-05-17","sex":"MALE"},
                 "partners":[{"relationship":"EX_PARTNER","name":"Pat Partnerly","phone":"01632 960 001"}]}""", true, true)));
    }

    @Test
    void aRefusedReferralShowsEachErrorBesideItsFieldAndThePartnerRowItIsAbout() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/programmes")).willReturn(okJson("[" + PROGRAMME + "]")));
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/referrals")).willReturn(problem(400, """
                        {"title":"Bad Request","status":400,"detail":"3 fields broke a rule","errors":[
                          {"field":"partners[0].phone","rule":"PhoneNumber","message":"a phone number has digits"},
                          {"field":"participant.familyName","rule":"NotBlank","message":"the family name must not be blank"},
                          {"field":"dateOfBirth","rule":"MinimumAge","message":"the programme takes people aged 18 or over"}]}""")));
        String page = body(mvc.perform(MockMvcRequestBuilders.post("/programme/referrals/new")
                        .with(user("facilitator"))
                        .with(csrf())
                        .param("programmeCode", "CHANGE-GROUP")
                        .param("participant.givenName", "Testy")
                        .param("participant.dateOfBirth.day", "1")
                        .param("participant.dateOfBirth.month", "1")
                        .param("participant.dateOfBirth.year", "2015")
                        .param("partners[2].name", "Pat Partnerly")
                        .param("partners[2].phone", "12"))
                .andReturn());
        assertThat(page)
                .contains("<title>Error: Refer someone to a programme")
                .contains("id=\"partners[2].phone-error\"")
                .contains("Enter a phone number with 7 to 15 digits")
                .contains("id=\"participant.familyName-error\"")
                .contains("Enter their family name")
                .contains("id=\"participant.dateOfBirth-error\"")
                .contains("The programme takes people aged 18 or over")
                // what was typed is kept for the correction (the same user's own input, nothing stored)
                .contains("value=\"Testy\"");
    }

    @Test
    void theRegisterIsSentForTheWholeGroupInOneRequestAndARefusalIsShownBesideItsParticipant() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups/" + GROUP + "/register"))
                .willReturn(okJson("""
                {"groupId":"%s","programmeCode":"CHANGE-GROUP","sessions":[{"sessionId":"%s","scheduledAt":"2026-03-10T18:00:00Z"}],
                 "participants":[{"referralId":"%s","caseId":"%s","status":"ENROLLED","marks":[]},
                                 {"referralId":"%s","caseId":"%s","status":"ENROLLED","marks":[]}],"waitingList":[]}""".formatted(GROUP, SESSION, REFERRAL, CASE, OTHER, CASE))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups/" + GROUP))
                .willReturn(okJson("""
                {"groupId":"%s","programmeCode":"CHANGE-GROUP","name":"Tuesday evening","startsOn":"2026-03-01","capacity":10,
                 "members":["%s","%s"],"waitingList":[],"facilitators":["demo-facilitator"],"team":"north"}""".formatted(GROUP, REFERRAL, OTHER))));
        stubParticipant();
        GATEWAY.stubFor(put(urlPathEqualTo("/api/programme/sessions/" + SESSION + "/register"))
                .willReturn(problem(400, """
                        {"title":"Bad Request","status":400,"detail":"attendance is recorded for enrolled participants; this referral is WITHDRAWN",
                         "errors":[{"field":"attendances[1].referralId","rule":"EnrolledParticipant",
                                    "message":"attendance is recorded for enrolled participants; this referral is WITHDRAWN"}]}""")));
        String form = body(mvc.perform(MockMvcRequestBuilders.get("/programme/groups/" + GROUP + "/sessions/" + SESSION)
                        .with(user("facilitator")))
                .andReturn());
        assertThat(form)
                .contains("Take the register")
                .contains("name=\"rows[1].outcome\"")
                .contains("Attended and complied");
        String page =
                body(mvc.perform(MockMvcRequestBuilders.post("/programme/groups/" + GROUP + "/sessions/" + SESSION)
                                .with(user("facilitator"))
                                .with(csrf())
                                .param("rows[0].referralId", REFERRAL)
                                .param("rows[0].outcome", "ATTENDED_COMPLIED")
                                .param("rows[1].referralId", OTHER)
                                .param("rows[1].outcome", "UNACCEPTABLE_ABSENCE"))
                        .andReturn());
        // the whole register is one request, refused as a whole: the refusal is beside its participant's row
        assertThat(page)
                .contains("<title>Error: Take the register")
                .contains("Nothing was recorded")
                .contains("id=\"rows[1].outcome-error\"")
                .contains("this referral is WITHDRAWN")
                .doesNotContain("id=\"rows[0].outcome-error\"");
        GATEWAY.verify(
                1,
                putRequestedFor(urlPathEqualTo("/api/programme/sessions/" + SESSION + "/register"))
                        .withRequestBody(equalToJson("""
                        {"attendances":[{"referralId":"%s","outcome":"ATTENDED_COMPLIED"},
                                        {"referralId":"%s","outcome":"UNACCEPTABLE_ABSENCE"}]}""".formatted(REFERRAL, OTHER)))
                        .withHeader("Authorization", equalTo(ACCESS_TOKEN)));
        GATEWAY.verify(0, putRequestedFor(urlPathMatching("/api/programme/sessions/.*/attendance/.*")));
    }

    private static String alert(String id, long minutesLeft, String escalatedAt) {
        return """
                {"alertId":"%s","referralId":"%s","caseId":"%s","source":"FACILITATOR_CONCERN","concern":"minimising language",
                 "raisedBy":"demo-facilitator","raisedAt":"2026-03-01T10:00:00Z","reviewDueBy":"2026-03-02T10:00:00Z",
                 "status":"OPEN","overdue":%s,"minutesLeft":%d%s}""".formatted(
                        id,
                        REFERRAL,
                        CASE,
                        minutesLeft < 0,
                        minutesLeft,
                        escalatedAt == null ? "" : ",\"escalatedAt\":\"" + escalatedAt + "\"");
    }

    private static String alertPage(String... alerts) {
        return "{\"items\":[" + String.join(",", alerts) + "],\"page\":0,\"size\":50,\"totalItems\":" + alerts.length
                + ",\"totalPages\":1}";
    }

    private static final String SOON = "66666666-6666-4666-8666-666666666666";
    private static final String LATER = "77777777-7777-4777-8777-777777777777";

    @Test
    void theAlertsToReviewShowTheTimeLeftOnEachClockOverdueAndEscalatedFirstAsTheServiceSortsThem() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/alerts/open"))
                .willReturn(okJson(alertPage(
                        alert(ALERT, -185, "2026-03-02T10:01:00Z"),
                        alert(SOON, 125, null),
                        alert(LATER, 1210, null)))));
        stubParticipant();
        String list =
                body(mvc.perform(MockMvcRequestBuilders.get("/programme/alerts").with(user("service-manager")))
                        .andReturn());
        assertThat(list)
                .contains("<h1 class=\"govuk-heading-l\">Risk alerts to review</h1>")
                .contains("3 alerts, 1 overdue")
                .contains("Testy McExample")
                .contains("A concern of programme staff")
                .contains("govuk-tag--red\">Overdue by 3 hours 5 minutes</strong>")
                .contains("Escalated 2 March 2026, 10:01am")
                .contains("govuk-tag--orange\">2 hours 5 minutes left</strong>")
                .contains("20 hours 10 minutes left")
                .contains("href=\"/programme/alerts/" + ALERT + "\"")
                .contains("href=\"/programme/alerts/" + LATER + "\"")
                .contains("href=\"/programme/alerts?escalated=true\"");
        assertThat(list.indexOf(ALERT))
                .as("in the service's order: overdue first")
                .isLessThan(list.indexOf(SOON));
        assertThat(list.indexOf(SOON)).isLessThan(list.indexOf(LATER));
        GATEWAY.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/api/programme/alerts/open"))
                .withQueryParam("page", equalTo("0"))
                .withQueryParam("size", equalTo("50")));

        String forFacilitator = body(mvc.perform(MockMvcRequestBuilders.get("/programme/alerts?escalated=true")
                        .with(user("facilitator")))
                .andReturn());
        assertThat(forFacilitator)
                .as("the review and the escalation list are for service managers (the service refuses others)")
                .contains("Overdue by 3 hours 5 minutes")
                .doesNotContain(">Review<")
                .doesNotContain("escalated=true")
                .as("a facilitator views each alert, to escalate it")
                .contains("href=\"/programme/alerts/" + ALERT + "\"")
                .contains(">View<");
    }

    @Test
    void aServiceManagersEscalationsAreTheServicesEscalationList() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/alerts/escalated"))
                .willReturn(okJson(alertPage(alert(ALERT, -185, "2026-03-02T10:01:00Z")))));
        stubParticipant();
        String list = body(mvc.perform(MockMvcRequestBuilders.get("/programme/alerts?escalated=true")
                        .with(user("service-manager")))
                .andReturn());
        assertThat(list)
                .contains("<h1 class=\"govuk-heading-l\">Escalated risk alerts</h1>")
                .contains("1 alert, 1 overdue")
                .contains("Escalated 2 March 2026, 10:01am")
                .contains("href=\"/programme/alerts\"");
    }

    @Test
    void theEscalationsSayWhoEscalatedByHandAndWhyOrThatTheClockRanOut() throws Exception {
        String byHand = alert(ALERT, 1000, "2026-03-01T11:00:00Z")
                .replace(
                        "}",
                        ",\"escalationWay\":\"BY_HAND\","
                                + "\"escalatedBy\":\"demo-facilitator\",\"escalationReason\":\"said he will go to her new address\"}");
        String byClock =
                alert(SOON, -5, "2026-03-02T10:01:00Z").replace("}", ",\"escalationWay\":\"REVIEW_CLOCK_RAN_OUT\"}");
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/alerts/escalated")).willReturn(okJson(alertPage(byHand, byClock))));
        stubParticipant();
        String list = body(mvc.perform(MockMvcRequestBuilders.get("/programme/alerts?escalated=true")
                        .with(user("service-manager")))
                .andReturn());
        assertThat(list)
                .contains("escalated by demo-facilitator: said he will go to her new address")
                .contains("24-hour review clock ran out");
    }

    @Test
    void aFacilitatorEscalatesAnAlertToTheServiceManagerNowWithTheReason() throws Exception {
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/alerts/" + LATER)).willReturn(okJson(alert(LATER, 1210, null))));
        stubParticipant();
        String page = body(mvc.perform(
                        MockMvcRequestBuilders.get("/programme/alerts/" + LATER).with(user("facilitator")))
                .andReturn());
        assertThat(page)
                .contains("<h1 class=\"govuk-heading-l\">Risk alert</h1>")
                .contains("minimising language")
                .contains("Escalate to the service manager now")
                .contains("action=\"/programme/alerts/" + LATER + "/escalation\"")
                .as("reviewing is a service manager's")
                .doesNotContain("Record the review and close it");

        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/alerts/" + LATER + "/escalation"))
                .willReturn(refusal("reason", "NotNull", "must not be null")));
        String refused = body(mvc.perform(MockMvcRequestBuilders.post("/programme/alerts/" + LATER + "/escalation")
                        .with(user("facilitator"))
                        .with(csrf())
                        .param("reason", "  "))
                .andReturn());
        assertThat(refused)
                .contains("<title>Error: Risk alert")
                .contains("id=\"reason-error\"")
                .contains("Enter why the alert cannot wait for its review");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/programme/alerts/" + LATER + "/escalation"))
                .withRequestBody(equalToJson("{\"reason\":null}")));

        GATEWAY.stubFor(
                post(urlPathEqualTo("/api/programme/alerts/" + LATER + "/escalation"))
                        .willReturn(
                                okJson(
                                        alert(LATER, 1210, "2026-03-01T11:00:00Z")
                                                .replace(
                                                        "}",
                                                        ",\"escalationWay\":\"BY_HAND\","
                                                                + "\"escalatedBy\":\"demo-facilitator\",\"escalationReason\":\"said he will go there\"}"))));
        MvcResult escalated = mvc.perform(MockMvcRequestBuilders.post("/programme/alerts/" + LATER + "/escalation")
                        .with(user("facilitator"))
                        .with(csrf())
                        .param("reason", "said he will go there"))
                .andReturn();
        assertThat(escalated.getResponse().getRedirectedUrl()).isEqualTo("/programme/alerts/" + LATER);
        assertThat(escalated.getFlashMap().get("success").toString()).contains("Risk alert escalated");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/programme/alerts/" + LATER + "/escalation"))
                .withRequestBody(equalToJson("{\"reason\":\"said he will go there\"}")));
    }

    @Test
    void aServiceManagerReviewsAnAlertWithinItsTwentyFourHours() throws Exception {
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/alerts/" + LATER)).willReturn(okJson(alert(LATER, 1210, null))));
        stubParticipant();
        String form = body(mvc.perform(
                        MockMvcRequestBuilders.get("/programme/alerts/" + LATER).with(user("service-manager")))
                .andReturn());
        assertThat(form)
                .contains("Review a risk alert")
                .contains("minimising language")
                .contains("20 hours 10 minutes left to review it")
                .doesNotContain("Overdue by")
                .contains("Record the review and close it");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/alerts/" + LATER + "/review"))
                .willReturn(refusal("actionsTaken", "NotBlank", "say what was done")));
        String refused = body(mvc.perform(MockMvcRequestBuilders.post("/programme/alerts/" + LATER)
                        .with(user("service-manager"))
                        .with(csrf())
                        .param("actionsTaken", " "))
                .andReturn());
        assertThat(refused).contains("<title>Error: Review a risk alert").contains("id=\"actionsTaken-error\"");
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/alerts/" + LATER + "/review"))
                .willReturn(okJson("""
                {"alertId":"%s","caseId":"%s","source":"FACILITATOR_CONCERN","concern":"minimising language","raisedBy":"demo-facilitator",
                 "raisedAt":"2026-03-01T10:00:00Z","reviewDueBy":"2026-03-02T10:00:00Z","status":"REVIEWED","overdue":false,
                 "actionsTaken":"spoke to partner support","reviewedBy":"demo-service-manager","reviewedAt":"2026-03-01T12:00:00Z"}""".formatted(LATER, CASE))));
        MvcResult reviewed = mvc.perform(MockMvcRequestBuilders.post("/programme/alerts/" + LATER)
                        .with(user("service-manager"))
                        .with(csrf())
                        .param("actionsTaken", "spoke to partner support"))
                .andReturn();
        assertThat(reviewed.getResponse().getRedirectedUrl()).isEqualTo("/programme/alerts");
        assertThat(reviewed.getFlashMap().get("success").toString()).contains("within its 24 hours");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/programme/alerts/" + LATER + "/review"))
                .withRequestBody(equalToJson("{\"actionsTaken\":\"spoke to partner support\"}")));
    }

    @Test
    void aReviewedAlertShowsItsReviewAndNoFormAndAnAlertOfAnotherTeamIsPageNotFound() throws Exception {
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/alerts/" + ALERT)).willReturn(okJson("""
                {"alertId":"%s","caseId":"%s","source":"POLICE_INCIDENT","concern":"callout at the address","raisedBy":"system",
                 "raisedAt":"2026-03-01T10:00:00Z","reviewDueBy":"2026-03-02T10:00:00Z","status":"REVIEWED","overdue":true,
                 "actionsTaken":"asked the police for the log","reviewedBy":"demo-service-manager","reviewedAt":"2026-03-02T12:00:00Z",
                 "escalatedAt":"2026-03-02T10:01:00Z"}""".formatted(ALERT, CASE))));
        stubParticipant();
        String page = body(mvc.perform(
                        MockMvcRequestBuilders.get("/programme/alerts/" + ALERT).with(user("service-manager")))
                .andReturn());
        assertThat(page)
                .contains("asked the police for the log")
                .contains("after its deadline")
                .contains("Escalated")
                .doesNotContain("Record the review and close it")
                .doesNotContain("left to review it");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/alerts/" + SOON))
                .willReturn(problem(404, "{\"title\":\"Not Found\",\"status\":404}")));
        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.get("/programme/alerts/" + SOON).with(user("service-manager")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("Page not found");
    }

    private static final String ONE_TO_ONE = """
            {"referralId":"%s","caseId":"%s","programmeCode":"DRIVE-1TO1","source":"POLICE","mandated":false,
             "riskLevel":"HIGH","currentRiskLevel":"HIGH","currentRiskSince":"2026-03-01T10:00:00Z","status":"ENROLLED",
             "referredBy":"demo-facilitator","team":"north","createdAt":"2026-03-01T10:00:00Z","allowedMoves":["withdraw"],
             "history":[{"to":"REFERRED","move":"refer","by":"demo-facilitator","at":"2026-03-01T10:00:00Z"}%s],
             "caseManager":"%s","enrolledAt":"2026-03-03T10:00:00Z","nextReviewDue":"2026-04-03T10:00:00Z",
             "miSessionsUsed":0,"flags":[],"version":%d}""";

    private static String oneToOne(String caseManager, long version, String moreHistory) {
        return ONE_TO_ONE.formatted(REFERRAL, CASE, moreHistory, caseManager, version);
    }

    private static final String TEAM_CASELOADS = """
            {"total":3,"items":[
               {"facilitator":"demo-facilitator","oneToOne":4,"inGroups":9,"reviewsOverdue":1},
               {"facilitator":"demo-facilitator-2","oneToOne":2,"inGroups":0,"reviewsOverdue":0},
               {"facilitator":"demo-service-manager","oneToOne":0,"inGroups":5,"reviewsOverdue":0}]}""";

    private static final String TEAM_WORK = """
            {"asOf":"2026-03-02T09:00:00Z",
             "caseload":{"total":0,"items":[]},"sessionsThisWeek":{"total":0,"items":[]},
             "awaitingAssessment":{"total":0,"items":[]},"reviews":{"total":0,"overdue":0,"items":[]},
             "alerts":{"total":0,"overdue":0,"items":[]},
             "alertsToReview":{"total":0,"overdue":0,"items":[]},"escalations":{"total":0,"items":[]},
             "overdueReviews":{"total":0,"overdue":0,"items":[]},"groups":{"total":0,"items":[]},
             "facilitatorCaseloads":{"total":3,"items":[
               {"facilitator":"demo-facilitator","oneToOne":4,"inGroups":9,"reviewsOverdue":1},
               {"facilitator":"demo-facilitator-2","oneToOne":2,"inGroups":0,"reviewsOverdue":0},
               {"facilitator":"demo-service-manager","oneToOne":0,"inGroups":5,"reviewsOverdue":0}]}}""";

    /** As the service answers a service manager: with each one's caseload in the team. */
    private static void stubTheTeamsFacilitators() {
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/teams/north/facilitators")).willReturn(okJson("""
                {"team":"north","facilitators":["demo-facilitator","demo-facilitator-2","demo-facilitator-3","demo-service-manager"],
                 "caseloads":[
                   {"facilitator":"demo-facilitator","oneToOne":4,"inGroups":9,"reviewsOverdue":1},
                   {"facilitator":"demo-facilitator-2","oneToOne":2,"inGroups":0,"reviewsOverdue":0},
                   {"facilitator":"demo-facilitator-3","oneToOne":0,"inGroups":0,"reviewsOverdue":0},
                   {"facilitator":"demo-service-manager","oneToOne":0,"inGroups":5,"reviewsOverdue":0}]}""")));
    }

    private void stubOneToOneReferralPage(String referral) {
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL)).willReturn(okJson(referral)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/programmes/DRIVE-1TO1"))
                .willReturn(aResponse().withStatus(404)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/assessments"))
                .willReturn(okJson("[]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/timeline"))
                .willReturn(okJson("[]")));
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/referral-status-machine")).willReturn(okJson("[]")));
        stubParticipant();
    }

    @Test
    void aServiceManagerReallocatesAOneToOneCaseToAnotherFacilitatorOfTheCasesTeamWithTheirCaseloads()
            throws Exception {
        stubOneToOneReferralPage(oneToOne("demo-facilitator", 4, ""));
        stubTheTeamsFacilitators();
        String referralPage = body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL)
                        .with(user("service-manager")))
                .andReturn());
        assertThat(referralPage).contains("href=\"/programme/referrals/" + REFERRAL + "/reallocation\"");
        String facilitatorsPage = body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL)
                        .with(user("facilitator")))
                .andReturn());
        assertThat(facilitatorsPage).as("a service manager's task").doesNotContain("/reallocation");

        String form = body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL + "/reallocation")
                        .with(user("service-manager")))
                .andReturn());
        assertThat(form)
                .contains("Reallocate the case")
                .contains("name=\"version\" value=\"4\"")
                .contains("value=\"demo-facilitator-2\"")
                .contains("2 one-to-one, 0 in groups")
                .contains("value=\"demo-service-manager\"")
                .contains("0 one-to-one, 5 in groups")
                .as("a facilitator with no caseload yet is offered")
                .contains("value=\"demo-facilitator-3\"")
                .contains("No caseload yet")
                .as("the current case manager is not offered")
                .doesNotContain("value=\"demo-facilitator\"");

        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/reallocation"))
                .willReturn(okJson(oneToOne("demo-facilitator-2", 5, """
                        ,{"from":"ENROLLED","to":"ENROLLED","move":"reallocated","by":"demo-service-manager","at":"2026-03-04T10:00:00Z",
                          "reason":"from demo-facilitator to demo-facilitator-2: leave"}"""))));
        MvcResult done = mvc.perform(MockMvcRequestBuilders.post("/programme/referrals/" + REFERRAL + "/reallocation")
                        .with(user("service-manager"))
                        .with(csrf())
                        .param("version", "4")
                        .param("caseManager", "demo-facilitator-2")
                        .param("reason", " leave "))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/programme/referrals/" + REFERRAL);
        assertThat(done.getFlashMap().get("success").toString()).contains("Case reallocated to demo-facilitator-2");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/reallocation"))
                .withRequestBody(
                        equalToJson("{\"caseManager\":\"demo-facilitator-2\",\"reason\":\"leave\",\"version\":4}")));

        // the history shows it, with who from and to and why
        stubOneToOneReferralPage(oneToOne("demo-facilitator-2", 5, """
                ,{"from":"ENROLLED","to":"ENROLLED","move":"reallocated","by":"demo-service-manager","at":"2026-03-04T10:00:00Z",
                  "reason":"from demo-facilitator to demo-facilitator-2: leave"}"""));
        String after = body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL)
                        .with(user("service-manager")))
                .andReturn());
        assertThat(after)
                .contains("Reallocated to another case manager")
                .contains("from demo-facilitator to demo-facilitator-2: leave");
    }

    @Test
    void aRefusedReallocationShowsTheErrorBesideItsFieldAndKeepsTheChoice() throws Exception {
        stubOneToOneReferralPage(oneToOne("demo-facilitator", 4, ""));
        stubTheTeamsFacilitators();
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/reallocation"))
                .willReturn(refusal("reason", "NotBlank", "say why the case is reallocated")));
        String page = body(mvc.perform(MockMvcRequestBuilders.post("/programme/referrals/" + REFERRAL + "/reallocation")
                        .with(user("service-manager"))
                        .with(csrf())
                        .param("version", "4")
                        .param("caseManager", "demo-service-manager"))
                .andReturn());
        assertThat(page)
                .contains("<title>Error: Reallocate the case")
                .contains("id=\"reason-error\"")
                .contains("Enter why the case is reallocated")
                .containsPattern("value=\"demo-service-manager\"[^>]*checked");
    }

    @Test
    void aOneToOneCaseIsEnrolledOntoOneOfTheTeamsCaseManagersChosenNotTyped() throws Exception {
        String suitable =
                oneToOne("demo-facilitator", 2, "").replace("\"status\":\"ENROLLED\"", "\"status\":\"SUITABLE\"");
        stubOneToOneReferralPage(suitable);
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/programmes/DRIVE-1TO1"))
                .willReturn(okJson(PROGRAMME
                        .replace("\"CHANGE-GROUP\"", "\"DRIVE-1TO1\"")
                        .replace("\"GROUP\"", "\"ONE_TO_ONE\"")
                        .replace("\"caseloadLimit\":20", "\"caseloadLimit\":8"))));
        stubTheTeamsFacilitators();
        String path = "/programme/referrals/" + REFERRAL + "/enrolment";

        // a facilitator: the team's case managers, their own name chosen; no caseloads (theirs to count is not)
        String form = body(mvc.perform(MockMvcRequestBuilders.get(path)
                        .with(user("facilitator").idToken(token -> token.subject("demo-facilitator-2"))))
                .andReturn());
        assertThat(form)
                .contains("value=\"demo-facilitator\"")
                .contains("value=\"demo-facilitator-3\"")
                .contains("value=\"demo-service-manager\"")
                .containsPattern("value=\"demo-facilitator-2\"[^>]*checked")
                .contains("Each takes up to 8 participants on this programme.")
                .doesNotContain("type=\"text\" spellcheck=\"false\" id=\"caseManager\"")
                .doesNotContain("one-to-one, ");
        GATEWAY.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/api/programme/my-work")));

        // a service manager sees each one's caseload now, from the same answer: no case read to count them
        assertThat(body(mvc.perform(MockMvcRequestBuilders.get(path).with(user("service-manager")))
                        .andReturn()))
                .contains("2 one-to-one, 0 in groups")
                .contains("No caseload yet");
        GATEWAY.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/api/programme/my-work")));

        // nobody chosen: asked to choose, without a call
        String none = body(mvc.perform(MockMvcRequestBuilders.post(path)
                        .with(user("facilitator"))
                        .with(csrf()))
                .andReturn());
        assertThat(none).contains("<title>Error: Enrol").contains("Select the case manager");
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/enrolment")));

        // someone the service does not accept (left the team since the page was shown): its rule, in words
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/enrolment"))
                .willReturn(refusal(
                        "caseManager",
                        "TeamFacilitator",
                        "demo-facilitator-3 is not a facilitator or service manager of team north")));
        String refused = body(mvc.perform(MockMvcRequestBuilders.post(path)
                        .with(user("facilitator"))
                        .with(csrf())
                        .param("caseManager", "demo-facilitator-3"))
                .andReturn());
        assertThat(refused)
                .contains("<title>Error: Enrol")
                .contains("id=\"caseManager-error\"")
                .contains("Select a facilitator or service manager of the case’s team")
                .containsPattern("value=\"demo-facilitator-3\"[^>]*checked");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/enrolment"))
                .withRequestBody(equalToJson("{\"groupId\":null,\"caseManager\":\"demo-facilitator-3\"}")));
    }

    @Test
    void theGroupsOfTheTeamsShowTheirPlacesAndWaitingLists() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups")).willReturn(okJson("""
                {"items":[
                  {"groupId":"%s","programmeCode":"CHANGE-GROUP","name":"Tuesday evening","startsOn":"2026-03-01","capacity":10,
                   "enrolled":10,"freePlaces":0,"waiting":3,"facilitators":["demo-facilitator","demo-service-manager"],"team":"north"},
                  {"groupId":"%s","programmeCode":"CHANGE-GROUP","name":"Thursday morning","startsOn":"2026-04-02","capacity":8,
                   "enrolled":2,"freePlaces":6,"waiting":0,"facilitators":["demo-facilitator"],"team":"north"}],
                 "page":0,"size":50,"totalItems":2,"totalPages":1}""".formatted(GROUP, OTHER))));
        String page =
                body(mvc.perform(MockMvcRequestBuilders.get("/programme/groups").with(user("service-manager")))
                        .andReturn());
        assertThat(page)
                .contains("2 groups")
                .contains("href=\"/programme/groups/" + GROUP + "\"")
                .contains("Tuesday evening")
                .contains("govuk-tag--red\">Full</strong>")
                .contains("demo-facilitator, demo-service-manager")
                .contains("1 March 2026")
                .contains("Thursday morning");
        assertThat(page.indexOf("Tuesday evening")).isLessThan(page.indexOf("Thursday morning"));
    }

    @Test
    void enrolmentOffersTheTeamsGroupsOfTheProgrammeFromTheListOfGroupsAGroupNobodyHasJoinedIncluded()
            throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL))
                .willReturn(okJson(referral(REFERRAL, "SUITABLE", "\"withdraw\""))));
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/programmes/CHANGE-GROUP")).willReturn(okJson(PROGRAMME)));
        stubParticipant();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups"))
                .withQueryParam("programmeCode", equalTo("CHANGE-GROUP"))
                .willReturn(okJson("""
                {"items":[{"groupId":"%s","programmeCode":"CHANGE-GROUP","name":"Thursday morning","startsOn":"2026-04-02","capacity":8,
                   "enrolled":0,"freePlaces":8,"waiting":0,"facilitators":["demo-facilitator-2"],"team":"north"}],
                 "page":0,"size":100,"totalItems":1,"totalPages":1}""".formatted(OTHER))));
        String page = body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL + "/enrolment")
                        .with(user("facilitator")))
                .andReturn());
        assertThat(page)
                .contains("value=\"" + OTHER + "\"")
                .contains("Thursday morning")
                .contains("8 of 8 places free.");
    }

    @Test
    void theTeamsCaseloadsAreCountedForAServiceManagerAndRefusedToAFacilitator() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/caseloads")).willReturn(okJson(TEAM_CASELOADS)));
        // signed in under the name the teams' caseloads list them by
        String page = body(mvc.perform(MockMvcRequestBuilders.get("/programme/caseloads")
                        .with(user("service-manager")
                                .idToken(token ->
                                        token.subject("demo-service-manager").claim("name", "Demo service-manager"))))
                .andReturn());
        assertThat(page)
                .contains("3 caseloads")
                .contains("demo-facilitator-2")
                .contains("demo-service-manager (you)")
                .contains("href=\"/programme/caseload\"")
                .contains("govuk-tag--red\">1</strong>");
        // counts only: not my-work, whose lists would record reads of cases this page never shows
        GATEWAY.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        urlPathEqualTo("/api/programme/my-work")));

        MockHttpServletResponse refused = mvc.perform(
                        MockMvcRequestBuilders.get("/programme/caseloads").with(user("facilitator")))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("You cannot see this page");
    }

    @Test
    void theCaseloadNamesEachParticipantAndPutsOverdueAlertsFirst() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/caseload"))
                .willReturn(okJson("""
                [{"referralId":"%s","caseId":"2222222222222222Z2","programmeCode":"CHANGE-GROUP","status":"ON_PROGRAMME",
                  "reviewOverdue":false,"openAlerts":0,"overdueAlerts":0},
                 {"referralId":"%s","caseId":"%s","programmeCode":"CHANGE-GROUP","status":"ON_PROGRAMME","groupId":"%s",
                  "nextSessionAt":"2026-03-17T18:00:00Z","reviewOverdue":true,"openAlerts":1,"overdueAlerts":1}]""".formatted(OTHER, REFERRAL, CASE, GROUP))));
        stubParticipant();
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/2222222222222222Z2/participant"))
                .willReturn(aResponse().withStatus(404)));
        String page = body(
                mvc.perform(MockMvcRequestBuilders.get("/programme/caseload").with(user("facilitator")))
                        .andReturn());
        assertThat(page)
                .contains("2 participants")
                .contains("1 alert overdue")
                .contains("Review overdue")
                .contains("17 March 2026, 6:00pm")
                .contains("None scheduled");
        assertThat(page.indexOf("Testy McExample"))
                .as("overdue alert first")
                .isLessThan(page.indexOf("2222222222222222Z2"));
    }

    @Test
    void aCaseOfAnotherTeamIsPageNotFound() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/" + CASE + "/participant"))
                .willReturn(aResponse().withStatus(404)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/" + CASE + "/referrals"))
                .willReturn(okJson("[]")));
        MockHttpServletResponse response = mvc.perform(
                        MockMvcRequestBuilders.get("/programme/cases/" + CASE).with(user("facilitator")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
    }

    @Test
    void anExitAsksForTheOutcomeAndSendsTheVersionRead() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL))
                .willReturn(okJson(referral(REFERRAL, "ON_PROGRAMME", "\"complete\",\"drop-out\""))));
        stubParticipant();
        String form =
                body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL + "/moves/drop-out")
                                .with(user("facilitator")))
                        .andReturn());
        assertThat(form).contains("End-of-programme outcome").contains("name=\"version\" value=\"3\"");
        MockHttpServletResponse notOffered = mvc.perform(
                        MockMvcRequestBuilders.get("/programme/referrals/" + REFERRAL + "/moves/withdraw")
                                .with(user("facilitator")))
                .andReturn()
                .getResponse();
        assertThat(notOffered.getStatus()).isEqualTo(404);
        GATEWAY.stubFor(post(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/moves"))
                .willReturn(okJson(referral(REFERRAL, "DROPPED_OUT", ""))));
        MvcResult moved = mvc.perform(
                        MockMvcRequestBuilders.post("/programme/referrals/" + REFERRAL + "/moves/drop-out")
                                .with(user("facilitator"))
                                .with(csrf())
                                .param("version", "3")
                                .param("reason", "stopped coming")
                                .param("outcome.summary", "attended 6 of 24")
                                .param("outcome.riskLevelAtExit", "HIGH"))
                .andReturn();
        assertThat(moved.getFlashMap().get("success").toString()).contains("dropped out");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/moves"))
                .withRequestBody(equalToJson("""
                {"move":"drop-out","reason":"stopped coming","version":3,
                 "outcome":{"summary":"attended 6 of 24","riskLevelAtExit":"HIGH"}}""", true, true)));
    }

    @Test
    void theQueueAwaitingAssessmentListsEveryWaitingReferralLongestFirstWithALinkToAssessAndPages() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/awaiting-assessment"))
                .willReturn(okJson(awaitingAssessment())));
        String page = body(mvc.perform(MockMvcRequestBuilders.get("/programme/referrals/awaiting-assessment?page=1")
                        .with(user("facilitator")))
                .andReturn());
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/programme/referrals/awaiting-assessment"))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("size", equalTo("25")));
        assertThat(page)
                .contains("27 waiting")
                .contains("Testy McExample")
                .contains("href=\"/programme/referrals/" + REFERRAL + "/assessment\"")
                .contains(">Motivational work</strong>")
                .contains(", mandated")
                .contains("href=\"/programme/referrals/" + OTHER + "\"")
                .contains(">" + CASE + "</a>")
                .as("the next and previous pages keep the address")
                .contains("href=\"/programme/referrals/awaiting-assessment?page=0\"");
        // the service's order, longest waiting first, is kept
        assertThat(page.indexOf("Testy McExample")).isLessThan(page.indexOf(">" + CASE + "</a>"));
    }

    private static String awaitingAssessment() {
        return """
                {"items":[
                  {"referralId":"%s","caseId":"%s","givenName":"Testy","familyName":"McExample","programmeCode":"DRIVE-1TO1",
                   "status":"MOTIVATIONAL_WORK","source":"PROBATION","mandated":true,"riskLevel":"HIGH",
                   "referredAt":"2026-02-01T10:00:00Z","daysWaiting":30},
                  {"referralId":"%s","caseId":"%s","programmeCode":"CHANGE-GROUP","status":"REFERRED","source":"POLICE",
                   "mandated":false,"riskLevel":"MEDIUM","referredAt":"2026-02-20T10:00:00Z","daysWaiting":11}],
                 "page":1,"size":25,"totalItems":27,"totalPages":2}""".formatted(REFERRAL, CASE, OTHER, CASE);
    }

    @Test
    void everyPageOfTheProgrammeRendersFromTheServicesAnswers() throws Exception {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL))
                .willReturn(okJson(referral(REFERRAL, "SUITABLE", "\"withdraw\""))));
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/programmes/CHANGE-GROUP")).willReturn(okJson(PROGRAMME)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/programmes")).willReturn(okJson("[" + PROGRAMME + "]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/assessments"))
                .willReturn(okJson("""
                [{"assessmentId":"%s","referralId":"%s","version":1,"motivation":2,"accountability":4,"awareness":3,
                  "mentalHealth":"NO_CONCERN","substanceMisuse":"MANAGED","riskPosed":"MEDIUM","groupWorkSuitable":true,
                  "outcome":"NEEDS_MOTIVATIONAL_WORK","reason":"LOW_MOTIVATION","miSessionsUsed":0,"miSessionCap":3,
                  "assessedBy":"demo-facilitator","assessedAt":"2026-03-02T10:00:00Z"}]""".formatted(OTHER, REFERRAL))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/" + REFERRAL + "/timeline"))
                .willReturn(okJson("[]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referral-status-machine"))
                .willReturn(okJson(
                        "[{\"from\":\"SUITABLE\",\"move\":\"enrolled\",\"to\":\"ENROLLED\",\"systemOnly\":true}]")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/" + CASE + "/participant"))
                .willReturn(okJson("""
                {"caseId":"%s","identity":{"givenName":"Testy","familyName":"McExample","dateOfBirth":"1988-05-17","sex":"MALE",
                  "preferredContact":{"method":"PHONE","phone":"01632 960 001","safeTimes":"after 6pm"},"interpreterLanguage":"Polish"},
                 "source":"REFERRAL","recordedAt":"2026-03-01T10:00:00Z","recordedBy":"demo-facilitator","version":2,
                 "history":[{"version":2,"changedAt":"2026-03-03T10:00:00Z","changedBy":"demo-facilitator","reason":"asked for one",
                   "fieldsChanged":["interpreterLanguage"],"before":{"givenName":"Testy","familyName":"McExample"}}]}""".formatted(CASE))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/cases/" + CASE + "/referrals"))
                .willReturn(okJson("[" + referral(REFERRAL, "SUITABLE", "\"withdraw\"") + "]")));
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/caseload")).willReturn(okJson("""
                [{"referralId":"%s","caseId":"%s","programmeCode":"CHANGE-GROUP","status":"ON_PROGRAMME","groupId":"%s",
                  "reviewOverdue":false,"openAlerts":0,"overdueAlerts":0}]""".formatted(OTHER, CASE, GROUP))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups/" + GROUP))
                .willReturn(okJson("""
                {"groupId":"%s","programmeCode":"CHANGE-GROUP","name":"Tuesday evening","startsOn":"2026-03-01","capacity":10,
                 "members":["%s"],"waitingList":["%s"],"facilitators":["demo-facilitator"],"team":"north"}""".formatted(GROUP, OTHER, REFERRAL))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups/" + GROUP + "/register"))
                .willReturn(okJson("""
                {"groupId":"%s","programmeCode":"CHANGE-GROUP","sessions":[{"sessionId":"%s","scheduledAt":"2026-03-10T18:00:00Z"}],
                 "participants":[{"referralId":"%s","caseId":"%s","status":"ON_PROGRAMME",
                   "marks":[{"sessionId":"%s","outcome":"ATTENDED_COMPLIED"}]}],"waitingList":["%s"]}""".formatted(GROUP, SESSION, OTHER, CASE, SESSION, REFERRAL))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/reviews/overdue"))
                .willReturn(okJson("""
                [{"referralId":"%s","caseId":"%s","programmeCode":"CHANGE-GROUP","dueAt":"2026-03-01T10:00:00Z"}]""".formatted(REFERRAL, CASE))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/alerts/open"))
                .willReturn(okJson(alertPage(alert(ALERT, -5, null)))));
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/programme/alerts/" + ALERT)).willReturn(okJson(alert(ALERT, -5, null))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/alerts/escalated")).willReturn(okJson(alertPage())));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/groups")).willReturn(okJson("""
                {"items":[{"groupId":"%s","programmeCode":"CHANGE-GROUP","name":"Tuesday evening","startsOn":"2026-03-01","capacity":10,
                   "enrolled":1,"freePlaces":9,"waiting":1,"facilitators":["demo-facilitator"],"team":"north"}],
                 "page":0,"size":50,"totalItems":1,"totalPages":1}""".formatted(GROUP))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/my-work")).willReturn(okJson(TEAM_WORK)));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/caseloads")).willReturn(okJson(TEAM_CASELOADS)));
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
        pages.put("/programme/alerts", "1 alert, 1 overdue");
        pages.put("/programme/alerts?escalated=true", "Escalated risk alerts");
        pages.put("/programme/alerts/" + ALERT, "Record the review and close it");
        pages.put("/programme/groups", "1 group");
        pages.put("/programme/caseloads", "3 caseloads");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/programme/referrals/awaiting-assessment"))
                .willReturn(okJson(awaitingAssessment())));
        pages.put("/programme/referrals/awaiting-assessment", "27 waiting");
        for (var page : pages.entrySet()) {
            MockHttpServletResponse response = mvc.perform(
                            MockMvcRequestBuilders.get(page.getKey()).with(user("service-manager")))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(page.getKey()).isEqualTo(200);
            assertThat(response.getContentAsString())
                    .as(page.getKey())
                    .contains(page.getValue())
                    .doesNotContain("Sorry, there is a problem");
        }
        // a group's waiting list names who is waiting, in order
        String group = body(mvc.perform(
                        MockMvcRequestBuilders.get("/programme/groups/" + GROUP).with(user("facilitator")))
                .andReturn());
        assertThat(group.substring(group.indexOf("id=\"waiting\""))).contains("Testy McExample");
    }
}
