package uk.dapp.programme.holding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.CaseIdGenerator;
import uk.dapp.platform.security.Roles;
import uk.dapp.programme.Api;
import uk.dapp.programme.ProgrammeServiceTest;

/**
 * Partner support's news of its tracks opening and closing, and the rule it feeds: a partner support
 * worker reads the programme status only of a case partner support supports (ADR 0009).
 */
@ProgrammeServiceTest
class TrackHoldingReceiverTest {

    private static final String ACCOUNT = "service-account-svc-partner-support";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TrackHoldings holdings;

    private void track(String caseId, String trackRef, boolean held, long sequence) throws Exception {
        assertThat(new Api(mvc).partnerTrack(caseId, trackRef, held, sequence)).isEqualTo(204);
    }

    private Api.Reply send(String messageId, String caseId, String trackRef, boolean held, long sequence, String role)
            throws Exception {
        return new Api(mvc).call("PUT", "/case-events/track-holdings/" + messageId, role, ACCOUNT, """
                {"caseId":"%s","trackRef":"%s","held":%s,"sequence":%d}""".formatted(
                        caseId, trackRef, held, sequence));
    }

    private static final CaseIdGenerator GENERATOR = new CaseIdGenerator();

    private static String newCase() {
        return GENERATOR.next().value();
    }

    private List<AuditRecord> audit(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class);
    }

    @Test
    void aTrackOpeningSupportsTheCaseAndItsClosingEndsThatOnceAndForAll() throws Exception {
        String caseId = newCase();
        String ref = UUID.randomUUID().toString();
        String opening = UUID.randomUUID().toString();
        assertThat(send(opening, caseId, ref, true, 1, Roles.SVC_PARTNER_SUPPORT)
                        .status())
                .isEqualTo(204);
        assertThat(holdings.supported(CaseId.parse(caseId))).isTrue();
        // the same message again: 204, no further effect, no second audit record
        assertThat(send(opening, caseId, ref, true, 1, Roles.SVC_PARTNER_SUPPORT)
                        .status())
                .isEqualTo(204);
        assertThat(audit(caseId)).singleElement().satisfies(r -> {
            assertThat(r.resourceType()).isEqualTo(TrackHoldings.RESOURCE);
            assertThat(r.resourceId()).isEqualTo(ref);
            assertThat(r.username()).isEqualTo(ACCOUNT);
        });

        assertThat(send(UUID.randomUUID().toString(), caseId, ref, false, 2, Roles.SVC_PARTNER_SUPPORT)
                        .status())
                .isEqualTo(204);
        assertThat(holdings.supported(CaseId.parse(caseId))).isFalse();
        // a late copy of the opening cannot undo the closing
        assertThat(send(opening, caseId, ref, true, 1, Roles.SVC_PARTNER_SUPPORT)
                        .status())
                .isEqualTo(204);
        assertThat(holdings.supported(CaseId.parse(caseId))).isFalse();
        assertThat(audit(caseId)).hasSize(2);
    }

    @Test
    void aCaseWithTwoTracksIsSupportedUntilBothClose() throws Exception {
        String caseId = newCase();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        track(caseId, first, true, 1);
        track(caseId, second, true, 1);
        track(caseId, first, false, 2);
        assertThat(holdings.supported(CaseId.parse(caseId))).isTrue();
        track(caseId, second, false, 2);
        assertThat(holdings.supported(CaseId.parse(caseId))).isFalse();
    }

    @Test
    void onlyPartnerSupportsServiceAccountMayCallAndBadInputIsRefusedByField() throws Exception {
        String caseId = newCase();
        String ref = UUID.randomUUID().toString();
        for (String role : List.of(
                Roles.SVC_PROGRAMME,
                Roles.SVC_RISK_MATRIX,
                Roles.PARTNER_SUPPORT_WORKER,
                Roles.FACILITATOR,
                Roles.ADMIN)) {
            assertThat(send(UUID.randomUUID().toString(), caseId, ref, true, 1, role)
                            .status())
                    .as(role)
                    .isEqualTo(403);
        }
        assertThat(holdings.supported(CaseId.parse(caseId))).isFalse();

        Api.Reply badCase = send(UUID.randomUUID().toString(), "NOT-A-CASE", ref, true, 1, Roles.SVC_PARTNER_SUPPORT);
        assertThat(badCase.status()).isEqualTo(400);
        Api.Reply badRef =
                send(UUID.randomUUID().toString(), caseId, "Sam Example", true, 1, Roles.SVC_PARTNER_SUPPORT);
        assertThat(badRef.status()).isEqualTo(400);
        assertThat(badRef.raw()).contains("trackRef");
        Api.Reply badSequence = send(UUID.randomUUID().toString(), caseId, ref, true, 0, Roles.SVC_PARTNER_SUPPORT);
        assertThat(badSequence.status()).isEqualTo(400);
        assertThat(badSequence.raw()).contains("sequence");
        assertThat(holdings.supported(CaseId.parse(caseId))).isFalse();
    }

    @Test
    void aPartnerSupportWorkerReadsTheProgrammeStatusOnlyOfACaseWithAnOpenTrack() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        String caseId = api.getJson("/referrals/" + referralId, "facilitator")
                .get("caseId")
                .asString();
        String path = "/cases/" + caseId + "/programme-status";
        String unknown = newCase();

        // no open track: 404, the same as for a case this service has never heard of, and audited as refused
        Api.Reply held = api.expect(404, "GET", path, "partner-support-worker", null);
        Api.Reply none =
                api.expect(404, "GET", "/cases/" + unknown + "/programme-status", "partner-support-worker", null);
        assertThat(held.body().get("title")).isEqualTo(none.body().get("title"));
        assertThat(held.raw()).doesNotContain("CHANGE-GROUP");
        assertThat(audit(caseId))
                .filteredOn(r -> "refused: not a case partner support supports".equals(r.reason()))
                .singleElement()
                .satisfies(r -> assertThat(r.username()).isEqualTo("test-partner-support-worker"));
        assertThat(audit(unknown))
                .extracting(AuditRecord::reason)
                .containsExactly("refused: not a case partner support supports");
        // facilitators and service managers are not limited by it
        api.expect(200, "GET", path, "facilitator", null);
        api.expect(200, "GET", path, "service-manager", null);

        String ref = UUID.randomUUID().toString();
        track(caseId, ref, true, 1);
        assertThat(api.expect(200, "GET", path, "partner-support-worker", null)
                        .body()
                        .get("programmes")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("REFERRED");

        track(caseId, ref, false, 2);
        api.expect(404, "GET", path, "partner-support-worker", null);
    }
}
