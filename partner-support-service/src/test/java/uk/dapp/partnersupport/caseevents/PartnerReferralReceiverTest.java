package uk.dapp.partnersupport.caseevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.partnersupport.TestTracks.values;
import static uk.dapp.partnersupport.caseevents.CaseEvents.REFERRALS;
import static uk.dapp.partnersupport.caseevents.CaseEvents.deliver;
import static uk.dapp.partnersupport.caseevents.CaseEvents.deliverConcurrently;
import static uk.dapp.partnersupport.caseevents.CaseEvents.referral;
import static uk.dapp.platform.testsupport.Callers.as;

import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.partnersupport.common.PartnerSupportProperties;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.track.PartnerReferralIntake;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.partnersupport.track.WorkingDays;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.ServiceTest;

/** Partner details sent with a programme referral open unallocated partner tracks, once. */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class PartnerReferralReceiverTest {

    private static final String PHONE = "07700 900123";
    private static final String TWO_PARTNERS = "[{\"relationship\":\"CURRENT_PARTNER\",\"name\":\"Juniper Sample\","
            + "\"phone\":\"" + PHONE + "\"},{\"relationship\":\"EX_PARTNER\",\"name\":\"Rowan Example\"}]";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PartnerSupportProperties properties;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    PartnerTrackService trackService;

    private List<PartnerTrack> tracksOf(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), PartnerTrack.class);
    }

    @Test
    void eachPartnerNamedGetsAnUnallocatedTrackWithTheReferralAndTheFirstContactDueFromArrival(CapturedOutput output)
            throws Exception {
        String caseId = newCaseId();
        UUID messageId = UUID.randomUUID();
        String referralId = UUID.randomUUID().toString();
        LocalDate arrived = Times.today(Clock.systemUTC());
        deliver(mvc, REFERRALS + messageId, referral(caseId, referralId, TWO_PARTNERS))
                .andExpect(status().isNoContent());

        JsonNode tracks =
                json(mvc.perform(get("/cases/" + caseId + "/partner-tracks").with(as(Roles.PARTNER_SUPPORT_WORKER)))
                        .andExpect(status().isOk()));
        assertThat(tracks.size()).isEqualTo(2);
        assertThat(values(tracks, "trackId"))
                .containsExactlyInAnyOrder(
                        PartnerReferralIntake.trackIdFor(messageId, 0), PartnerReferralIntake.trackIdFor(messageId, 1));
        assertThat(values(tracks, "partnerName")).containsExactlyInAnyOrder("Juniper Sample", "Rowan Example");
        LocalDate due = workingDays.after(arrived, properties.firstContactWorkingDays());
        for (JsonNode track : tracks) {
            assertThat(track.has("allocatedWorker")).isFalse();
            assertThat(track.get("status").asString()).isEqualTo("OPEN");
            // the due date counts from arrival (the test may straddle midnight: then one working day later)
            assertThat(LocalDate.parse(track.get("firstContactDueOn").asString()))
                    .isBetween(due, due.plusDays(3));
            assertThat(track.get("referral").get("referralId").asString()).isEqualTo(referralId);
            assertThat(track.get("referral").get("programmeCode").asString()).isEqualTo("CHANGE-01");
            assertThat(track.get("history").get(0).get("by").asString()).isEqualTo("test-svc-programme");
        }
        JsonNode juniper = track(tracks, "Juniper Sample");
        assertThat(juniper.get("relationship").asString()).isEqualTo("CURRENT_PARTNER");
        assertThat(juniper.get("referral").get("phoneGivenAtReferral").asString())
                .isEqualTo(PHONE);
        assertThat(track(tracks, "Rowan Example").get("referral").has("phoneGivenAtReferral"))
                .isFalse();

        // the number and the name are held encrypted, never in the clear, and never logged
        Document raw = mongo.getCollection(PartnerTrack.COLLECTION)
                .find(Filters.eq("_id", PartnerReferralIntake.trackIdFor(messageId, 0)))
                .first();
        assertThat(raw.toJson()).doesNotContain(PHONE).doesNotContain("900123").doesNotContain("Juniper");
        assertThat(raw.get("referral", Document.class).getString("encryptedPhone"))
                .startsWith("v2:");
        assertThat(raw.getString("partnerName")).startsWith("v2:");
        assertThat(output.getAll()).doesNotContain(PHONE).doesNotContain("Juniper");

        // written by the service account, audited as such
        assertThat(mongo.find(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("action")
                                .is(AuditAction.CREATE)),
                        AuditRecord.class))
                .hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.username()).isEqualTo("test-svc-programme");
                    assertThat(r.roles()).containsExactly(Roles.SVC_PROGRAMME);
                });
    }

    @Test
    void unallocatedTracksAreListedForWorkersAndLeaveTheListOnceAllocated() throws Exception {
        String caseId = newCaseId();
        UUID messageId = UUID.randomUUID();
        deliver(mvc, REFERRALS + messageId, referral(caseId, UUID.randomUUID().toString(), TWO_PARTNERS))
                .andExpect(status().isNoContent());
        String first = PartnerReferralIntake.trackIdFor(messageId, 0);
        String second = PartnerReferralIntake.trackIdFor(messageId, 1);

        JsonNode list = json(mvc.perform(get("/unallocated-tracks").with(as(Roles.PARTNER_SUPPORT_WORKER)))
                .andExpect(status().isOk()));
        assertThat(values(list, "trackId")).contains(first, second);
        list.forEach(item -> {
            if (item.get("trackId").asString().equals(first)) {
                assertThat(item.get("caseId").asString()).isEqualTo(caseId);
                assertThat(item.get("programmeCode").asString()).isEqualTo("CHANGE-01");
                // no partner details in a list: read the track for those
                assertThat(item.has("partnerName")).isFalse();
                assertThat(item.toString()).doesNotContain("Juniper").doesNotContain(PHONE);
            }
        });

        send(mvc, put("/partner-tracks/" + first + "/allocation"), "{\"allocatedWorker\":\"psw-ash\",\"version\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocatedWorker").value("psw-ash"));
        JsonNode after = json(mvc.perform(get("/unallocated-tracks").with(as(Roles.PARTNER_SUPPORT_WORKER))));
        assertThat(values(after, "trackId")).contains(second).doesNotContain(first);
    }

    @Test
    void anUnallocatedTrackPastItsDueDateIsInTheOverdueFirstContactList() throws Exception {
        String caseId = newCaseId();
        UUID messageId = UUID.randomUUID();
        deliver(mvc, REFERRALS + messageId, referral(caseId, UUID.randomUUID().toString(), TWO_PARTNERS))
                .andExpect(status().isNoContent());
        String trackId = PartnerReferralIntake.trackIdFor(messageId, 1);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(trackId)),
                Update.update(
                        "firstContactDueOn", Times.today(Clock.systemUTC()).minusDays(10)),
                PartnerTrack.class);

        JsonNode overdue = json(mvc.perform(get("/overdue/first-contacts").with(as(Roles.PARTNER_SUPPORT_WORKER)))
                .andExpect(status().isOk()));
        assertThat(values(overdue, "trackId")).contains(trackId);
        overdue.forEach(item -> {
            if (item.get("trackId").asString().equals(trackId)) {
                assertThat(item.has("allocatedWorker")).isFalse();
            }
        });
    }

    @Test
    void theSameMessageTwiceOpensTheTracksOnce() throws Exception {
        String caseId = newCaseId();
        UUID messageId = UUID.randomUUID();
        String body = referral(caseId, UUID.randomUUID().toString(), TWO_PARTNERS);
        deliver(mvc, REFERRALS + messageId, body).andExpect(status().isNoContent());
        deliver(mvc, REFERRALS + messageId, body).andExpect(status().isNoContent());
        assertThat(tracksOf(caseId)).hasSize(2);
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class))
                .isEqualTo(2);
    }

    @Test
    void theSameMessageFromEightThreadsAtOnceOpensTheTracksOnce() throws Exception {
        String caseId = newCaseId();
        UUID messageId = UUID.randomUUID();
        List<Integer> statuses = deliverConcurrently(
                mvc, REFERRALS + messageId, referral(caseId, UUID.randomUUID().toString(), TWO_PARTNERS), 8);
        assertThat(statuses).containsOnly(204);
        assertThat(tracksOf(caseId)).hasSize(2);
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class))
                .isEqualTo(2);
    }

    @Test
    void aRedeliveryAfterACrashPartWayOpensOnlyTheMissingTrackAndLeavesTheOtherAsItIs() throws Exception {
        String caseId = newCaseId();
        UUID messageId = UUID.randomUUID();
        String body = referral(caseId, UUID.randomUUID().toString(), TWO_PARTNERS);
        deliver(mvc, REFERRALS + messageId, body).andExpect(status().isNoContent());
        String first = PartnerReferralIntake.trackIdFor(messageId, 0);
        String second = PartnerReferralIntake.trackIdFor(messageId, 1);
        send(mvc, put("/partner-tracks/" + first + "/allocation"), "{\"allocatedWorker\":\"psw-ash\",\"version\":0}")
                .andExpect(status().isOk());
        // as if the first delivery had stopped after its first insert
        mongo.remove(Query.query(Criteria.where("_id").is(second)), PartnerTrack.class);

        deliver(mvc, REFERRALS + messageId, body).andExpect(status().isNoContent());
        assertThat(tracksOf(caseId)).extracting(PartnerTrack::trackId).containsExactlyInAnyOrder(first, second);
        PartnerTrack kept = mongo.findById(first, PartnerTrack.class);
        assertThat(kept.allocatedWorker()).isEqualTo("psw-ash");
        assertThat(kept.version()).isEqualTo(1);
        assertThat(trackService.partnerName(mongo.findById(second, PartnerTrack.class)))
                .isEqualTo("Rowan Example");
    }

    @Test
    void badBodiesAreRefusedNamingTheFieldAndOpenNothing() throws Exception {
        String caseId = newCaseId();
        String referralId = UUID.randomUUID().toString();
        String good = referral(caseId, referralId, TWO_PARTNERS);
        record Bad(String body, String field) {}
        List<Bad> bad = List.of(
                new Bad(referral(caseId, referralId, "[]"), "partners"),
                new Bad(referral(caseId, referralId, "[null]"), "partners[0]"),
                new Bad(
                        referral(caseId, referralId, "[{\"relationship\":\"CURRENT_PARTNER\",\"name\":\"   \"}]"),
                        "partners[0].name"),
                new Bad(
                        referral(
                                caseId,
                                referralId,
                                "[{\"relationship\":\"CURRENT_PARTNER\",\"name\":\"A\"},"
                                        + "{\"relationship\":\"EX_PARTNER\",\"name\":\"\"}]"),
                        "partners[1].name"),
                new Bad(
                        referral(caseId, referralId, "[{\"relationship\":\"COUSIN\",\"name\":\"A\"}]"),
                        "partners[0].relationship"),
                new Bad(
                        referral(
                                caseId,
                                referralId,
                                "[{\"relationship\":\"EX_PARTNER\",\"name\":\"A\",\"phone\":\"" + "0".repeat(41)
                                        + "\"}]"),
                        "partners[0].phone"),
                new Bad(good.replace("\"CHANGE-01\"", "\"change one\""), "programmeCode"),
                new Bad(
                        good.replace(
                                caseId, caseId.substring(0, caseId.length() - 1) + (caseId.endsWith("0") ? "1" : "0")),
                        "caseId"),
                new Bad(good.replace("\"referredAt\":\"2026-11-20T09:30:00Z\",", ""), "referredAt"),
                new Bad(good.replace(referralId, "not-a-uuid"), "referralId"));
        for (Bad attempt : bad) {
            deliver(mvc, REFERRALS + UUID.randomUUID(), attempt.body())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(attempt.field()));
        }
        deliver(mvc, REFERRALS + "not-a-uuid", good)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("messageId"));
        assertThat(tracksOf(caseId)).isEmpty();
    }

    @Test
    void onlyTheProgrammeServiceMayDeliver() throws Exception {
        String caseId = newCaseId();
        String body = referral(caseId, UUID.randomUUID().toString(), TWO_PARTNERS);
        for (String role : Roles.EVERY_CALLER) {
            if (role.equals(Roles.SVC_PROGRAMME)) {
                continue;
            }
            deliver(mvc, REFERRALS + UUID.randomUUID(), body, role).andExpect(status().isForbidden());
        }
        assertThat(tracksOf(caseId)).isEmpty();
    }

    private static JsonNode track(JsonNode tracks, String name) {
        for (JsonNode track : tracks) {
            if (track.get("partnerName").asString().equals(name)) {
                return track;
            }
        }
        throw new AssertionError("no track for " + name);
    }
}
