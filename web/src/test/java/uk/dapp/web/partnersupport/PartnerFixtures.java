package uk.dapp.web.partnersupport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static uk.dapp.web.GatewayResponses.problem;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/**
 * Partner support's answers for the web tests: one track of a synthetic partner, with values that
 * must never appear where they do not belong (the name off the title, the numbers and code word
 * off every page but the deliberate "show").
 */
final class PartnerFixtures {

    static final String CASE = "7KQM4X-ZP9RTD-2HBWJG";
    static final String TRACK = "11111111-2222-4333-8444-555555555555";
    static final String API = "/api/partner-support";
    static final String NAME = "Fakeley Partnerton";
    static final String REFERRAL_PHONE = "07700 900981";
    static final String SAFE_NUMBER = "07700 900123";
    static final String SAFE_TIMES = "weekday mornings while the gym is open";
    static final String CODE_WORD = "periwinkle";
    static final String ACCOUNT = "he threw the kettle across the kitchen";
    static final String LOCATION = "Larch Close";
    /** Everything that may be shown only to the worker, and the safe contact only after "show". */
    static final List<String> SAFE_CONTACT =
            List.of(SAFE_NUMBER, "900123", SAFE_TIMES, CODE_WORD, REFERRAL_PHONE, "900981");

    private PartnerFixtures() {}

    static String track(String allocatedWorker) {
        return """
                {"trackId":"%s","caseId":"%s","relationship":"EX_PARTNER","partnerName":"%s",%s"team":"north",
                 "status":"OPEN","openedAt":"2026-03-02T10:00:00Z","firstContactDueOn":"2026-03-09","contactMade":false,
                 "referral":{"referralId":"99999999-2222-4333-8444-555555555555","programmeCode":"DRIVE-1TO1",
                             "referredAt":"2026-03-02T09:00:00Z","phoneGivenAtReferral":"%s"},
                 "programmeExits":[],"currentRiskLevel":"MEDIUM","consentToSupport":true,"unavailableWithoutConsentToSupport":[],
                 "allowedMoves":["close"],
                 "history":[{"to":"OPEN","move":"open","by":"svc-programme","at":"2026-03-02T10:00:00Z"}],"version":4}""".formatted(
                        TRACK,
                        CASE,
                        NAME,
                        allocatedWorker == null ? "" : "\"allocatedWorker\":\"" + allocatedWorker + "\",",
                        REFERRAL_PHONE);
    }

    /** The same track before she consents to support (or after she withdrew it), as partner support answers it. */
    static String trackWithoutConsentToSupport() {
        return track("demo-partner-support-worker")
                .replace(
                        "\"consentToSupport\":true,\"unavailableWithoutConsentToSupport\":[]",
                        "\"consentToSupport\":false,\"unavailableWithoutConsentToSupport\":[\"SAFETY_PLAN\",\"PARTNER_OUTCOME\",\"HOUSEHOLD\"]");
    }

    static void stubTrack(WireMockServer gateway, String allocatedWorker) {
        gateway.stubFor(
                get(urlPathEqualTo(API + "/partner-tracks/" + TRACK)).willReturn(okJson(track(allocatedWorker))));
    }

    /** Every read of the track page, with nothing recorded yet but the track. */
    static void stubTrackPage(WireMockServer gateway) {
        stubTrack(gateway, "demo-partner-support-worker");
        for (String list : List.of(
                "contact-attempts", "consents", "dash-assessments", "safety-plans", "disclosures", "marac-referrals")) {
            gateway.stubFor(get(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/" + list))
                    .willReturn(okJson("[]")));
        }
        gateway.stubFor(
                get(urlPathEqualTo(API + "/cases/" + CASE + "/risk-alerts")).willReturn(okJson("[]")));
        gateway.stubFor(get(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/outcomes"))
                .willReturn(okJson("{\"trackId\":\"" + TRACK + "\",\"points\":[],\"changes\":[]}")));
        gateway.stubFor(
                get(urlPathEqualTo(API + "/partner-tracks/" + TRACK + "/household"))
                        .willReturn(
                                problem(
                                        404,
                                        "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No household is recorded for this track\"}")));
    }

    static String questions() {
        StringBuilder json = new StringBuilder("[");
        for (int n = 1; n <= 24; n++) {
            json.append(n == 1 ? "" : ",")
                    .append("{\"number\":")
                    .append(n)
                    .append(",\"code\":\"Q")
                    .append(n)
                    .append("\",\"text\":\"Question number ")
                    .append(n)
                    .append("?\"}");
        }
        return json.append("]").toString();
    }

    static String problem400(String field, String rule, String message) {
        return """
                {"title":"Invalid request","status":400,"detail":"%s: %s","errors":[{"field":"%s","rule":"%s","message":"%s"}]}""".formatted(field, message, field, rule, message);
    }
}
