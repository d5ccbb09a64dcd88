package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import uk.dapp.client.partnersupport.api.ConsentApi;
import uk.dapp.client.partnersupport.api.DashApi;
import uk.dapp.client.partnersupport.api.DisclosuresApi;
import uk.dapp.client.partnersupport.api.HouseholdApi;
import uk.dapp.client.partnersupport.api.MaracApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.api.SafeContactApi;
import uk.dapp.client.partnersupport.api.SafetyPlansApi;
import uk.dapp.client.partnersupport.model.AbuseCategory;
import uk.dapp.client.partnersupport.model.AgeBand;
import uk.dapp.client.partnersupport.model.Allocation;
import uk.dapp.client.partnersupport.model.ConsentNew;
import uk.dapp.client.partnersupport.model.ConsentType;
import uk.dapp.client.partnersupport.model.DashAnswer;
import uk.dapp.client.partnersupport.model.DashAssessmentNew;
import uk.dapp.client.partnersupport.model.DisclosureNew;
import uk.dapp.client.partnersupport.model.HouseholdUpdate;
import uk.dapp.client.partnersupport.model.MaracAction;
import uk.dapp.client.partnersupport.model.MaracReferral;
import uk.dapp.client.partnersupport.model.MaracReferralNew;
import uk.dapp.client.partnersupport.model.MaracReferralUpdate;
import uk.dapp.client.partnersupport.model.ProfessionalJudgement;
import uk.dapp.client.partnersupport.model.RiskLevel;
import uk.dapp.client.partnersupport.model.SafeContactUpdate;
import uk.dapp.client.partnersupport.model.SafetyAction;
import uk.dapp.client.partnersupport.model.SafetyPlanContent;
import uk.dapp.client.partnersupport.model.SharingScope;
import uk.dapp.client.partnersupport.model.SocialCareInvolvement;
import uk.dapp.e2e.support.Browser;
import uk.dapp.e2e.support.Rest;
import uk.dapp.e2e.support.TheSystem;

/**
 * The confidentiality firewall in the browser. A case with a partner has everything recorded on her
 * track (name, the referrer's number, safe number, safe times, code word, a disclosure's words and
 * place, a safety plan, a judgement's reason, a MARAC referral's reason, action and outcome note); then every other role signs in and goes through
 * every page it can reach for the case (its home and navigation, the case page, finding the case,
 * the nominal search by her name (its invented root: the box shows what was typed), the nominal's pages, the lists, and the partner pages' addresses
 * typed in, with the deliberate "show" posted too), following every link from those, and no page's
 * HTML holds any of it. The same sweep runs for the other team's partner support worker, to whom
 * the case's track is "Page not found".
 */
class PartnerFirewallWebE2ETest {

    private static final int MOST_PAGES_PER_ROLE = 60;
    private static final Pattern CASE_ID = Pattern.compile("[0-9A-HJ-NP-Z]{6}-[0-9A-HJ-NP-Z]{6}-[0-9A-HJ-NP-Z]{6}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void noOtherRoleAndNoOtherTeamSeesAnythingOfThePartner() {
        WebPartners partner = WebPartners.referredWithAPartner();
        Map<String, String> secrets = recordEverything(partner);
        // the worker of her team does read it all, so the sweep below looks for what is really there
        assertThat(tracks("partner-support-worker")
                        .getPartnerTrack(partner.trackId())
                        .getPartnerName())
                .isEqualTo(partner.partnerName());

        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (String role : List.of("offender-manager", "facilitator", "service-manager", "evaluator", "admin")) {
            Map<String, String> forRole = new LinkedHashMap<>(secrets);
            forRole.put("the track ID", partner.trackId().toString());
            pages += sweep(role, partner, forRole, problems, false);
        }
        pages += sweep("partner-support-worker-south", partner, secrets, problems, true);
        assertThat(problems).isEmpty();
        assertThat(pages).as("pages swept").isGreaterThan(6 * 12);

        // the control: the same sweep as her own team's worker finds her details, on the track and by the show
        List<String> found = new ArrayList<>();
        sweep("partner-support-worker", partner, secrets, found, false);
        assertThat(found)
                .contains(
                        "partner-support-worker sees her name on " + partner.trackPage(),
                        "partner-support-worker sees the MARAC action on " + partner.trackPage(),
                        "partner-support-worker sees the code word by posting the show",
                        "partner-support-worker posting the show got 200");
    }

    /** Everything a worker records on her track, through the API, each value unique to this case. */
    private static Map<String, String> recordEverything(WebPartners partner) {
        String tag = partner.caseId().substring(0, 6);
        int digits = ThreadLocalRandom.current().nextInt(100, 1000);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("her name", partner.partnerName());
        secrets.put(
                "her family name",
                partner.partnerName().substring(partner.partnerName().indexOf(' ') + 1));
        secrets.put("the referrer's number", partner.referralPhone());
        secrets.put(
                "the referrer's number's end",
                partner.referralPhone().substring(partner.referralPhone().length() - 6));
        secrets.put("the safe number", "07700 900" + digits);
        secrets.put("the safe times", "after nine when the shop shuts " + tag);
        secrets.put("the code word", "bluebell" + digits + tag.toLowerCase());
        secrets.put("the disclosure's words", "he broke the bedroom door " + tag);
        secrets.put("where it happened", "Alder Mews " + tag);
        secrets.put("the safety plan", "bag packed at a neighbour's " + tag);
        secrets.put("the judgement's reason", "he has a new shotgun licence " + tag);
        secrets.put("the MARAC referral's reason", "he waits outside her sister's house " + tag);
        secrets.put("the MARAC action", "mark her phone for a priority police response " + tag);
        secrets.put("the MARAC outcome note", "heard at the Midwick MARAC with housing present " + tag);

        String worker = "partner-support-worker";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        var track = tracks(worker).getPartnerTrack(partner.trackId());
        tracks(worker)
                .allocatePartnerTrack(
                        partner.trackId(),
                        new Allocation()
                                .allocatedWorker("demo-partner-support-worker")
                                .version(track.getVersion()));
        api(worker, SafeContactApi::new)
                .putSafeContact(
                        partner.trackId(),
                        new SafeContactUpdate()
                                .safeNumber(secrets.get("the safe number"))
                                .safeTimes(secrets.get("the safe times"))
                                .mayLeaveMessage(false)
                                .codeWord(secrets.get("the code word"))
                                .version(0L));
        // a consenting partner: her support (safety plan, household) is recorded only with consent to support
        api(worker, ConsentApi::new)
                .recordConsent(
                        partner.trackId(),
                        new ConsentNew().type(ConsentType.SUPPORT).givenOn(today));
        api(worker, ConsentApi::new)
                .recordConsent(
                        partner.trackId(),
                        new ConsentNew()
                                .type(ConsentType.INFORMATION_SHARING)
                                .givenOn(today)
                                .scope(Set.of(SharingScope.PROGRAMME)));
        List<DashAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            answers.add(i < 11 ? DashAnswer.YES : DashAnswer.NO);
        }
        api(worker, DashApi::new)
                .completeDashAssessment(
                        partner.trackId(),
                        new DashAssessmentNew()
                                .answers(answers)
                                .completedOn(today)
                                .incidentsInLast12Months(1)
                                .professionalJudgement(new ProfessionalJudgement()
                                        .level(RiskLevel.HIGH)
                                        .reason(secrets.get("the judgement's reason"))));
        api(worker, SafetyPlansApi::new)
                .createSafetyPlan(
                        partner.trackId(),
                        new SafetyPlanContent()
                                .reviewOn(today.plusDays(10))
                                .actions(List.of(new SafetyAction()
                                        .description(secrets.get("the safety plan"))
                                        .owner("the partner"))));
        api(worker, DisclosuresApi::new)
                .recordDisclosure(
                        partner.trackId(),
                        new DisclosureNew()
                                .disclosedOn(today)
                                .category(AbuseCategory.PHYSICAL)
                                .riskLevel(RiskLevel.HIGH)
                                .account(secrets.get("the disclosure's words"))
                                .location(secrets.get("where it happened")));
        MaracReferral referral = api(worker, MaracApi::new)
                .referToMarac(
                        partner.trackId(),
                        new MaracReferralNew()
                                .referredOn(today)
                                .professionalJudgementReason(secrets.get("the MARAC referral's reason")));
        api(worker, MaracApi::new)
                .updateMaracReferral(
                        referral.getMaracReferralId(),
                        new MaracReferralUpdate()
                                .meetingOn(today)
                                .actions(List.of(new MaracAction()
                                        .description(secrets.get("the MARAC action"))
                                        .owner("Police")
                                        .dueOn(today.plusDays(7))))
                                .outcome(uk.dapp.client.partnersupport.model.MaracOutcome.HEARD_ACTIONS_AGREED)
                                .outcomeNote(secrets.get("the MARAC outcome note"))
                                .version(referral.getVersion()));
        api(worker, HouseholdApi::new)
                .putHousehold(
                        partner.trackId(),
                        new HouseholdUpdate()
                                .childrenCount(1)
                                .ageBands(List.of(AgeBand.AGE_5_TO_10))
                                .socialCare(SocialCareInvolvement.EARLY_HELP)
                                .version(0L));
        return secrets;
    }

    /**
     * Signs the role in and reads every page it reaches from the start pages, following links on the
     * web app (not into other cases, not out of it), up to {@link #MOST_PAGES_PER_ROLE}; the track's
     * deliberate "show" is posted too. Each page's HTML, and the answer to the post, must hold none of
     * the secrets. Returns the number of pages read.
     */
    private static int sweep(
            String role,
            WebPartners partner,
            Map<String, String> secrets,
            List<String> problems,
            boolean otherTeamsWorker) {
        String track = partner.trackPage();
        List<String> starts = new ArrayList<>(List.of(
                "/",
                "/cases",
                "/cases?caseId=" + partner.caseId(),
                "/cases/" + partner.caseId(),
                "/risk-matrix/nominals?name=Fictitia",
                "/risk-matrix/nominals?name=" + partner.nominalFamilyName(),
                "/risk-matrix/nominals/" + partner.caseId(),
                "/risk-matrix/cohort?area=Northshire",
                "/partner-support",
                "/partner-support?mine=true",
                "/partner-support/cases/" + partner.caseId(),
                track,
                "/programme/alerts",
                "/programme/alerts?escalated=true",
                "/programme/groups",
                "/programme/caseloads"));
        for (String page : List.of(
                "/safe-contact",
                "/safe-contact/edit",
                "/contact-attempts",
                "/consents",
                "/dash",
                "/dash/1",
                "/safety-plans/new",
                "/disclosures",
                "/outcomes",
                "/household",
                "/closure",
                "/marac-referrals/new")) {
            starts.add(track + page);
        }
        for (MaracReferral referral :
                api("partner-support-worker", MaracApi::new).listMaracReferrals(partner.trackId())) {
            starts.add(track + "/marac-referrals/" + referral.getMaracReferralId() + "/meeting");
            starts.add(track + "/marac-referrals/" + referral.getMaracReferralId() + "/actions/new");
        }
        int read = 0;
        try (Browser browser = Browser.withJavaScript()) {
            browser.signIn(role);
            String base = TheSystem.get().webUrl();
            Deque<String> queue = new ArrayDeque<>(starts);
            Set<String> seen = new java.util.LinkedHashSet<>();
            while (!queue.isEmpty() && seen.size() < MOST_PAGES_PER_ROLE) {
                String path = queue.poll();
                if (!seen.add(path)) {
                    continue;
                }
                browser.open(path);
                read++;
                String html = browser.html();
                secrets.forEach((what, secret) -> {
                    if (html.contains(secret)) {
                        problems.add(role + " sees " + what + " on " + path);
                    }
                });
                if (otherTeamsWorker && path.startsWith(track)) {
                    if (!browser.heading().equals("Page not found")) {
                        problems.add(role + " was not told 'Page not found' on " + path + " but " + browser.heading());
                    }
                }
                if (path.equals(track) && !role.equals("partner-support-worker")) {
                    browser.check("partner-track-refused-" + role);
                }
                for (WebElement link : browser.findAll(By.cssSelector("a[href]"))) {
                    String href = link.getAttribute("href");
                    if (href != null && href.startsWith(base)) {
                        String next = href.substring(base.length()).replaceFirst("#.*$", "");
                        if (followable(next, partner)) {
                            queue.add(next);
                        }
                    }
                }
            }
            System.out.println("firewall sweep: " + role + " read " + read + " pages");
            // the deliberate show, posted as its button would (with the session's CSRF token)
            browser.open("/");
            String answer =
                    (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const csrf = document.querySelector('meta[name="dapp-csrf"]');
                    fetch(arguments[0], {method: 'POST', credentials: 'same-origin',
                        headers: {[csrf.dataset.header]: csrf.content}})
                      .then(r => r.text().then(t => done(r.status + ' ' + t))).catch(e => done('failed ' + e));""", track + "/safe-contact");
            read++;
            String status = answer.substring(0, 3);
            if (!status.equals(otherTeamsWorker ? "404" : "403")) {
                problems.add(role + " posting the show got " + status);
            }
            secrets.forEach((what, secret) -> {
                if (answer.contains(secret)) {
                    problems.add(role + " sees " + what + " by posting the show");
                }
            });
            if (otherTeamsWorker) {
                // the other team's lists leave the case out altogether
                browser.open("/partner-support");
                if (browser.html().contains(partner.caseId())) {
                    problems.add(role + "'s work lists show the case");
                }
                browser.open("/partner-support/cases/" + partner.caseId());
                if (!browser.text().contains("Your team holds no partner track of this case.")) {
                    problems.add(role + " was shown a track of the case");
                }
                browser.check("partner-tracks-other-team");
            }
        }
        return read;
    }

    /** A page of the web app worth reading: not signing out, no static file, no other case or track. */
    private static boolean followable(String path, WebPartners partner) {
        if (path.isEmpty()
                || path.startsWith("/sign-out")
                || path.startsWith("/session")
                || path.startsWith("/assets")
                || path.startsWith("/govuk")
                || path.startsWith("/app/")
                || path.startsWith("/oauth2")
                || path.startsWith("/login")) {
            return false;
        }
        Matcher caseIds = CASE_ID.matcher(path);
        while (caseIds.find()) {
            if (!caseIds.group().equals(partner.caseId())) {
                return false;
            }
        }
        Matcher uuids = UUID.matcher(path);
        while (uuids.find()) {
            if (!uuids.group().equals(partner.trackId().toString())) {
                return false;
            }
        }
        return !path.contains("page=");
    }

    private static PartnerTracksApi tracks(String role) {
        return api(role, PartnerTracksApi::new);
    }

    private static <T> T api(String role, java.util.function.Function<uk.dapp.client.partnersupport.ApiClient, T> api) {
        uk.dapp.client.partnersupport.ApiClient client = new uk.dapp.client.partnersupport.ApiClient(Rest.CLIENT);
        client.setBasePath(TheSystem.get().api("partner-support"));
        client.setBearerToken(TheSystem.get().keycloak().tokenFor(role));
        return api.apply(client);
    }
}
