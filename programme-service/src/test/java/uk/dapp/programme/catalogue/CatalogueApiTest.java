package uk.dapp.programme.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.programme.Api;
import uk.dapp.programme.ProgrammeServiceTest;

@ProgrammeServiceTest
class CatalogueApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private static String programme(String code, String type, Integer capacity) {
        return """
                {"code":"%s","name":"Test programme","type":"%s","sessionCount":12,"sessionLengthMinutes":90,
                 "durationWeeks":24,"eligibility":{"sexes":["MALE","FEMALE"],"minimumAge":18,"riskLevels":["HIGH"]},
                 %s"caseloadLimit":5,"nonComplianceThreshold":2,"miSessionCap":1}""".formatted(code, type, capacity == null ? "" : "\"groupCapacity\":" + capacity + ",");
    }

    @Test
    void theSeededProgrammesAreListedForReferrers() throws Exception {
        Api api = new Api(mvc);
        JsonNode list = api.getJson("/programmes", "offender-manager");
        assertThat(list.valueStream().map(p -> p.get("code").asString()).toList())
                .contains("CHANGE-GROUP", "DRIVE-1TO1", "WOMEN-GROUP");
        JsonNode change = api.getJson("/programmes/CHANGE-GROUP", "facilitator");
        assertThat(change.get("type").asString()).isEqualTo("GROUP");
        assertThat(change.get("durationWeeks").asInt()).isGreaterThanOrEqualTo(22);
        assertThat(change.get("groupCapacity").asInt()).isEqualTo(10);
    }

    @Test
    void anAdminAddsAndChangesAProgrammeAndAStaleVersionIsRefusedWith409() throws Exception {
        Api api = new Api(mvc);
        String code = "T" + (System.nanoTime() % 1_000_000_000L);
        JsonNode created = api.expect(201, "POST", "/programmes", "admin", programme(code, "ONE_TO_ONE", null))
                .body();
        long version = created.get("version").asLong();
        api.expect(409, "POST", "/programmes", "admin", programme(code, "ONE_TO_ONE", null));

        String update = programme(code, "ONE_TO_ONE", null)
                .replace("{\"code\":\"" + code + "\",", "{")
                .replace("\"miSessionCap\":1}", "\"miSessionCap\":2,\"version\":" + version + "}");
        JsonNode updated =
                api.expect(200, "PUT", "/programmes/" + code, "admin", update).body();
        assertThat(updated.get("miSessionCap").asInt()).isEqualTo(2);
        assertThat(updated.get("version").asLong()).isGreaterThan(version);

        // a second admin still holding the first version: optimistic locking answers 409, nothing changes
        Api.Reply stale = api.expect(
                409, "PUT", "/programmes/" + code, "admin", update.replace("\"miSessionCap\":2", "\"miSessionCap\":3"));
        assertThat(stale.raw()).contains("changed this record");
        assertThat(api.getJson("/programmes/" + code, "admin")
                        .get("miSessionCap")
                        .asInt())
                .isEqualTo(2);
        api.expect(404, "PUT", "/programmes/NO-SUCH-ONE", "admin", update);
    }

    @Test
    void badProgrammesAreRefusedByFieldAndRuleAndNothingIsStored() throws Exception {
        Api api = new Api(mvc);
        String code = "G" + (System.nanoTime() % 1_000_000_000L);
        JsonNode noCapacity = api.expect(400, "POST", "/programmes", "admin", programme(code, "GROUP", null))
                .body();
        assertThat(noCapacity.get("errors").get(0).get("field").asString()).isEqualTo("groupCapacity");
        assertThat(noCapacity.get("errors").get(0).get("rule").asString()).isEqualTo("RequiredForGroup");
        JsonNode tooMany = api.expect(400, "POST", "/programmes", "admin", programme(code, "GROUP", 500))
                .body();
        assertThat(tooMany.get("errors").get(0).get("field").asString()).isEqualTo("groupCapacity");
        api.expect(400, "POST", "/programmes", "admin", programme("lower-case", "GROUP", 5));
        api.expect(404, "GET", "/programmes/" + code, "admin", null);
        assertThat(mongo.exists(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .is(code)),
                        Programme.class))
                .isFalse();
    }

    @Test
    void aGroupProgrammeShorterThanTheRespectMinimumsIsRefusedNamingTheFieldAndTheRule() throws Exception {
        Api api = new Api(mvc);
        String code = "R" + (System.nanoTime() % 1_000_000_000L);
        // the test programme: 12 sessions of 90 minutes (18 hours) over 24 weeks
        JsonNode tooLittle = api.expect(400, "POST", "/programmes", "admin", programme(code, "GROUP", 10))
                .body();
        assertThat(tooLittle.get("errors")).hasSize(1);
        assertThat(tooLittle.get("errors").get(0).get("field").asString()).isEqualTo("sessionCount");
        assertThat(tooLittle.get("errors").get(0).get("rule").asString()).isEqualTo("RespectMinimumHours");
        assertThat(tooLittle.get("errors").get(0).get("message").asString()).contains("60 hours", "18 hours");
        api.expect(404, "GET", "/programmes/" + code, "admin", null);

        String enough = programme(code, "GROUP", 10)
                .replace("\"sessionCount\":12", "\"sessionCount\":24")
                .replace("\"sessionLengthMinutes\":90", "\"sessionLengthMinutes\":150");
        long version = api.expect(201, "POST", "/programmes", "admin", enough)
                .body()
                .get("version")
                .asLong();
        // an edit that cuts the programme to 20 weeks is refused and changes nothing
        String shorter = enough.replace("{\"code\":\"" + code + "\",", "{")
                .replace("\"durationWeeks\":24", "\"durationWeeks\":20")
                .replace("\"miSessionCap\":1}", "\"miSessionCap\":1,\"version\":" + version + "}");
        JsonNode refused =
                api.expect(400, "PUT", "/programmes/" + code, "admin", shorter).body();
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("durationWeeks");
        assertThat(refused.get("errors").get(0).get("rule").asString()).isEqualTo("RespectMinimumWeeks");
        assertThat(api.getJson("/programmes/" + code, "admin")
                        .get("durationWeeks")
                        .asInt())
                .isEqualTo(24);
    }
}
