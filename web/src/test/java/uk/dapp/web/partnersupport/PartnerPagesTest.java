package uk.dapp.web.partnersupport;

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
import static uk.dapp.web.partnersupport.PartnerFixtures.ACCOUNT;
import static uk.dapp.web.partnersupport.PartnerFixtures.API;
import static uk.dapp.web.partnersupport.PartnerFixtures.CASE;
import static uk.dapp.web.partnersupport.PartnerFixtures.CODE_WORD;
import static uk.dapp.web.partnersupport.PartnerFixtures.LOCATION;
import static uk.dapp.web.partnersupport.PartnerFixtures.NAME;
import static uk.dapp.web.partnersupport.PartnerFixtures.REFERRAL_PHONE;
import static uk.dapp.web.partnersupport.PartnerFixtures.SAFE_CONTACT;
import static uk.dapp.web.partnersupport.PartnerFixtures.SAFE_NUMBER;
import static uk.dapp.web.partnersupport.PartnerFixtures.SAFE_TIMES;
import static uk.dapp.web.partnersupport.PartnerFixtures.TRACK;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.web.WebTest;

/**
 * The partner support worker's pages against partner support's answers (WireMock standing in for
 * the gateway): the work lists, allocating, the track page, safe contact details only on the
 * deliberate and audited "show" (never on a GET, never kept), "Exit this page", and the DASH
 * checklist scored by the service.
 */
class PartnerPagesTest extends WebTest {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.security.oauth2.client.registration.ClientRegistrationRepository registrations;

    private static final String TRACK_PAGE = "/partner-support/tracks/" + TRACK;

    private OidcLoginRequestPostProcessor worker() {
        return SignedInWorker.as(registrations.findByRegistrationId("keycloak"), "partner-support-worker");
    }

    private MockHttpServletResponse get(String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(worker()))
                .andReturn()
                .getResponse();
    }

    @Test
    void theWorkListsAreTheServicesWithTheWorkersOwnRowsMarked() throws Exception {
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(API + "/unallocated-tracks"))
                .willReturn(okJson("""
                [{"trackId":"%s","caseId":"%s","relationship":"CURRENT_PARTNER","openedAt":"2026-03-02T10:00:00Z",
                  "firstContactDueOn":"2026-03-09","programmeCode":"DRIVE-1TO1","version":3}]""".formatted(TRACK, CASE))));
        GATEWAY.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(API + "/overdue/first-contacts"))
                        .willReturn(okJson("""
                [{"trackId":"%s","caseId":"%s","allocatedWorker":"demo-partner-support-worker","firstContactDueOn":"2026-03-02","workingDaysOverdue":3},
                 {"trackId":"%s","caseId":"%s","allocatedWorker":"another-worker","firstContactDueOn":"2026-03-03","workingDaysOverdue":1}]""".formatted(
                                        TRACK, CASE, "22222222-2222-4333-8444-555555555555", "9RTDZP-7KQM4X-2HBWJE"))));
        GATEWAY.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(API + "/exit-contact-prompts"))
                        .willReturn(okJson("""
                [{"trackId":"%s","caseId":"%s","programmeCode":"DRIVE-1TO1","exitStatus":"BREACHED","nonCompliance":true,
                  "exitedAt":"2026-03-01T10:00:00Z","receivedAt":"2026-03-01T10:01:00Z","contactDueOn":"2026-03-03","workingDaysOverdue":2}]""".formatted(TRACK, CASE))));
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo(API + "/overdue/safety-plan-reviews"))
                .willReturn(okJson("[]")));
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(API + "/marac-meetings"))
                .willReturn(okJson("""
                [{"maracReferralId":"33333333-2222-4333-8444-555555555555","trackId":"%s","caseId":"%s",
                  "allocatedWorker":"demo-partner-support-worker","referredOn":"2026-03-01","meetingDueBy":"2026-03-15",
                  "meetingOn":"2026-03-10","overdue":false,"near":true}]""".formatted(TRACK, CASE))));

        String page = get("/partner-support").getContentAsString();
        assertThat(page)
                .contains("<title>Partner support work – DAPP – GOV.UK</title>")
                .contains("Tracks waiting for a worker")
                .contains("Allocate to me")
                .contains("name=\"version\" value=\"3\"")
                .contains("3 working days")
                .contains("another-worker")
                .contains(">You<")
                .contains("DRIVE-1TO1: Breached")
                .contains("2 working days overdue")
                .contains("No safety plan is past its review date.")
                .contains("MARAC meetings")
                .contains("10 March 2026")
                .contains("Soon");
        String mine = get("/partner-support?mine=true").getContentAsString();
        assertThat(mine)
                .doesNotContain("another-worker")
                .contains("3 working days")
                .as("the unallocated tracks are everyone's to pick up")
                .contains("Allocate to me");
        GATEWAY.verify(getRequestedFor(urlPathEqualTo(API + "/unallocated-tracks"))
                .withHeader("Authorization", equalTo(ACCESS_TOKEN)));
    }

    @Test
    void allocatingSendsTheWorkersOwnNameAndTheVersionRead() throws Exception {
        GATEWAY.stubFor(put(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/allocation"))
                .willReturn(okJson(PartnerFixtures.track("demo-partner-support-worker"))));
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/allocation")
                        .param("version", "3")
                        .with(worker())
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo(TRACK_PAGE);
        GATEWAY.verify(putRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/allocation"))
                .withRequestBody(equalToJson("{\"allocatedWorker\":\"demo-partner-support-worker\",\"version\":3}")));
    }

    @Test
    void aTrackTakenMeanwhileIsAConflictWithAReload() throws Exception {
        GATEWAY.stubFor(
                put(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/allocation"))
                        .willReturn(
                                problem(
                                        409,
                                        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"Someone else changed this record at the same time: read it again and retry\"}")));
        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/allocation")
                        .param("version", "3")
                        .with(worker())
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("Someone else changed this record at the same time");
    }

    @Test
    void theTrackPageShowsTheRecordsButNeitherTheSafeContactNorTheReferralsNumber() throws Exception {
        PartnerFixtures.stubTrackPage(GATEWAY);
        MockHttpServletResponse response = get(TRACK_PAGE);
        String page = response.getContentAsString();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(page)
                .contains("<h1 class=\"govuk-heading-l\">" + NAME + "</h1>")
                .as("the name is never in the title: titles are kept in the browser's history")
                .contains("<title>Partner track – DAPP – GOV.UK</title>")
                .contains("Show safe contact details")
                .contains("Ex-partner")
                .contains("DRIVE-1TO1, referred 2 March 2026")
                .contains("No DASH checklist is completed yet.")
                .contains("The children in the household are not recorded yet.");
        for (String secret : SAFE_CONTACT) {
            assertThat(page).as("the track page never shows '%s'", secret).doesNotContain(secret);
        }
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        GATEWAY.verify(0, getRequestedFor(urlPathMatching(".*/safe-contact")));
    }

    @Test
    void withoutConsentToSupportTheTrackAndItsFormsSayWhyAndLinkToRecordingItNeverADeadForm() throws Exception {
        PartnerFixtures.stubTrackPage(GATEWAY);
        GATEWAY.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(API + "/partner-tracks/" + TRACK))
                        .willReturn(okJson(PartnerFixtures.trackWithoutConsentToSupport())));
        String consentLink = "href=\"" + TRACK_PAGE + "/consents\"";

        String page = get(TRACK_PAGE).getContentAsString();
        assertThat(page)
                .contains("Not given, or withdrawn")
                .contains("so a safety plan", "so her outcomes", "so the children in her household")
                .contains("Record her consent to support")
                .contains(consentLink)
                .doesNotContain("href=\"" + TRACK_PAGE + "/safety-plans/new\"")
                .doesNotContain("href=\"" + TRACK_PAGE + "/outcomes\"")
                .doesNotContain("href=\"" + TRACK_PAGE + "/household\"")
                .as("the safety-relevant minimum is still offered")
                .contains(
                        "Record a contact attempt",
                        "Complete a DASH checklist",
                        "Record a disclosure",
                        "Refer to a MARAC");

        for (String[] form : new String[][] {
            {"/safety-plans/new", "a safety plan"},
            {"/outcomes", "her outcomes"},
            {"/household", "the children in her household"}
        }) {
            String formPage = get(TRACK_PAGE + form[0]).getContentAsString();
            assertThat(formPage)
                    .as(form[0])
                    .contains("so " + form[1])
                    .contains(consentLink)
                    .doesNotContain("action=\"" + TRACK_PAGE + form[0] + "\"");
        }
    }

    @Test
    void safeContactDetailsAreReadOnlyOnTheDeliberatePostAndKeptNowhere() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/safe-contact"))
                .willReturn(okJson("""
                        {"trackId":"%s","safeNumber":"%s","safeTimes":"%s","mayLeaveMessage":false,"codeWord":"%s",
                         "updatedBy":"demo-partner-support-worker","updatedAt":"2026-03-02T11:00:00Z","version":1}""".formatted(TRACK, SAFE_NUMBER, SAFE_TIMES, CODE_WORD))));
        MockHttpSession session = new MockHttpSession();

        // a GET of the address (a link, a prefetch, a reload) shows only the button
        String asked = mvc.perform(MockMvcRequestBuilders.get(TRACK_PAGE + "/safe-contact")
                        .with(worker())
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(asked).contains("Show safe contact details");
        SAFE_CONTACT.forEach(secret -> assertThat(asked).doesNotContain(secret));
        GATEWAY.verify(0, getRequestedFor(urlPathMatching(".*/safe-contact")));

        MvcResult shown = mvc.perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/safe-contact")
                        .with(worker())
                        .with(csrf())
                        .session(session))
                .andReturn();
        String page = shown.getResponse().getContentAsString();
        assertThat(shown.getResponse().getStatus()).isEqualTo(200);
        assertThat(shown.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(page)
                .contains(SAFE_NUMBER)
                .contains(SAFE_TIMES)
                .contains(CODE_WORD)
                .contains(REFERRAL_PHONE)
                .contains("Do not say who you are, where you are calling from or why.")
                .contains("Log the attempt")
                .contains("<title>Safe contact details – DAPP – GOV.UK</title>");
        GATEWAY.verify(
                1,
                getRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/safe-contact"))
                        .withHeader("Authorization", equalTo(ACCESS_TOKEN)));
        // nothing of it stays in the session
        for (String name : Collections.list(session.getAttributeNames())) {
            String value = String.valueOf(session.getAttribute(name));
            SAFE_CONTACT.forEach(
                    secret -> assertThat(value).as("session attribute %s", name).doesNotContain(secret));
        }
        // the standalone attempt form (after a refusal) does not carry them either
        String attempt = get(TRACK_PAGE + "/contact-attempts").getContentAsString();
        SAFE_CONTACT.forEach(secret -> assertThat(attempt).doesNotContain(secret));
        GATEWAY.verify(1, getRequestedFor(urlPathMatching(".*/safe-contact")));
    }

    @Test
    void noSafeContactRecordedOffersToRecordThemAndTheFormIsNeverFilledIn() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/safe-contact"))
                .willReturn(problem(
                        404, "{\"status\":404,\"detail\":\"No safe contact details are recorded for this track\"}")));
        String page = mvc.perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/safe-contact")
                        .with(worker())
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("No safe contact details are recorded for this track yet.")
                .contains("safe-contact/edit?version=0");
        String form = get(TRACK_PAGE + "/safe-contact/edit?version=1").getContentAsString();
        assertThat(form)
                .contains("autocomplete=\"off\"")
                .contains("name=\"version\" value=\"1\"")
                .contains("id=\"safeNumber\" name=\"safeNumber\" value=\"\"");
    }

    @Test
    void savingSafeContactSendsTheDetailsAndRedirectsWithoutThem() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(put(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/safe-contact"))
                .willReturn(okJson("""
                {"trackId":"%s","safeNumber":"%s","safeTimes":"%s","mayLeaveMessage":true,"codeWord":"%s",
                 "updatedBy":"demo-partner-support-worker","updatedAt":"2026-03-02T11:00:00Z","version":1}""".formatted(TRACK, SAFE_NUMBER, SAFE_TIMES, CODE_WORD))));
        MvcResult saved = mvc.perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/safe-contact/edit")
                        .param("safeNumber", SAFE_NUMBER)
                        .param("safeTimes", SAFE_TIMES)
                        .param("mayLeaveMessage", "true")
                        .param("codeWord", CODE_WORD)
                        .param("version", "0")
                        .with(worker())
                        .with(csrf()))
                .andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(TRACK_PAGE + "#contact");
        String flash = String.valueOf(saved.getFlashMap());
        SAFE_CONTACT.forEach(secret -> assertThat(flash).doesNotContain(secret));
        GATEWAY.verify(putRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/safe-contact"))
                .withRequestBody(equalToJson(
                        "{\"safeNumber\":\"%s\",\"safeTimes\":\"%s\",\"mayLeaveMessage\":true,\"codeWord\":\"%s\",\"version\":0}"
                                .formatted(SAFE_NUMBER, SAFE_TIMES, CODE_WORD))));
    }

    @Test
    void aTrackOutsideTheTeamIsPageNotFoundAndNothingMore() throws Exception {
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching(API + "/partner-tracks/.*"))
                .willReturn(problem(
                        404,
                        "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No partner track " + TRACK + "\"}")));
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(API + "/dash/questions"))
                .willReturn(okJson(PartnerFixtures.questions())));
        for (String path : new String[] {
            "",
            "/safe-contact",
            "/contact-attempts",
            "/consents",
            "/dash",
            "/safety-plans/new",
            "/disclosures",
            "/outcomes",
            "/household",
            "/closure"
        }) {
            MockHttpServletResponse response = get(TRACK_PAGE + path);
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString())
                    .as(path)
                    .contains("Page not found")
                    .doesNotContain(TRACK);
        }
        MockHttpServletResponse shown = mvc.perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/safe-contact")
                        .with(worker())
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(shown.getStatus()).isEqualTo(404);
        GATEWAY.verify(0, getRequestedFor(urlPathMatching(".*/safe-contact")));
        assertThat(get("/partner-support/tracks/not-a-track").getStatus()).isEqualTo(404);
    }

    @Test
    void exitThisPageIsOnEveryPartnerPageAndAWorkersEveryPageButNotOnOtherRolesPages() throws Exception {
        PartnerFixtures.stubTrackPage(GATEWAY);
        String track = get(TRACK_PAGE).getContentAsString();
        assertThat(track)
                .contains("class=\"govuk-exit-this-page\" data-module=\"dapp-exit-this-page\"")
                .contains("href=\"https://www.bbc.co.uk/weather\" role=\"button\"")
                .contains("rel=\"nofollow noreferrer\"")
                .contains("class=\"govuk-skip-link govuk-js-exit-this-page-skiplink\"")
                .contains("<span class=\"govuk-visually-hidden\">Emergency</span> Exit this page");
        assertThat(get("/").getContentAsString()).as("the worker's home page").contains("govuk-exit-this-page");
        String facilitatorHome = mvc.perform(MockMvcRequestBuilders.get("/").with(user("facilitator")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(facilitatorHome).doesNotContain("govuk-exit-this-page").doesNotContain("bbc.co.uk");
        // a partner page asked for by another role still carries it (whatever the service answers)
        GATEWAY.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(API + "/partner-tracks/" + TRACK))
                        .willReturn(aResponse().withStatus(403)));
        MockHttpServletResponse refused = mvc.perform(
                        MockMvcRequestBuilders.get(TRACK_PAGE).with(user("facilitator")))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString())
                .contains("govuk-exit-this-page")
                .doesNotContain(NAME);
    }

    @Test
    void aDisclosureShowsWhatTheProgrammeWillBeToldBeforeAnythingIsSaved() throws Exception {
        PartnerFixtures.stubTrack(GATEWAY, "demo-partner-support-worker");
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/consents"))
                .willReturn(okJson("""
                [{"consentId":"33333333-2222-4333-8444-555555555555","trackId":"%s","type":"INFORMATION_SHARING","givenOn":"2026-03-02",
                  "scope":["PROGRAMME","POLICE"],"status":"GIVEN","recordedBy":"demo-partner-support-worker"}]""".formatted(TRACK))));
        String check = mvc.perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/disclosures")
                        .param("disclosedOn.day", "3")
                        .param("disclosedOn.month", "3")
                        .param("disclosedOn.year", "2026")
                        .param("category", "PHYSICAL")
                        .param("riskLevel", "HIGH")
                        .param("account", ACCOUNT)
                        .param("location", LOCATION)
                        .with(worker())
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        GATEWAY.verify(0, postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/disclosures")));
        String shared = check.substring(
                check.indexOf("id=\"shared-with-the-programme\""),
                check.indexOf("</dl>", check.indexOf("id=\"shared-with-the-programme\"")));
        assertThat(shared)
                .contains(CASE)
                .contains("High")
                .contains("Physical")
                .contains("3 March 2026")
                .doesNotContain(ACCOUNT)
                .doesNotContain(LOCATION)
                .doesNotContain(NAME);
        assertThat(shared.split("govuk-summary-list__row", -1))
                .as("four rows: case, level, category, date")
                .hasSize(5);
        assertThat(check)
                .contains("Consent to share with The programme, Police, given 2 March 2026: ")
                .contains("What stays in partner support")
                .contains(ACCOUNT)
                .contains("Save the disclosure");

        GATEWAY.stubFor(post(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/disclosures"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"disclosureId":"44444444-2222-4333-8444-555555555555","trackId":"%s","disclosedOn":"2026-03-03","category":"PHYSICAL",
                         "riskLevel":"HIGH","account":"%s","location":"%s","recordedBy":"demo-partner-support-worker",
                         "recordedAt":"2026-03-03T10:00:00Z","alertId":"55555555-2222-4333-8444-555555555555"}""".formatted(TRACK, ACCOUNT, LOCATION))));
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo(API + "/cases/" + CASE + "/risk-alerts"))
                .willReturn(okJson("""
                [{"alertId":"55555555-2222-4333-8444-555555555555","caseId":"%s","level":"HIGH","category":"PHYSICAL","date":"2026-03-03",
                  "status":"PENDING","createdAt":"2026-03-03T10:00:00Z","attempts":0}]""".formatted(CASE))));
        MvcResult saved = mvc.perform(MockMvcRequestBuilders.post(TRACK_PAGE + "/disclosures")
                        .param("step", "save")
                        .param("disclosedOn.day", "3")
                        .param("disclosedOn.month", "3")
                        .param("disclosedOn.year", "2026")
                        .param("category", "PHYSICAL")
                        .param("riskLevel", "HIGH")
                        .param("account", ACCOUNT)
                        .param("location", LOCATION)
                        .with(worker())
                        .with(csrf()))
                .andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(TRACK_PAGE + "#disclosures");
        assertThat(String.valueOf(saved.getFlashMap().get("success")))
                .isEqualTo("Disclosure recorded. The risk alert for the programme: waiting to be delivered.");
        GATEWAY.verify(postRequestedFor(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/disclosures"))
                .withRequestBody(equalToJson(
                        "{\"disclosedOn\":\"2026-03-03\",\"category\":\"PHYSICAL\",\"riskLevel\":\"HIGH\",\"account\":\"%s\",\"location\":\"%s\"}"
                                .formatted(ACCOUNT, LOCATION))));
    }

    @Test
    void otherRolesPagesNeverAskPartnerSupportForPartnerData() throws Exception {
        GATEWAY.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/cases/" + CASE))
                .willReturn(okJson("""
                {"caseId":"%s","riskMatrix":{"status":"NOT_FOUND"},"programme":{"status":"NOT_FOUND"},
                 "partnerSupport":{"status":"AVAILABLE","summary":{"caseId":"%s","trackExists":true,"currentRiskLevel":"HIGH","contactMade":true}}}""".formatted(CASE, CASE))));
        String page = mvc.perform(MockMvcRequestBuilders.get("/cases/" + CASE).with(user("facilitator")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Partner track").doesNotContain("/partner-support/cases/");
        GATEWAY.verify(0, getRequestedFor(urlPathMatching(API + "/.*")));
        String workers = mvc.perform(
                        MockMvcRequestBuilders.get("/cases/" + CASE).with(worker()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(workers).contains("href=\"/partner-support/cases/" + CASE + "\"");
    }
}
