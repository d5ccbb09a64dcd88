package uk.dapp.programme.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.status.StatusMachine.Actor;

/** Partners learnt of after the referral: the rules of partners named with one, and only while it is open. */
class PartnersPassedOnTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant LATER = T0.plusSeconds(86_400);
    private static final String ID = "7d0c3b52-1d5e-4d3c-9a51-2f64a1d0c002";
    private static final String CASE = "7KQM4X-ZP9RTD-2HBWJ7";

    /** As the engage-referral receiver opens one: from the risk matrix, naming no partner. */
    private static Referral fromRiskMatrix() {
        return new Referral(
                ID,
                CASE,
                new ReferralRequest(CASE, "DRIVE-1TO1", ReferralSource.RISK_MATRIX, false, RiskLevel.HIGH, null),
                "svc-risk-matrix",
                "test-team",
                T0,
                "referred by RISK_MATRIX");
    }

    @Test
    void partnersPassedOnBecomeOneMessageOfTheSameShapeAsAtReferralAndOnlyTheirNumberStays() {
        Referral r = fromRiskMatrix();
        assertThat(Owed.besidesHoldings(r)).isEmpty();

        int passed = r.passOnPartners(
                List.of(
                        new Partner(Partner.Relationship.CURRENT_PARTNER, " Sam Example ", " 07700 900001 "),
                        new Partner(Partner.Relationship.EX_PARTNER, "Jo Example", "  ")),
                "fac",
                LATER);

        assertThat(passed).isEqualTo(2);
        assertThat(Owed.besidesHoldings(r)).singleElement().satisfies(entry -> {
            assertThat(entry.destination()).isEqualTo(Destinations.PARTNER_SUPPORT);
            assertThat(entry.type()).isEqualTo(PartnerReferral.TYPE.name());
            assertThat(entry.caseId()).isEqualTo(CASE);
            assertThat(entry.createdAt()).isEqualTo(LATER);
            // referredAt stays the referral's own date: partner support learns when the man was referred
            assertThat(entry.payload())
                    .isEqualTo(Map.of(
                            "caseId",
                            CASE,
                            "referralId",
                            ID,
                            "programmeCode",
                            "DRIVE-1TO1",
                            "referredAt",
                            T0.toString(),
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
        });
        assertThat(r.partnersPassedOn()).containsExactly(new Referral.PartnersPassedOn(LATER, "fac", 2));
    }

    @Test
    void eachPassingOnIsItsOwnMessage() {
        Referral r = fromRiskMatrix();
        r.passOnPartners(List.of(new Partner(Partner.Relationship.EX_PARTNER, "Jo Example", null)), "fac", LATER);
        r.passOnPartners(
                List.of(new Partner(Partner.Relationship.CURRENT_PARTNER, "Sam Example", null)),
                "sm",
                LATER.plusSeconds(60));
        assertThat(Owed.besidesHoldings(r))
                .hasSize(2)
                .extracting(e -> e.messageId())
                .doesNotHaveDuplicates();
        assertThat(r.partnersPassedOn())
                .extracting(Referral.PartnersPassedOn::count)
                .containsExactly(1, 1);
    }

    @Test
    void partnersBreakingTheRulesOfAReferralAreRefusedByFieldWithoutRepeatingThemAndNothingIsOwed() {
        Referral r = fromRiskMatrix();
        RuleViolationException e = catchThrowableOfType(
                RuleViolationException.class,
                () -> r.passOnPartners(
                        List.of(
                                new Partner(Partner.Relationship.CURRENT_PARTNER, "  ", null),
                                new Partner(Partner.Relationship.EX_PARTNER, "Sam Example", "call me maybe"),
                                new Partner(Partner.Relationship.EX_PARTNER, "SAM EXAMPLE", null)),
                        "fac",
                        LATER));
        assertThat(e.violations())
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(
                        tuple("partners[0].name", "NotBlank"),
                        tuple("partners[1].phone", "PhoneNumber"),
                        tuple("partners[2]", "NamedOnce"));
        assertThat(e.violations())
                .extracting(FieldViolation::message)
                .noneMatch(m -> m.contains("Sam") || m.contains("call"));

        RuleViolationException none =
                catchThrowableOfType(RuleViolationException.class, () -> r.passOnPartners(List.of(), "fac", LATER));
        assertThat(none.violations())
                .extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(tuple("partners", "NotEmpty"));
        assertThat(Owed.besidesHoldings(r)).isEmpty();
        assertThat(r.partnersPassedOn()).isEmpty();
    }

    @Test
    void aReferralThatHasClosedRefusesNamingTheRuleAndOwesNothingMore() {
        Referral withdrawn = fromRiskMatrix();
        withdrawn.move(ReferralMachine.WITHDRAW, Actor.PERSON, "fac", T0, "x");
        Referral notSuitable = fromRiskMatrix();
        notSuitable.move(ReferralMachine.ASSESSED_NOT_SUITABLE, Actor.SYSTEM, "fac", T0, "x");
        for (Referral closed : List.of(withdrawn, notSuitable)) {
            int owedBefore = Owed.besidesHoldings(closed).size();
            ConflictException e = catchThrowableOfType(
                    ConflictException.class,
                    () -> closed.passOnPartners(
                            List.of(new Partner(Partner.Relationship.EX_PARTNER, "Jo Example", null)), "fac", LATER));
            assertThat(e.facts())
                    .containsEntry("rule", Referral.PARTNERS_WHILE_OPEN)
                    .containsEntry("currentStatus", closed.status().name());
            assertThat(e.getMessage()).doesNotContain("Jo");
            assertThat(Owed.besidesHoldings(closed)).hasSize(owedBefore);
            assertThat(closed.partnersPassedOn()).isEmpty();
        }
        // still open, at any stage before exit: passed on
        Referral enrolled = fromRiskMatrix();
        enrolled.move(ReferralMachine.ASSESSED_SUITABLE, Actor.SYSTEM, "fac", T0, "x");
        enrolled.move(ReferralMachine.ENROL, Actor.SYSTEM, "fac", T0, "x");
        assertThat(enrolled.passOnPartners(
                        List.of(new Partner(Partner.Relationship.EX_PARTNER, "Jo Example", null)), "fac", LATER))
                .isEqualTo(1);
    }
}
