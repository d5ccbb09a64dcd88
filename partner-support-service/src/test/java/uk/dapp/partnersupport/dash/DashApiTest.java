package uk.dapp.partnersupport.dash;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class DashApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    DashRiskAlertConsentCheck consentCheck;

    static String answers(int yes) {
        return DashScoringTest.yes(yes).stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void eachCompletionIsANewVersionAndTheTrackTakesTheLevel() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        String url = "/partner-tracks/" + trackId + "/dash-assessments";
        send(
                        mvc,
                        post(url),
                        "{\"answers\":" + answers(11) + ",\"completedOn\":\"" + LocalDate.now()
                                + "\",\"incidentsInLast12Months\":1}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.yesCount").value(11))
                .andExpect(jsonPath("$.riskLevel").value("MEDIUM"))
                .andExpect(jsonPath("$.maracRecommended").value(false));
        send(
                        mvc,
                        post(url),
                        "{\"answers\":" + answers(11) + ",\"completedOn\":\"" + LocalDate.now()
                                + "\",\"incidentsInLast12Months\":1,\"professionalJudgement\":{\"level\":\"HIGH\",\"reason\":\"new threats\"}}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.checklistLevel").value("MEDIUM"))
                .andExpect(jsonPath("$.riskLevel").value("HIGH"))
                .andExpect(jsonPath("$.maracCriteria[0]").value("PROFESSIONAL_JUDGEMENT"));
        mvc.perform(get(url).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].version").value(2));
        mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.currentRiskLevel").value("HIGH"));
    }

    @Test
    void loweringByJudgementOrAShortChecklistIsRefusedAndNothingStored() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        String url = "/partner-tracks/" + trackId + "/dash-assessments";
        send(
                        mvc,
                        post(url),
                        "{\"answers\":" + answers(15) + ",\"completedOn\":\"" + LocalDate.now()
                                + "\",\"incidentsInLast12Months\":0,\"professionalJudgement\":{\"level\":\"STANDARD\",\"reason\":\"calmer\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("professionalJudgement.level"))
                .andExpect(jsonPath("$.errors[0].rule").value("NeverLower"));
        send(
                        mvc,
                        post(url),
                        "{\"answers\":[\"YES\"],\"completedOn\":\"" + LocalDate.now()
                                + "\",\"incidentsInLast12Months\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers"))
                .andExpect(jsonPath("$.errors[0].rule").value("Size"));
        mvc.perform(get(url).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void theQuestionsAreServedInOrder() throws Exception {
        mvc.perform(get("/dash/questions").with(as("partner-support-worker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(24))
                .andExpect(jsonPath("$[0].number").value(1))
                .andExpect(jsonPath("$[23].code").value("POLICE_HISTORY"));
    }

    @Test
    void aPartnersDashAssessedHighRaisesARiskAlertInTheProgramme_levelAndDateOnly_underTheDisclosuresConsentRule()
            throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        String url = "/partner-tracks/" + trackId + "/dash-assessments";
        // MEDIUM raises nothing
        String medium = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(send(
                                mvc,
                                post(url),
                                "{\"answers\":" + answers(11) + ",\"completedOn\":\"" + LocalDate.now()
                                        + "\",\"incidentsInLast12Months\":1}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("assessmentId")
                .asString();
        org.assertj.core.api.Assertions.assertThat(
                        mongo.findById(medium, DashAssessment.class).outbox())
                .isEmpty();
        // HIGH (14 yes, no consent recorded): the alert is written with the assessment and let go, HIGH risk
        // being shared without consent as with a disclosure
        String high = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(send(
                                mvc,
                                post(url),
                                "{\"answers\":" + answers(14) + ",\"completedOn\":\"" + LocalDate.now()
                                        + "\",\"incidentsInLast12Months\":1}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("assessmentId")
                .asString();
        java.util.List<uk.dapp.platform.outbox.OutboxEntry> owed =
                mongo.findById(high, DashAssessment.class).outbox();
        org.assertj.core.api.Assertions.assertThat(owed).singleElement().satisfies(entry -> {
            org.assertj.core.api.Assertions.assertThat(entry.messageId()).isEqualTo(high);
            org.assertj.core.api.Assertions.assertThat(entry.type()).isEqualTo("dash-risk-alert.v1");
            org.assertj.core.api.Assertions.assertThat(entry.payload())
                    .containsOnlyKeys("caseId", "level", "assessedOn")
                    .containsEntry("caseId", caseId)
                    .containsEntry("level", "HIGH")
                    .containsEntry("assessedOn", LocalDate.now().toString());
        });
        uk.dapp.platform.outbox.OutboxMessage message = new uk.dapp.platform.outbox.OutboxMessage(
                high,
                "programme",
                "dash-risk-alert.v1",
                caseId,
                owed.getFirst().payload(),
                java.time.Instant.now(),
                0,
                uk.dapp.platform.outbox.OutboxStatus.PENDING,
                0,
                null,
                null,
                null,
                null,
                null);
        org.assertj.core.api.Assertions.assertThat(consentCheck.withholdReason(message))
                .isEmpty();
        // an alert whose assessment is not found is never shared blind
        org.assertj.core.api.Assertions.assertThat(
                        consentCheck.withholdReason(new uk.dapp.platform.outbox.OutboxMessage(
                                java.util.UUID.randomUUID().toString(),
                                "programme",
                                "dash-risk-alert.v1",
                                caseId,
                                owed.getFirst().payload(),
                                java.time.Instant.now(),
                                0,
                                uk.dapp.platform.outbox.OutboxStatus.PENDING,
                                0,
                                null,
                                null,
                                null,
                                null,
                                null)))
                .contains(DashRiskAlertConsentCheck.ASSESSMENT_MISSING);
    }
}
