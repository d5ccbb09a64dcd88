package uk.dapp.riskmatrix.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.RoutingStatus;
import uk.dapp.riskmatrix.values.Sex;

class EngageReferralTest {

    private static final String CASE = "CASE-1";
    private static final Instant DECIDED = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final LocalDate DOB = LocalDate.of(1985, 5, 5);
    private static final EngageReferral.Person PERSON =
            new EngageReferral.Person("Testy", "McExample", DOB, Sex.MALE, "Z912345");

    @Test
    void aProgrammePathwaySendsOneMessageWithTheEventsFactsOnly() {
        List<OutboxEntry> entries = entries(
                Route.ENGAGE,
                List.of(Pathway.OFFENDER_MANAGEMENT, Pathway.CHANGE_PROGRAMME, Pathway.DRUG_REHABILITATION),
                RiskLevel.MEDIUM,
                PERSON,
                "north");
        assertThat(entries).hasSize(1);
        OutboxEntry entry = entries.getFirst();
        assertThat(entry.destination()).isEqualTo(Destinations.PROGRAMME);
        assertThat(entry.type()).isEqualTo("engage-referral.v1");
        assertThat(entry.caseId()).isEqualTo(CASE);
        assertThat(entry.createdAt()).isEqualTo(DECIDED);
        assertThat(entry.payload())
                .isEqualTo(Map.of(
                        "caseId",
                        CASE,
                        "pathway",
                        "CHANGE_PROGRAMME",
                        "riskLevel",
                        "MEDIUM",
                        "decidedAt",
                        "2026-11-23T10:15:30.123Z",
                        "dateOfBirth",
                        "1985-05-05",
                        "sex",
                        "MALE",
                        "team",
                        "north",
                        "givenName",
                        "Testy",
                        "familyName",
                        "McExample",
                        "probationReference",
                        "Z912345"));
    }

    @Test
    void bothProgrammesSendTwoMessagesInAFixedOrderWithTheirOwnIds() {
        List<OutboxEntry> entries = entries(
                Route.ENGAGE,
                List.of(Pathway.DRIVE, Pathway.OFFENDER_MANAGEMENT, Pathway.CHANGE_PROGRAMME),
                RiskLevel.HIGH,
                PERSON,
                "north");
        assertThat(entries).extracting(e -> e.payload().get("pathway")).containsExactly("CHANGE_PROGRAMME", "DRIVE");
        assertThat(entries).extracting(OutboxEntry::sequence).containsExactly(0L, 1L);
        assertThat(entries.get(0).messageId()).isNotEqualTo(entries.get(1).messageId());
    }

    @Test
    void noProgrammeNoMessage() {
        assertThat(entries(
                        Route.ENGAGE,
                        List.of(Pathway.OFFENDER_MANAGEMENT, Pathway.GPS_TAG),
                        RiskLevel.HIGH,
                        PERSON,
                        "north"))
                .isEmpty();
        assertThat(entries(Route.CATCH_AND_CONVICT, List.of(Pathway.DRIVE), RiskLevel.HIGH, PERSON, "north"))
                .isEmpty();
    }

    @Test
    void whatIsUnknownIsLeftOut() {
        assertThat(entries(
                                Route.ENGAGE,
                                List.of(Pathway.DRIVE),
                                RiskLevel.STANDARD,
                                new EngageReferral.Person(null, null, null, null, null),
                                null)
                        .getFirst()
                        .payload())
                .containsOnlyKeys("caseId", "pathway", "riskLevel", "decidedAt");
        // a referral's level is a RiskLevel, which has no NOT_ASSESSED: the type keeps it out
    }

    @Test
    void whoThePersonIsNeverPrints() {
        EngageReferral referral = EngageReferral.of(
                        CASE, Route.ENGAGE, List.of(Pathway.DRIVE), RiskLevel.HIGH, PERSON, "north", DECIDED)
                .getFirst();
        assertThat(referral.toString()).contains(CASE).doesNotContain("Testy", "McExample", "1985", "Z912345");
        assertThat(PERSON.toString()).doesNotContain("Testy", "McExample", "1985", "Z912345");
    }

    @Test
    void aLaterDecisionsMessagesFollowTheEarliersInTheDocumentsSequence() {
        Routing once = Routing.fresh(CASE)
                .decided(
                        RoutingStatus.ENGAGED,
                        Route.ENGAGE,
                        List.of(Pathway.DRIVE),
                        false,
                        DECIDED,
                        List.of(),
                        List.of(),
                        EngageReferral.of(
                                CASE, Route.ENGAGE, List.of(Pathway.DRIVE), RiskLevel.HIGH, PERSON, "north", DECIDED));
        Routing twice = once.decided(
                RoutingStatus.ENGAGED,
                Route.ENGAGE,
                List.of(Pathway.CHANGE_PROGRAMME),
                false,
                DECIDED,
                List.of(),
                List.of(),
                EngageReferral.of(
                        CASE,
                        Route.ENGAGE,
                        List.of(Pathway.CHANGE_PROGRAMME),
                        RiskLevel.HIGH,
                        PERSON,
                        "north",
                        DECIDED));
        assertThat(twice.outbox()).extracting(OutboxEntry::sequence).containsExactly(0L, 1L);
        assertThat(twice.outboxSequence()).isEqualTo(2);
    }

    /** The entries an ENGAGE decision of {@link #DECIDED} writes into a fresh routing document. */
    private static List<OutboxEntry> entries(
            Route route, List<Pathway> pathways, RiskLevel level, EngageReferral.Person person, String team) {
        return Routing.fresh(CASE)
                .decided(
                        RoutingStatus.ENGAGED,
                        route,
                        pathways,
                        false,
                        DECIDED,
                        List.of(),
                        List.of(),
                        EngageReferral.of(CASE, route, pathways, level, person, team, DECIDED))
                .outbox();
    }
}
