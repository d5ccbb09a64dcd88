package uk.dapp.partnersupport.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import com.google.crypto.tink.KeysetHandle;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * Key rotation end to end in the service: safe contact details and a referral phone stored with
 * the demo keyset and, for one record of each, in the v1 format of the release before keysets, and a
 * partner's name in the clear as the releases before its encryption stored it; the
 * keyset file rotated twice, the running service switching to each new primary key, the
 * re-encryption job moving every value to it; the older keys then removed, and everything read
 * back through the API as a partner support worker.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class KeyRotationTest {

    private static final String SAFE_CONTACTS = "safe_contacts";
    private static final String TRACKS = "partner_tracks";
    private static final List<String> CONTACT_FIELDS =
            List.of("safeNumber", "safeTimes", "mayLeaveMessage", "codeWord");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FieldCipher cipher;

    @Autowired
    Reencryption reencryption;

    @TempDir
    Path dir;

    private record Contact(String trackId, String number, String times, String codeWord) {}

    @Test
    void rotatesTwiceMovesEveryValueToTheNewKeyAndReadsEverythingBack(CapturedOutput output) throws Exception {
        KeysetHandle original = cipher.keyset();
        KeysetHandle newest = original;
        try {
            List<Contact> contacts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                contacts.add(safeContact(i));
            }
            String caseId = newCaseId();
            String phoneTrack = referredWithPhone(caseId, "07700 900318");
            // the last contact and the phone as the release before keysets stored them
            Contact older = contacts.get(2);
            Map<String, String> v1 = new LinkedHashMap<>();
            v1.put("safeNumber", older.number());
            v1.put("safeTimes", older.times());
            v1.put("mayLeaveMessage", "false");
            v1.put("codeWord", older.codeWord());
            Update asBefore = new Update();
            v1.forEach((field, value) -> asBefore.set(
                    field,
                    V1Values.encrypt(
                            V1Values.DEMO_KEY,
                            V1Values.DEMO_KEY_ID,
                            value,
                            SAFE_CONTACTS + "/" + older.trackId() + "/" + field)));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(older.trackId())), asBefore, SAFE_CONTACTS);
            // and the partner's name as the releases before its encryption stored it: in the clear
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(phoneTrack)),
                    new Update()
                            .set("partnerName", "Juniper Sample")
                            .set(
                                    "referral.encryptedPhone",
                                    V1Values.encrypt(
                                            V1Values.DEMO_KEY,
                                            V1Values.DEMO_KEY_ID,
                                            "07700 900318",
                                            TRACKS + "/" + phoneTrack + "/referralPhone")),
                    TRACKS);
            readBack(contacts, caseId);

            // the keyset as a mounted Secret would hold it, read by the running service's cipher
            Path file = dir.resolve("keyset.json");
            Files.writeString(file, Keysets.serialize(original));
            EncryptionSettings settings = new EncryptionSettings(
                    null, file.toString(), Map.of(), Duration.ofMinutes(1), Duration.ofMinutes(15), 200);
            KeysetSource source = KeysetSource.of(settings);
            source.read();
            KeysetReloadRunner runner = new KeysetReloadRunner(cipher, source, settings.reloadEvery());
            assertThat(runner.reload()).as("unchanged file").isFalse();

            List<Integer> retired = new ArrayList<>();
            for (int rotation = 1; rotation <= 2; rotation++) {
                retired.add(newest.getPrimary().getId());
                newest = Keysets.withNewKey(Keysets.parse(Files.readString(file)), true);
                Files.writeString(file, Keysets.serialize(newest));
                assertThat(runner.reload()).isTrue();
                assertThat(cipher.primaryKeyId())
                        .as("new writes use the new primary key")
                        .isEqualTo(newest.getPrimary().getId())
                        .isNotIn(retired);

                Reencryption.Report report = reencryption.runOnce();
                assertThat(report.left())
                        .as("rotation " + rotation + ": nothing left on an older key")
                        .isZero();
                assertThat(report.failed()).isZero();
                assertThat(report.primaryKey())
                        .isEqualTo("v2 key " + Keysets.id(newest.getPrimary().getId()));
                String prefix = FieldCipher.prefix(newest.getPrimary().getId());
                for (Contact contact : contacts) {
                    Document stored = mongo.getCollection(SAFE_CONTACTS)
                            .find(Filters.eq("_id", contact.trackId()))
                            .first();
                    CONTACT_FIELDS.forEach(field ->
                            assertThat(stored.getString(field)).as(field).startsWith(prefix));
                    // re-encryption changes no content: the version a worker holds stays good
                    assertThat(stored.getLong("version")).isZero();
                }
                assertThat(storedPhone(phoneTrack)).startsWith(prefix);
                assertThat(storedName(phoneTrack)).startsWith(prefix).doesNotContain("Juniper");
                readBack(contacts, caseId);
            }
            assertThat(mongo.count(
                            Query.query(new Criteria()
                                    .orOperator(CONTACT_FIELDS.stream()
                                            .map(f -> Criteria.where(f).regex("^v1:"))
                                            .toArray(Criteria[]::new))),
                            SAFE_CONTACTS))
                    .as("no v1 value is left anywhere")
                    .isZero();

            // the older keys go; everything is still readable with the newest key alone
            KeysetHandle onlyNewest = newest;
            for (int id : retired) {
                onlyNewest = Keysets.remove(onlyNewest, id);
            }
            Files.writeString(file, Keysets.serialize(onlyNewest));
            assertThat(runner.reload()).isTrue();
            assertThat(Keysets.keyIds(cipher.keyset()))
                    .containsExactly(newest.getPrimary().getId());
            readBack(contacts, caseId);

            // a worker's save after all this, with the version read before the rotations, goes through
            Contact first = contacts.get(0);
            send(
                            mvc,
                            put("/partner-tracks/" + first.trackId() + "/safe-contact"),
                            body("07700 900777", first.times(), "lilac", 0))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(1));

            assertThat(output.getAll())
                    .contains(
                            "re-encryption: " + SAFE_CONTACTS + ".codeWord: ",
                            " moved, 0 failed",
                            "re-encryption done",
                            "keyset reloaded from " + file);
            for (Contact contact : contacts) {
                assertThat(output.getAll()).doesNotContain(contact.number()).doesNotContain(contact.codeWord());
            }
            assertThat(output.getAll())
                    .doesNotContain("07700 900318")
                    .doesNotContain("Juniper")
                    .doesNotContain("\"value\"");
        } finally {
            // the other tests of this context go on with the demo keyset, holding the newest key too
            KeysetHandle.Builder restored = KeysetHandle.newBuilder(original);
            if (newest != original) {
                restored.addEntry(KeysetHandle.importKey(newest.getPrimary().getKey())
                        .withFixedId(newest.getPrimary().getId()));
            }
            cipher.useKeyset(restored.build());
        }
    }

    private Contact safeContact(int i) throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        Contact contact = new Contact(trackId, "07700 90041" + i, "weekday mornings, slot " + i, "foxglove" + i);
        send(
                        mvc,
                        put("/partner-tracks/" + trackId + "/safe-contact"),
                        body(contact.number(), contact.times(), contact.codeWord(), 0))
                .andExpect(status().isOk());
        return contact;
    }

    private String referredWithPhone(String caseId, String phone) throws Exception {
        UUID messageId = UUID.randomUUID();
        mvc.perform(put("/case-events/partner-referrals/" + messageId)
                        .with(as("svc-programme"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseId\":\"" + caseId + "\",\"referralId\":\"" + UUID.randomUUID()
                                + "\",\"programmeCode\":"
                                + "\"CHANGE-01\",\"referredAt\":\"2026-11-20T09:30:00Z\",\"team\":\"test-team\",\"partners\":[{\"relationship\":"
                                + "\"CURRENT_PARTNER\",\"name\":\"Juniper Sample\",\"phone\":\"" + phone + "\"}]}"))
                .andExpect(status().isNoContent());
        return mongo.getCollection(TRACKS)
                .find(Filters.eq("caseId", caseId))
                .first()
                .getString("_id");
    }

    private String storedPhone(String trackId) {
        return mongo.getCollection(TRACKS)
                .find(Filters.eq("_id", trackId))
                .first()
                .get("referral", Document.class)
                .getString("encryptedPhone");
    }

    private String storedName(String trackId) {
        return mongo.getCollection(TRACKS)
                .find(Filters.eq("_id", trackId))
                .first()
                .getString("partnerName");
    }

    private void readBack(List<Contact> contacts, String caseId) throws Exception {
        for (Contact contact : contacts) {
            mvc.perform(get("/partner-tracks/" + contact.trackId() + "/safe-contact")
                            .with(as("partner-support-worker")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.safeNumber").value(contact.number()))
                    .andExpect(jsonPath("$.safeTimes").value(contact.times()))
                    .andExpect(jsonPath("$.mayLeaveMessage").value(false))
                    .andExpect(jsonPath("$.codeWord").value(contact.codeWord()));
        }
        JsonNode tracks =
                json(mvc.perform(get("/cases/" + caseId + "/partner-tracks").with(as("partner-support-worker")))
                        .andExpect(status().isOk()));
        assertThat(tracks.get(0).get("referral").get("phoneGivenAtReferral").asString())
                .isEqualTo("07700 900318");
        assertThat(tracks.get(0).get("partnerName").asString()).isEqualTo("Juniper Sample");
    }

    private static String body(String number, String times, String codeWord, long version) {
        return "{\"safeNumber\":\"" + number + "\",\"safeTimes\":\"" + times + "\",\"mayLeaveMessage\":false,"
                + "\"codeWord\":\"" + codeWord + "\",\"version\":" + version + "}";
    }
}
