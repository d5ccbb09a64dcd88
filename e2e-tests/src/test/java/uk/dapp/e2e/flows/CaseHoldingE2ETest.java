package uk.dapp.e2e.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dapp.client.partnersupport.model.CloseReason;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.PartnerTrackOpen;
import uk.dapp.client.partnersupport.model.TrackClosure;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralMove;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.platform.caseid.CaseId;

/**
 * "A case it supports" and "a case they hold" (ADR 0009), through the gateway with real tokens and
 * the real outboxes: a partner support worker reads the programme status only while a partner track
 * of the case is open, and a facilitator or service manager reads the partner support summary only
 * while a programme referral of the case is open; otherwise 404, whether or not the case exists.
 */
class CaseHoldingE2ETest {

    private static final String FACILITATOR = "facilitator";
    private static final String MANAGER = "service-manager";
    private static final String PSW = "partner-support-worker";

    private static int status(String role, String url) {
        HttpResponse<String> response = Http.get(url, TheSystem.get().keycloak().tokenFor(role));
        if (response.statusCode() == 404) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        return response.statusCode();
    }

    private static int becomes(String what, String role, String url, int expected) {
        return Eventually.until(what, () -> status(role, url), s -> s == expected);
    }

    @Test
    void eachServiceAnswersOnlyForACaseTheOtherHoldsAndStopsWhenItNoLongerDoes() {
        TheSystem system = TheSystem.get();
        String caseId = CaseId.generate(new SecureRandom()).value();
        String summary = system.api("partner-support") + "/cases/" + caseId + "/partner-support-summary";
        String programmeStatus = system.api("programme") + "/cases/" + caseId + "/programme-status";
        String never = CaseId.generate(new SecureRandom()).value();

        // nobody holds it: a facilitator gets 404 on the summary, the partner's worker 404 on the status
        assertThat(status(FACILITATOR, summary)).isEqualTo(404);
        assertThat(status(PSW, programmeStatus)).isEqualTo(404);

        // partner support opens a track: the worker may follow the programme status; the facilitator still
        // gets 404 on the summary, as for a case partner support has never heard of
        PartnerTrack track = Clients.partnerTracks(PSW)
                .openPartnerTrack(
                        caseId,
                        new PartnerTrackOpen()
                                .relationship(PartnerRelationship.EX_PARTNER)
                                .partnerName("Fictional Holdingpartner"));
        becomes("the programme status for a supported case", PSW, programmeStatus, 200);
        assertThat(status(FACILITATOR, summary)).isEqualTo(404);
        assertThat(status(FACILITATOR, system.api("partner-support") + "/cases/" + never + "/partner-support-summary"))
                .isEqualTo(404);
        assertThat(status(PSW, system.api("programme") + "/cases/" + never + "/programme-status"))
                .isEqualTo(404);
        // the offender manager's existence-only view is not limited
        assertThat(status("offender-manager", summary)).isEqualTo(200);

        // the programme takes a referral of the case: its staff see the summary
        UUID referralId = Clients.referrals(FACILITATOR)
                .createReferral(new ReferralCreate()
                        .caseId(caseId)
                        .programmeCode("DRIVE-1TO1")
                        .source(ReferralSource.POLICE)
                        .mandated(false)
                        .riskLevel(RiskLevel.HIGH))
                .getReferralId();
        becomes("the summary for a held case", FACILITATOR, summary, 200);
        assertThat(status(MANAGER, summary)).isEqualTo(200);

        // the referral is withdrawn: no longer held
        Clients.referrals(FACILITATOR)
                .moveReferral(
                        referralId, new ReferralMove().move("withdraw").reason("synthetic: moved out of the area"));
        becomes("the summary withdrawn", FACILITATOR, summary, 404);
        assertThat(status(MANAGER, summary)).isEqualTo(404);

        // the track closes: no longer supported
        PartnerTrack current = Clients.partnerTracks(PSW).getPartnerTrack(track.getTrackId());
        Clients.partnerTracks(PSW)
                .closePartnerTrack(
                        track.getTrackId(),
                        new TrackClosure().reason(CloseReason.SUPPORT_COMPLETED).version(current.getVersion()));
        becomes("the programme status withdrawn", PSW, programmeStatus, 404);
    }
}
