package uk.dapp.programme.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.status.StatusMachine.Actor;
import uk.dapp.programme.catalogue.Sex;

/** What a referral owes other services, written into its own document with the change that causes it. */
class ReferralOutboxTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final String ID = "7d0c3b52-1d5e-4d3c-9a51-2f64a1d0c001";
    private static final String CASE = "7KQM4X-ZP9RTD-2HBWJ7";

    private static Referral referral(List<Partner> partners) {
        return new Referral(
                ID,
                CASE,
                new ReferralRequest(
                        CASE,
                        "DRIVE-1TO1",
                        ReferralSource.POLICE,
                        true,
                        RiskLevel.HIGH,
                        "po-pat",
                        Sex.MALE,
                        null,
                        partners),
                "fac",
                "test-team",
                T0);
    }

    /** A referral moved by the system from REFERRED to ENROLLED, where every exit is open. */
    private static Referral enrolled() {
        Referral r = referral(List.of());
        r.move("assessed-suitable", Actor.SYSTEM, "fac", T0, "x");
        r.move("enrolled", Actor.SYSTEM, "fac", T0, "x");
        return r;
    }

    @Test
    void partnersNamedWithAReferralBecomeOneMessageToPartnerSupportInTheReferralItself() {
        Referral r = referral(List.of(
                new Partner(Partner.Relationship.CURRENT_PARTNER, "Sam Example", "07700 900001"),
                new Partner(Partner.Relationship.EX_PARTNER, "Jo Example", null)));
        assertThat(Owed.besidesHoldings(r)).singleElement().satisfies(entry -> {
            assertThat(entry.destination()).isEqualTo(Destinations.PARTNER_SUPPORT);
            assertThat(entry.type()).isEqualTo(PartnerReferral.TYPE.name());
            assertThat(entry.caseId()).isEqualTo(CASE);
            assertThat(entry.createdAt()).isEqualTo(T0);
            assertThat(entry.payload())
                    .isEqualTo(Map.of(
                            "caseId",
                            CASE,
                            "referralId",
                            ID,
                            "programmeCode",
                            "DRIVE-1TO1",
                            "referredAt",
                            "2026-11-23T09:00:00Z",
                            "team",
                            "test-team",
                            "partners",
                            List.of(
                                    Map.of(
                                            "relationship",
                                            "CURRENT_PARTNER",
                                            "name",
                                            "Sam Example",
                                            "phone",
                                            "07700 900001"),
                                    Map.of("relationship", "EX_PARTNER", "name", "Jo Example"))));
            PartnerReferral read = PartnerReferral.TYPE.payloadOf(entry.payload());
            assertThat(read.partners()).extracting(Partner::phone).containsExactly("07700 900001", null);
            assertThat(read.toString()).doesNotContain("Sam", "Jo", "07700");
        });
        assertThat(Owed.besidesHoldings(referral(List.of()))).isEmpty();
    }

    @Test
    void everyExitTellsPartnerSupportAndOnlyAnExitForNonComplianceTellsTheRiskMatrix() {
        Map<String, Boolean> nonCompliance =
                Map.of("drop-out", true, "exclude", true, "breach", true, "transfer", false);
        nonCompliance.forEach((move, back) -> {
            Referral r = enrolled();
            Instant at = T0.plusSeconds(60);
            r.move(move, Actor.PERSON, "fac", at, "x");
            List<String> destinations = Owed.besidesHoldings(r).stream()
                    .map(OutboxEntry::destination)
                    .toList();
            assertThat(destinations)
                    .as(move)
                    .isEqualTo(
                            back
                                    ? List.of(Destinations.PARTNER_SUPPORT, Destinations.RISK_MATRIX)
                                    : List.of(Destinations.PARTNER_SUPPORT));
            assertThat(Owed.besidesHoldings(r)).as(move).allSatisfy(e -> {
                assertThat(e.type()).isEqualTo(ProgrammeExit.TO_PARTNER_SUPPORT.name());
                ProgrammeExit exit = ProgrammeExit.TO_PARTNER_SUPPORT.payloadOf(e.payload());
                assertThat(exit.exitStatus()).isEqualTo(r.status());
                assertThat(exit.nonCompliance()).isEqualTo(back);
                assertThat(exit.exitedAt()).isEqualTo(at);
                assertThat(exit.referralId()).isEqualTo(ID);
            });
            // two messages, two message IDs: each destination applies its own once
            assertThat(Owed.besidesHoldings(r))
                    .extracting(OutboxEntry::messageId)
                    .doesNotHaveDuplicates();
        });
    }

    @Test
    void completionAndWithdrawalTellPartnerSupportOnlyAndOtherMovesTellNobody() {
        Referral completed = enrolled();
        completed.move("first-attendance", Actor.SYSTEM, "fac", T0, "x");
        assertThat(Owed.besidesHoldings(completed)).isEmpty();
        completed.move("complete", Actor.PERSON, "fac", T0, "x");
        assertThat(Owed.besidesHoldings(completed))
                .extracting(OutboxEntry::destination)
                .containsExactly(Destinations.PARTNER_SUPPORT);

        Referral withdrawn = referral(List.of());
        withdrawn.move("withdraw", Actor.PERSON, "fac", T0, "declined");
        assertThat(Owed.besidesHoldings(withdrawn))
                .singleElement()
                .satisfies(e -> assertThat(e.payload())
                        .containsEntry("exitStatus", "WITHDRAWN")
                        .containsEntry("nonCompliance", false));

        Referral notSuitable = referral(List.of());
        notSuitable.move("assessed-not-suitable", Actor.SYSTEM, "fac", T0, "x");
        assertThat(Owed.besidesHoldings(notSuitable)).isEmpty();
    }

    @Test
    void theExitTimeIsTheOneOnTheExitRecord() {
        Referral r = enrolled();
        Instant recorded = T0.plusSeconds(5);
        r.exited(new ExitRecord("exclude", ReferralStatus.EXCLUDED, "x", "x", RiskLevel.HIGH, 0, 20, "fac", recorded));
        r.move("exclude", Actor.PERSON, "fac", recorded.plusMillis(1), "x");
        assertThat(Owed.besidesHoldings(r))
                .allSatisfy(e -> assertThat(e.payload()).containsEntry("exitedAt", recorded.toString()));
    }

    @Test
    void openingAndClosingTellPartnerSupportWhetherTheReferralHoldsItsCaseWithAGrowingSequence() {
        Referral r = referral(List.of());
        assertThat(Owed.holdings(r)).singleElement().satisfies(e -> {
            assertThat(e.destination()).isEqualTo(Destinations.PARTNER_SUPPORT);
            assertThat(e.caseId()).isEqualTo(CASE);
            assertThat(e.payload()).isEqualTo(Map.of("caseId", CASE, "referralId", ID, "held", true, "sequence", 1L));
        });
        // moves that keep it open owe nothing more
        r.move("assessed-suitable", Actor.SYSTEM, "fac", T0, "x");
        r.move("enrolled", Actor.SYSTEM, "fac", T0, "x");
        r.move("first-attendance", Actor.SYSTEM, "fac", T0, "x");
        assertThat(Owed.holdings(r)).hasSize(1);
        r.move("complete", Actor.PERSON, "fac", T0.plusSeconds(1), "x");
        assertThat(Owed.holdings(r))
                .hasSize(2)
                .last()
                .satisfies(e ->
                        assertThat(e.payload()).containsEntry("held", false).containsEntry("sequence", 5L));

        // every closed status counts as no longer held, not suitable included (nothing moves it on)
        Referral notSuitable = referral(List.of());
        notSuitable.move("assessed-not-suitable", Actor.SYSTEM, "fac", T0, "x");
        assertThat(Owed.holdings(notSuitable))
                .extracting(e -> e.payload().get("held"))
                .containsExactly(true, false);
        Referral withdrawn = referral(List.of());
        withdrawn.move("withdraw", Actor.PERSON, "fac", T0, "x");
        assertThat(Owed.holdings(withdrawn))
                .extracting(e -> e.payload().get("held"))
                .containsExactly(true, false);
        assertThat(Owed.holdings(withdrawn)).extracting(OutboxEntry::messageId).doesNotHaveDuplicates();
    }
}
