package uk.dapp.programme.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.SensitivityAssertions;
import uk.dapp.programme.Api;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.referral.ExitRecord;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralStatus;

@ProgrammeServiceTest
class ContributionApiTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;
    /** The service's clock: other test classes move it forward, and referrals are dated by it. */
    @Autowired
    Clock clock;

    /** The body as it is (NDJSON), read directly since the test API parses bodies as one JSON value. */
    private String raw(Instant asOf) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/evaluator/contributions?asOf=" + asOf).with(Callers.as("evaluator", "evaluator-1")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/x-ndjson");
        return response.getContentAsString();
    }

    private List<JsonNode> contributions(Api api, Instant asOf) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : raw(asOf).lines().toList()) {
            rows.add(Api.parse(line));
        }
        return rows;
    }

    private String caseOf(Api api, String referralId) throws Exception {
        return api.getJson("/referrals/" + referralId, "facilitator")
                .get("caseId")
                .asString();
    }

    @Test
    void oneRowPerCaseSortedByCaseIdDescribingItsLatestReferral() throws Exception {
        Api api = new Api(mvc);
        String officer = "Officer Wilhelmina Fotheringay";
        String exited = api.refer("CHANGE-GROUP", "MALE", true, officer, "HIGH");
        api.assess(exited, 4);
        String exitedCase = caseOf(api, exited);
        // an exit with a typed reason and summary, dated between two snapshots: only its status may show
        Instant exitedAt = clock.instant().plusSeconds(30);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(exited)),
                Update.update(
                        "exit",
                        new ExitRecord(
                                "complete",
                                ReferralStatus.COMPLETED,
                                "Said he felt Zanzibar-reason-text",
                                "summary text",
                                RiskLevel.MEDIUM,
                                20,
                                24,
                                "facilitator-x",
                                exitedAt)),
                Referral.class);
        String open = api.refer("DRIVE-1TO1", "FEMALE", false, null, "HIGH");
        String openCase = caseOf(api, open);

        assertThat(raw(clock.instant().plusSeconds(60)))
                .doesNotContain("Wilhelmina", "Fotheringay", "Zanzibar", "summary text", "facilitator-x", exited, open);
        List<JsonNode> rows = contributions(api, clock.instant().plusSeconds(60));
        List<String> ids =
                rows.stream().map(row -> row.get("caseId").asString()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates().contains(exitedCase, openCase);

        JsonNode row = rows.get(ids.indexOf(exitedCase));
        assertThat(row.get("sex").asString()).isEqualTo("MALE");
        assertThat(row.get("referralMonth").asString())
                .isEqualTo(YearMonth.from(clock.instant().atZone(UK)).toString());
        assertThat(row.get("programmeCode").asString()).isEqualTo("CHANGE-GROUP");
        assertThat(row.get("programmeType").asString()).isEqualTo("GROUP");
        assertThat(row.get("referralSource").asString()).isEqualTo("PROBATION");
        assertThat(row.get("mandated").asBoolean()).isTrue();
        assertThat(row.get("suitabilityOutcome").isNull()).isFalse();
        assertThat(row.get("sessionsAttended").asInt()).isEqualTo(20);
        assertThat(row.get("sessionsRequired").asInt()).isEqualTo(24);
        assertThat(row.get("exitReason").asString()).isEqualTo("COMPLETED");
        assertThat(row.get("referrals").asInt()).isEqualTo(1);
        // the exit's day, for the gateway's follow-up window only
        assertThat(row.get("exitDate").asString())
                .isEqualTo(exitedAt.atZone(UK).toLocalDate().toString());
        assertThat(row.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly(
                        "caseId",
                        "sex",
                        "referralMonth",
                        "programmeCode",
                        "programmeType",
                        "referralSource",
                        "mandated",
                        "suitabilityOutcome",
                        "sessionsAttended",
                        "sessionsRequired",
                        "exitReason",
                        "exitDate",
                        "referrals");

        JsonNode other = rows.get(ids.indexOf(openCase));
        assertThat(other.get("mandated").asBoolean()).isFalse();
        assertThat(other.get("suitabilityOutcome").isNull()).isTrue();
        assertThat(other.get("exitReason").isNull()).isTrue();
        assertThat(other.get("sessionsAttended").asInt()).isZero();
        assertThat(other.get("sessionsRequired").asInt()).isPositive();

        // a snapshot before the exit shows the referral still open
        JsonNode before = contributions(api, exitedAt.minusSeconds(10)).stream()
                .filter(r -> r.get("caseId").asString().equals(exitedCase))
                .findFirst()
                .orElseThrow();
        assertThat(before.get("exitReason").isNull()).isTrue();
        assertThat(before.get("exitDate").isNull()).isTrue();
    }

    @Test
    void aMissingSnapshotIsRefusedNamingTheField() throws Exception {
        Api.Reply reply = new Api(mvc).expect(400, "GET", "/evaluator/contributions", "evaluator", null);
        assertThat(reply.body().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }

    @Test
    void theRowIdentifiesOnlyThroughItsJoinKey() {
        SensitivityAssertions.assertIdentifiesOnlyThroughJoinKey(
                ProgrammeContribution.class, ProgrammeContribution.JOIN_KEY);
    }
}
