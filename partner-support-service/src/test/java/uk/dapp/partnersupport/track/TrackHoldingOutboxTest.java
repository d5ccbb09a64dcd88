package uk.dapp.partnersupport.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * Opening and closing a track owe programme-service, in the same write, the news of whether the case
 * is supported: an opaque reference to the track, nothing about the partner (ADR 0009).
 */
@ServiceTest
class TrackHoldingOutboxTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private List<Document> holdings(String trackId) {
        Document raw = mongo.findById(trackId, Document.class, PartnerTrack.COLLECTION);
        return raw.getList(OutboxEntry.FIELD, Document.class).stream()
                .filter(e -> e.getString("type").equals(TrackHeld.TYPE.name()))
                .toList();
    }

    private static Map<String, Object> payload(Document entry) {
        return Map.copyOf(entry.get("payload", Document.class));
    }

    @Test
    void aTrackOpenedByAWorkerAndThenClosedOwesProgrammeTwoMessagesWithAGrowingSequence() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Heather Synthetic");
        String ref = PartnerTrack.referenceOf(trackId);
        assertThat(ref).isNotEqualTo(trackId);
        assertThat(holdings(trackId)).singleElement().satisfies(e -> {
            assertThat(e.getString("destination")).isEqualTo("programme");
            assertThat(e.getString("caseId")).isEqualTo(caseId);
            assertThat(payload(e)).isEqualTo(Map.of("caseId", caseId, "trackRef", ref, "held", true, "sequence", 1L));
        });

        send(mvc, post("/partner-tracks/" + trackId + "/closure"), "{\"reason\":\"SUPPORT_COMPLETED\",\"version\":0}")
                .andExpect(status().isOk());
        assertThat(holdings(trackId))
                .hasSize(2)
                .last()
                .satisfies(e -> assertThat(payload(e))
                        .isEqualTo(Map.of("caseId", caseId, "trackRef", ref, "held", false, "sequence", 2L)));
        // nothing about the partner, nor the track's own ID, travels
        assertThat(holdings(trackId))
                .allSatisfy(
                        e -> assertThat(e.toJson()).doesNotContain("Heather").doesNotContain(trackId));
    }

    @Test
    void aTrackOpenedFromAProgrammeReferralOwesTheSameOnceHoweverOftenTheReferralArrives() throws Exception {
        String caseId = newCaseId();
        UUID messageId = UUID.randomUUID();
        String body = "{\"caseId\":\"" + caseId + "\",\"referralId\":\"" + UUID.randomUUID() + "\",\"programmeCode\":"
                + "\"CHANGE-01\",\"referredAt\":\"2026-11-20T09:30:00Z\",\"team\":\"test-team\",\"partners\":[{\"relationship\":\"EX_PARTNER\","
                + "\"name\":\"Rowan Synthetic\"}]}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(MockMvcRequestBuilders.put("/case-events/partner-referrals/" + messageId)
                            .with(as("svc-programme"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isNoContent());
        }
        String trackId = PartnerReferralIntake.trackIdFor(messageId, 0);
        assertThat(holdings(trackId))
                .singleElement()
                .satisfies(e -> assertThat(payload(e))
                        .isEqualTo(Map.of(
                                "caseId",
                                caseId,
                                "trackRef",
                                PartnerTrack.referenceOf(trackId),
                                "held",
                                true,
                                "sequence",
                                1L)));
    }
}
