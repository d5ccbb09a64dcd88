package uk.dapp.partnersupport.caseevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.caseevents.CaseEvents.PROGRAMME;
import static uk.dapp.partnersupport.caseevents.CaseEvents.REFERRALS;
import static uk.dapp.partnersupport.caseevents.CaseEvents.referral;
import static uk.dapp.platform.testsupport.Callers.as;
import static uk.dapp.platform.testsupport.TraceParents.newTraceId;
import static uk.dapp.platform.testsupport.TraceParents.traceparent;

import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.partnersupport.holding.ReferralHoldings;
import uk.dapp.partnersupport.track.PartnerReferralIntake;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * A partner track opens in the trace of the ENGAGE decision that made its referral (ADR 0017): the
 * referral's holding keeps the trace context it was received under, and the track's opening, and so
 * the news of it to programme-service, continues that trace rather than the facilitator's. A holding
 * kept before contexts were, or with one that cannot be read, opens the track in the facilitator's
 * trace, as before, and never fails the opening.
 */
@ServiceTest
class TrackOpeningTraceTest {

    private static final String HOLDINGS = "/case-events/referral-holdings/";
    private static final String ONE_PARTNER = "[{\"relationship\":\"CURRENT_PARTNER\",\"name\":\"Juniper Sample\"}]";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReferralHoldings holdings;

    @Test
    void aHoldingKeepsTheTraceItWasFirstReceivedUnderThroughRepeatsAndLaterChanges() throws Exception {
        String caseId = newCaseId();
        UUID referralId = UUID.randomUUID();
        String decision = newTraceId();
        String opening = HOLDINGS + UUID.randomUUID();
        deliver(opening, holding(caseId, referralId, true, 1), decision);
        assertThat(traceOf(holdings.madeUnder(CaseId.parse(caseId), referralId).orElseThrow()))
                .isEqualTo(decision);

        deliver(opening, holding(caseId, referralId, true, 1), newTraceId()); // the same message again
        deliver(HOLDINGS + UUID.randomUUID(), holding(caseId, referralId, false, 2), newTraceId()); // closed
        assertThat(traceOf(holdings.madeUnder(CaseId.parse(caseId), referralId).orElseThrow()))
                .isEqualTo(decision);
        assertThat(holdings.madeUnder(CaseId.parse(caseId), UUID.randomUUID())).isEmpty();
        assertThat(holdings.madeUnder(CaseId.parse(newCaseId()), referralId)).isEmpty();
    }

    @Test
    void aPartnerTrackOpensInTheDecisionsTraceAndSoDoesItsNewsToTheProgramme_once() throws Exception {
        String caseId = newCaseId();
        UUID referralId = UUID.randomUUID();
        String decision = newTraceId();
        deliver(HOLDINGS + UUID.randomUUID(), holding(caseId, referralId, true, 1), decision);

        UUID named = UUID.randomUUID();
        deliver(REFERRALS + named, referral(caseId, referralId.toString(), ONE_PARTNER), newTraceId());
        assertThat(newsTraces(named)).containsExactly(decision);

        // the same message again, in another trace: nothing more opens, nothing more is owed
        deliver(REFERRALS + named, referral(caseId, referralId.toString(), ONE_PARTNER), newTraceId());
        assertThat(newsTraces(named)).containsExactly(decision);
        // another partner named later on the same referral: the same decision's trace
        UUID namedLater = UUID.randomUUID();
        deliver(REFERRALS + namedLater, referral(caseId, referralId.toString(), ONE_PARTNER), newTraceId());
        assertThat(newsTraces(namedLater)).containsExactly(decision);
    }

    @Test
    void aHoldingKeptBeforeContextsWereOpensTheTrackInTheFacilitatorsTrace() throws Exception {
        String caseId = newCaseId();
        UUID referralId = UUID.randomUUID();
        deliver(HOLDINGS + UUID.randomUUID(), holding(caseId, referralId, true, 1), newTraceId());
        storeMark(
                caseId,
                new Document("key", referralId.toString())
                        .append("held", true)
                        .append("sequence", 1L)); // as written before this change: no madeUnder
        assertThat(holdings.madeUnder(CaseId.parse(caseId), referralId)).isEmpty();

        String facilitator = newTraceId();
        UUID named = UUID.randomUUID();
        deliver(REFERRALS + named, referral(caseId, referralId.toString(), ONE_PARTNER), facilitator);
        assertThat(newsTraces(named)).containsExactly(facilitator);
    }

    @Test
    void aPartnerNamedOnAReferralNotYetHeldHereOpensInTheFacilitatorsTrace() throws Exception {
        String facilitator = newTraceId();
        UUID named = UUID.randomUUID();
        deliver(REFERRALS + named, referral(newCaseId(), UUID.randomUUID().toString(), ONE_PARTNER), facilitator);
        assertThat(newsTraces(named)).containsExactly(facilitator);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a trace context",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-and-more",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00" // a trace its caller did not sample
            })
    void aStoredContextThatCannotBeJoinedNeverFailsTheOpening(String stored) throws Exception {
        String caseId = newCaseId();
        UUID referralId = UUID.randomUUID();
        deliver(HOLDINGS + UUID.randomUUID(), holding(caseId, referralId, true, 1), newTraceId());
        storeMark(
                caseId,
                new Document("key", referralId.toString())
                        .append("held", true)
                        .append("sequence", 1L)
                        .append("madeUnder", stored));

        String facilitator = newTraceId();
        UUID named = UUID.randomUUID();
        deliver(REFERRALS + named, referral(caseId, referralId.toString(), ONE_PARTNER), facilitator);
        assertThat(newsTraces(named)).containsExactly(facilitator);
    }

    private void deliver(String path, String body, String traceId) throws Exception {
        mvc.perform(put(path)
                        .with(as(PROGRAMME))
                        .header("traceparent", traceparent(traceId))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNoContent());
    }

    private void storeMark(String caseId, Document mark) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(caseId)),
                new Update().set("marks", List.of(mark)),
                "referral_holdings");
    }

    /** The trace IDs of what the tracks opened by a message owe programme-service (one track per message here). */
    private List<String> newsTraces(UUID messageId) {
        PartnerTrack track = mongo.findById(PartnerReferralIntake.trackIdFor(messageId, 0), PartnerTrack.class);
        assertThat(track).as("the track the message opened").isNotNull();
        return track.outbox().stream()
                .map(OutboxEntry::traceparent)
                .map(TrackOpeningTraceTest::traceOf)
                .toList();
    }

    private static String holding(String caseId, UUID referralId, boolean held, long sequence) {
        return "{\"caseId\":\"" + caseId + "\",\"referralId\":\"" + referralId + "\",\"held\":" + held
                + ",\"sequence\":" + sequence + "}";
    }

    private static String traceOf(String traceparent) {
        return traceparent.split("-")[1];
    }
}
