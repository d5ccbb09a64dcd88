package uk.dapp.e2e.workingday;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.client.programme.model.AlertCreate;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.e2e.flows.Eventually;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.support.NotifyStub;
import uk.dapp.e2e.support.TheSystem;

/**
 * Issue 16 item 9 end to end: an urgent notification is emailed through the official GOV.UK Notify
 * client to the stand-in of Notify's API, at the address Keycloak holds for each person it is for
 * (read with the service's own account, which holds {@code view-users}), carrying the case ID, what to
 * do and a link, and nothing the practitioner wrote.
 */
class UrgentEmailE2ETest {

    @Test
    void aRiskAlertIsEmailedToTheTeamsServiceManagerOnlyWithTheCaseIdAndWhatToDo() {
        Referral referral = ProgrammeClients.referrals("facilitator")
                .createReferral(new ReferralCreate()
                        .programmeCode("CHANGE-GROUP")
                        .source(ReferralSource.SELF)
                        .mandated(false)
                        .riskLevel(RiskLevel.MEDIUM)
                        .sex(Sex.MALE));
        ProgrammeClients.alerts("facilitator")
                .raiseAlert(
                        referral.getReferralId(),
                        new AlertCreate().concern("synthetic: he waited outside her workplace"));
        NotifyStub notify = TheSystem.get().notifyStub();

        List<NotifyStub.Email> emails = Eventually.until(
                "the risk alert's email at the Notify stand-in",
                () -> notify.emailsAbout(referral.getCaseId()),
                sent -> !sent.isEmpty());

        assertThat(emails)
                .extracting(NotifyStub.Email::emailAddress)
                .contains("demo-service-manager@example.invalid")
                .doesNotContain("demo-service-manager-south@example.invalid")
                .doesNotHaveDuplicates();
        assertThat(emails).allSatisfy(email -> {
            assertThat(email.status()).as("Notify's answer").isEqualTo(201);
            assertThat(email.templateId()).isNotBlank();
            assertThat(email.personalisation().path("what_to_do").asString()).isNotBlank();
            assertThat(email.personalisation().path("link").asString()).isEqualTo("https://dapp.example/notifications");
            assertThat(email.body())
                    .doesNotContain("waited outside")
                    .doesNotContain("workplace")
                    .doesNotContain("demo-facilitator");
        });
    }
}
