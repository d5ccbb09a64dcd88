package uk.dapp.e2e.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.model.PartnerDetails;
import uk.dapp.client.programme.model.PartnersPassOn;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.Pathway;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.RoutingDecision;
import uk.dapp.e2e.riskmatrix.RiskMatrixClients;
import uk.dapp.e2e.support.Browser;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.e2e.support.TraceReceiver;

/**
 * One trace follows a case across the services and their outboxes (ADR 0017), read from the spans
 * every process exported to the test's OTLP receiver ({@link TraceReceiver}), with real Keycloak
 * tokens through the gateway. A request sent into the gateway with a {@code traceparent} keeps its
 * trace ID in the gateway, in the service that handles it, in that service's outbox delivery and in
 * the receiving service's handling of the message, and onward through the receiver's own outbox. A decision
 * made on the web app's page begins its trace there (the browser sends none), and the gateway continues it.
 */
class TracingE2ETest {

    private static final String FACILITATOR = "facilitator";
    private static final String PSW = "partner-support-worker";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theEngageDecisionsTraceReachesTheProgrammesReferralAndPartnerSupport_andNamingAPartnerTracesTheTrackItOpens() {
        String caseId = FlowFixtures.scoredNominal();
        // run first on a fresh system, the catalogue may still be on its way to the risk matrix (programme's outbox)
        Eventually.until(
                "Drive in the recommendation",
                () -> FlowFixtures.routing(caseId),
                routing -> routing.getRecommendation().getPathways().contains(Pathway.DRIVE));

        // the ENGAGE decision, sent into the gateway inside a trace of the caller's
        String decisionTrace = newTraceId();
        uk.dapp.client.riskmatrix.ApiClient om = RiskMatrixClients.as(FlowFixtures.OM);
        om.addDefaultHeader("traceparent", traceparent(decisionTrace));
        new RoutingApi(om).decideRouting(caseId, new RoutingDecision().route(Route.ENGAGE));
        Referral referral = Eventually.until(
                        "a referral from the risk matrix",
                        () -> Clients.referrals(FACILITATOR).listCaseReferrals(caseId),
                        list -> !list.isEmpty())
                .getFirst();

        // the gateway, the risk matrix (the decision, then its outbox delivery), programme-service receiving the
        // referral, and partner support receiving what programme's outbox then sent about the referral it holds
        List<TraceReceiver.Span> decision = Eventually.until(
                "the decision's spans from every service",
                () -> TheSystem.get().traces().trace(decisionTrace),
                spans -> has(spans, "gateway", "")
                        && has(spans, "risk-matrix-service", "/routing")
                        && has(spans, "risk-matrix-service", "outbox")
                        && has(spans, "programme-service", "/case-events/engage-referrals/")
                        && has(spans, "partner-support-service", "/case-events/referral-holdings/"));
        assertThat(decision).extracting(TraceReceiver.Span::traceId).containsOnly(decisionTrace);

        // the facilitator names a partner in a trace of their own: programme's outbox carries it to the partner
        // track partner support opens
        String partnerTrace = newTraceId();
        ReferralsApi referrals = Clients.referrals(FACILITATOR);
        referrals.getApiClient().addDefaultHeader("traceparent", traceparent(partnerTrace));
        referrals.passOnPartners(
                referral.getReferralId(),
                new PartnersPassOn()
                        .partners(List.of(new PartnerDetails()
                                .relationship(PartnerDetails.RelationshipEnum.CURRENT_PARTNER)
                                .name("Fictional Tracepartner"))));
        Eventually.until(
                "a partner track", () -> Clients.partnerTracks(PSW).listPartnerTracks(caseId), list -> !list.isEmpty());
        Eventually.until(
                "the track's spans",
                () -> TheSystem.get().traces().trace(partnerTrace),
                spans -> has(spans, "gateway", "")
                        && has(spans, "programme-service", "/partners")
                        && has(spans, "programme-service", "outbox")
                        && has(spans, "partner-support-service", "/case-events/partner-referrals/"));
    }

    @Test
    void anEngageDecisionInTheWebAppIsTheRootOfTheTraceThatReachesPartnerSupport() {
        String caseId = FlowFixtures.scoredNominal();
        Eventually.until(
                "Drive in the recommendation",
                () -> FlowFixtures.routing(caseId),
                routing -> routing.getRecommendation().getPathways().contains(Pathway.DRIVE));

        // the offender manager's decision as recommended (engage, Drive), on the web app's page
        try (Browser browser = Browser.withJavaScript().signIn(FlowFixtures.OM)) {
            browser.open("/risk-matrix/nominals/" + caseId + "/decision");
            browser.choose("route");
            browser.click("Record the decision");
            assertThat(browser.text()).contains("Decision recorded");
        }

        // the web app's page request, then the gateway, the risk matrix and its outbox, programme-service and
        // partner support, all in one trace: the browser sent no traceparent, so the web app began it
        Eventually.until(
                "a trace from the web app's decision to partner support",
                () -> TheSystem.get().traces().tracesWith("web", "post /risk-matrix/nominals/").stream()
                        .map(trace -> TheSystem.get().traces().trace(trace))
                        .filter(spans -> has(spans, "gateway", "")
                                && has(spans, "risk-matrix-service", "/routing")
                                && has(spans, "risk-matrix-service", "outbox")
                                && has(spans, "programme-service", "/case-events/engage-referrals/")
                                && has(spans, "partner-support-service", "/case-events/referral-holdings/"))
                        .toList(),
                traces -> !traces.isEmpty());
    }

    private static boolean has(List<TraceReceiver.Span> spans, String service, String nameContains) {
        return spans.stream()
                .anyMatch(span -> span.service().equals(service) && span.name().contains(nameContains));
    }

    private static String newTraceId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** A sampled W3C trace context whose parent is the caller's own (made-up) span. */
    private static String traceparent(String traceId) {
        byte[] parent = new byte[8];
        RANDOM.nextBytes(parent);
        return "00-" + traceId + "-" + HexFormat.of().formatHex(parent) + "-01";
    }
}
