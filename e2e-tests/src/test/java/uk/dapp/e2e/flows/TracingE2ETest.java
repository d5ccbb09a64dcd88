package uk.dapp.e2e.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.dapp.platform.testsupport.TraceParents.newTraceId;
import static uk.dapp.platform.testsupport.TraceParents.traceparent;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collector;
import java.util.stream.Collectors;
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
 * the receiving service's handling of the message, and onward through the receiver's own outbox. The partner
 * track a facilitator's later request opens on the decision's referral opens in the decision's trace, linked to
 * that request's. A decision made on the web app's page begins its trace there (the browser sends none), and the
 * gateway continues it.
 */
class TracingE2ETest {

    private static final String FACILITATOR = "facilitator";
    private static final String PSW = "partner-support-worker";

    @Test
    void oneTraceRunsFromTheEngageDecisionThroughTheOutboxesToThePartnerTrack_linkedToTheFacilitatorsRequest() {
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

        // the facilitator names a partner in a request of their own, so a trace of their own: the gateway,
        // programme-service and its outbox, down to partner support receiving the partner referral
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
                "the facilitator's spans",
                () -> TheSystem.get().traces().trace(partnerTrace),
                spans -> has(spans, "gateway", "")
                        && has(spans, "programme-service", "/partners")
                        && has(spans, "programme-service", "outbox")
                        && has(spans, "partner-support-service", "/case-events/partner-referrals/"));

        // the track opens in the decision's trace, under partner support's receipt of the referral holding, and
        // its news goes on from there: partner support's outbox delivering track-held.v1, programme-service
        // receiving it (ADR 0017)
        List<TraceReceiver.Span> whole = Eventually.until(
                "the partner track's opening and its news in the decision's trace",
                () -> TheSystem.get().traces().trace(decisionTrace),
                spans -> has(spans, "partner-support-service", "partner-track opening")
                        && has(spans, "partner-support-service", "outbox deliver track-held")
                        && has(spans, "programme-service", "/case-events/track-holdings/"));
        assertThat(whole).extracting(TraceReceiver.Span::traceId).containsOnly(decisionTrace);
        TraceReceiver.Span opening = whole.stream() // one per delivery of the partner referral: one, unless retried
                .filter(span -> span.name().equals("partner-track opening"))
                .findFirst()
                .orElseThrow();
        assertThat(ancestors(whole, opening))
                .as("the opening sits under partner support's receipt of the referral holding")
                .anyMatch(span -> span.service().equals("partner-support-service")
                        && span.name().contains("/case-events/referral-holdings/"));

        // and the two traces lead to each other: the opening links to the span current in partner support's
        // handling of the facilitator's partner referral (under its server span), and that span names the
        // decision's trace
        TraceReceiver.Linked linked = opening.links().stream().collect(onlyOne());
        assertThat(linked.traceId()).isEqualTo(partnerTrace);
        List<TraceReceiver.Span> namedNow = TheSystem.get().traces().trace(partnerTrace);
        TraceReceiver.Span receipt = namedNow.stream()
                .filter(span -> span.spanId().equals(linked.spanId()))
                .collect(onlyOne());
        assertThat(receipt.service()).isEqualTo("partner-support-service");
        assertThat(receipt.tags()).containsEntry("dapp.trace.continued-in", decisionTrace);
        assertThat(ancestors(namedNow, receipt))
                .as("the linked span: partner support's handling of the partner referral")
                .anyMatch(span -> span.service().equals("partner-support-service")
                        && span.name().contains("/case-events/partner-referrals/"));
        assertThat(namedNow)
                .as("the track's news left the facilitator's trace for the decision's")
                .noneMatch(span ->
                        span.name().contains("track-held") || span.name().contains("track-holdings"));
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

    /** The span and its ancestors within the trace, nearest first, as far as the spans received reach. */
    private static List<TraceReceiver.Span> ancestors(List<TraceReceiver.Span> trace, TraceReceiver.Span span) {
        List<TraceReceiver.Span> line = new ArrayList<>();
        for (TraceReceiver.Span at = span; at != null && line.size() < trace.size(); ) {
            line.add(at);
            String parent = at.parentSpanId();
            at = trace.stream()
                    .filter(candidate -> candidate.spanId().equals(parent))
                    .findFirst()
                    .orElse(null);
        }
        return line;
    }

    private static <T> Collector<T, ?, T> onlyOne() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.getFirst();
        });
    }
}
