package uk.dapp.e2e.workingday;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.client.programme.model.AlertCreate;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.e2e.flows.Eventually;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;

/**
 * Issue 16 items 3-6 and 8, issue 15 item 10, through the gateway with the demo users' real tokens:
 * each role's "my work" in one call; a risk alert on the facilitator's new referral reaches the north
 * service manager's work (with its 24-hour clock) and, through the outbox, her composed inbox, where she
 * marks it read, while the south team's service manager sees neither; the facilitator escalates it by
 * hand as urgent, and it is on the north service manager's escalation list (who and why) and in her inbox
 * once, until reviewed, after which it cannot be escalated; a partner support worker's new track is in
 * her work with its first contact due.
 */
class WorkingDayE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRiskAlertReachesTheServiceManagersWorkAndInboxAndNotTheOtherTeams() {
        Referral referral = ProgrammeClients.referrals("offender-manager")
                .createReferral(new ReferralCreate()
                        .programmeCode("CHANGE-GROUP")
                        .source(ReferralSource.POLICE)
                        .mandated(false)
                        .riskLevel(RiskLevel.MEDIUM)
                        .sex(Sex.MALE));
        String referralId = referral.getReferralId().toString();

        // the demo population fills the lists: the new referral waits least, so it is on the queue's last page
        assertThat(values(all("/api/programme/referrals/awaiting-assessment", "facilitator"), "referralId"))
                .contains(referralId);
        JsonNode facilitatorsWork = get("/api/programme/my-work?limit=50", "facilitator");
        assertThat(facilitatorsWork.get("caseload").get("total").asInt()).isNotNegative();
        int toReviewBefore = get("/api/programme/my-work", "service-manager")
                .get("alertsToReview")
                .get("total")
                .asInt();

        String alertId = ProgrammeClients.alerts("facilitator")
                .raiseAlert(
                        referral.getReferralId(),
                        new AlertCreate().concern("synthetic: the partner reports a new threat"))
                .getAlertId()
                .toString();

        JsonNode managersWork = get("/api/programme/my-work?limit=50", "service-manager");
        assertThat(managersWork.get("alertsToReview").get("total").asInt()).isEqualTo(toReviewBefore + 1);
        JsonNode open = item(all("/api/programme/alerts/open", "service-manager"), "alertId", alertId);
        assertThat(open.get("minutesLeft").asLong()).isBetween(23L * 60, 24L * 60);
        assertThat(get("/api/programme/alerts/escalated?size=100", "service-manager")
                        .get("items")
                        .isArray())
                .isTrue();
        assertThat(get("/api/programme/alerts/" + alertId, "service-manager")
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        assertThat(Http.get(url("/api/programme/alerts/" + alertId), token("service-manager-south"))
                        .statusCode())
                .isEqualTo(404);

        // the notification comes through the outbox into the programme's inbox, and the gateway composes it
        JsonNode inbox = Eventually.until(
                "the alert in the north service manager's inbox",
                () -> get("/api/notifications?size=100", "service-manager"),
                answer -> find(answer.get("items"), alertId) != null);
        JsonNode item = find(inbox.get("items"), alertId);
        assertThat(item.get("service").asString()).isEqualTo("programme");
        JsonNode notification = item.get("notification");
        assertThat(notification.get("kind").asString()).isEqualTo("RISK_ALERT_RAISED");
        assertThat(notification.get("caseId").asString()).isEqualTo(referral.getCaseId());
        assertThat(notification.get("urgent").asBoolean()).isTrue();
        assertThat(notification.get("read").asBoolean()).isFalse();
        assertThat(notification.toString()).doesNotContain("new threat");
        assertThat(inbox.get("parts"))
                .hasSize(3)
                .allSatisfy(part -> assertThat(part.get("status").asString()).isEqualTo("AVAILABLE"));
        long unread = get("/api/notifications/unread-count", "service-manager")
                .get("unread")
                .asLong();
        assertThat(unread).isPositive();

        String notificationId = notification.get("notificationId").asString();
        HttpResponse<String> read = Http.send(
                "PUT", url("/api/programme/notifications/" + notificationId + "/read"), token("service-manager"), null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        // read for her now (other notifications may arrive meanwhile: the demo's alerts escalate too)
        assertThat(find(get("/api/notifications?size=100", "service-manager").get("items"), alertId)
                        .get("notification")
                        .get("read")
                        .asBoolean())
                .isTrue();
        assertThat(find(
                        get("/api/notifications?size=100&unreadOnly=true", "service-manager")
                                .get("items"),
                        alertId))
                .isNull();

        assertThat(find(
                        get("/api/notifications?size=100", "service-manager-south")
                                .get("items"),
                        alertId))
                .isNull();
        assertThat(get("/api/programme/my-work?limit=50", "service-manager-south")
                        .toString())
                .doesNotContain(alertId);

        // the facilitator judges it urgent and escalates it now, without waiting for the 24-hour clock: the other
        // team's facilitator cannot; asking again answers the same; it is on the north service manager's escalation
        // list saying who and why, and the escalation reaches her inbox once
        String escalation = url("/api/programme/alerts/" + alertId + "/escalation");
        String reason = "{\"reason\":\"synthetic: he said he will go to her workplace tomorrow\"}";
        assertThat(Http.send("POST", escalation, token("facilitator-south"), reason)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> escalated = Http.send("POST", escalation, token("facilitator"), reason);
        assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(escalated.body());
        assertThat(answer.get("escalationWay").asString()).isEqualTo("BY_HAND");
        assertThat(answer.get("escalatedBy").asString()).isEqualTo("demo-facilitator");
        HttpResponse<String> again = Http.send("POST", escalation, token("facilitator"), reason);
        // the same answer (bar the minutes left on its clock, counted at each answer)
        assertThat(((tools.jackson.databind.node.ObjectNode) JSON.readTree(again.body())).without("minutesLeft"))
                .as(again.body())
                .isEqualTo(((tools.jackson.databind.node.ObjectNode) answer.deepCopy()).without("minutesLeft"));
        JsonNode listed = item(all("/api/programme/alerts/escalated", "service-manager"), "alertId", alertId);
        assertThat(listed.get("escalationReason").asString())
                .isEqualTo("synthetic: he said he will go to her workplace tomorrow");
        assertThat(values(all("/api/programme/alerts/escalated", "service-manager-south"), "alertId"))
                .doesNotContain(alertId);
        Eventually.until(
                "the escalation in the north service manager's inbox",
                () -> get("/api/notifications?size=100", "service-manager"),
                inboxNow -> kinds(inboxNow.get("items"), alertId).contains("RISK_ALERT_ESCALATED"));
        HttpResponse<String> reviewed = Http.send(
                "POST",
                url("/api/programme/alerts/" + alertId + "/review"),
                token("service-manager"),
                "{\"actionsTaken\":\"called the police and partner support\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        assertThat(kinds(get("/api/notifications?size=100", "service-manager").get("items"), alertId))
                .containsExactlyInAnyOrder("RISK_ALERT_RAISED", "RISK_ALERT_ESCALATED");
        HttpResponse<String> tooLate = Http.send("POST", escalation, token("facilitator"), reason);
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    void eachRoleHasItsWorkInOneCallAndOthersAreRefused() {
        JsonNode offenderManagers = get("/api/risk-matrix/my-work", "offender-manager");
        assertThat(offenderManagers.has("awaitingDecision")).isTrue();
        assertThat(offenderManagers.has("disruptionTasks")).isTrue();
        assertThat(offenderManagers.has("cohortChanges")).isTrue();

        String caseId = ProgrammeClients.referrals("offender-manager")
                .createReferral(new ReferralCreate()
                        .programmeCode("CHANGE-GROUP")
                        .source(ReferralSource.POLICE)
                        .mandated(false)
                        .riskLevel(RiskLevel.MEDIUM)
                        .sex(Sex.MALE))
                .getCaseId();
        HttpResponse<String> opened = Http.send(
                "POST",
                url("/api/partner-support/cases/" + caseId + "/partner-tracks"),
                token("partner-support-worker"),
                "{\"relationship\":\"CURRENT_PARTNER\",\"partnerName\":\"Fictional Dayworker-" + UUID.randomUUID()
                        + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String trackId = JSON.readTree(opened.body()).get("trackId").asString();

        JsonNode workers = get("/api/partner-support/my-work?limit=50", "partner-support-worker");
        assertThat(workers.get("myTracks").get("total").asInt()).isPositive();
        assertThat(workers.get("firstContacts").get("total").asInt()).isPositive();
        assertThat(workers.toString()).doesNotContain("Dayworker");
        JsonNode track = item(
                all("/api/partner-support/partner-tracks?worker=demo-partner-support-worker", "partner-support-worker"),
                "trackId",
                trackId);
        assertThat(track.get("nextDue").asString()).isEqualTo("FIRST_CONTACT");
        assertThat(track.get("overdue").asBoolean()).isFalse();
        assertThat(track.toString()).doesNotContain("Dayworker");
        assertThat(get("/api/partner-support/my-work?limit=50", "partner-support-worker-south")
                        .toString())
                .doesNotContain(trackId);

        for (String[] refused : new String[][] {
            {"/api/programme/my-work", "partner-support-worker"},
            {"/api/risk-matrix/my-work", "facilitator"},
            {"/api/partner-support/my-work", "service-manager"},
            {"/api/notifications", "evaluator"}
        }) {
            assertThat(Http.get(url(refused[0]), token(refused[1])).statusCode())
                    .as(refused[0] + " as " + refused[1])
                    .isEqualTo(403);
        }
    }

    private static JsonNode get(String path, String role) {
        HttpResponse<String> response = Http.get(url(path), token(role));
        assertThat(response.statusCode())
                .as(path + " as " + role + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every item of a paged list, page after page, as one section-like node ({@code items}). */
    private static JsonNode all(String path, String role) {
        tools.jackson.databind.node.ArrayNode items = JSON.createArrayNode();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; page < 50; page++) {
            JsonNode answer = get(path + separator + "size=100&page=" + page, role);
            answer.get("items").forEach(items::add);
            if (page + 1 >= answer.get("totalPages").asInt()) {
                break;
            }
        }
        return JSON.createObjectNode().set("items", items);
    }

    private static String url(String path) {
        return TheSystem.get().gatewayUrl() + path;
    }

    private static String token(String role) {
        return TheSystem.get().keycloak().tokenFor(role);
    }

    /** The string values of a field across a section's (or page's) items. */
    private static List<String> values(JsonNode section, String field) {
        List<String> values = new ArrayList<>();
        section.get("items").forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    private static JsonNode item(JsonNode section, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        section.get("items").forEach(item -> {
            if (value.equals(item.path(field).asString())) {
                found.add(item);
            }
        });
        assertThat(found).as("%s %s listed", field, value).hasSize(1);
        return found.get(0);
    }

    /** The kinds of the composed inbox's notifications about this alert. */
    private static List<String> kinds(JsonNode items, String alertId) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode item : items) {
            if (alertId.equals(item.get("notification").get("subjectId").asString())) {
                kinds.add(item.get("notification").get("kind").asString());
            }
        }
        return kinds;
    }

    /** The composed inbox's item about this alert, or null. */
    private static JsonNode find(JsonNode items, String alertId) {
        for (JsonNode item : items) {
            if (alertId.equals(item.get("notification").get("subjectId").asString())) {
                return item;
            }
        }
        return null;
    }
}
