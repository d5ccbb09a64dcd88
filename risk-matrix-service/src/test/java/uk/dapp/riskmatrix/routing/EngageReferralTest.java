package uk.dapp.riskmatrix.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.riskmatrix.incident.DashLevel;

class EngageReferralTest {

    private static final String CASE = "CASE-1";
    private static final Instant DECIDED = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final LocalDate DOB = LocalDate.of(1985, 5, 5);
    private static final EngageReferral.Person PERSON = new EngageReferral.Person("Testy", "McExample", DOB, "MALE",
            "Z912345");

    @Test
    void aProgrammePathwaySendsOneMessageWithTheEventsFactsOnly() {
        List<OutboxEntry> entries = EngageReferral.entries(CASE, Route.ENGAGE,
                List.of(Pathway.OFFENDER_MANAGEMENT, Pathway.CHANGE_PROGRAMME, Pathway.DRUG_REHABILITATION),
                DashLevel.MEDIUM, PERSON, "north", DECIDED);
        assertThat(entries).hasSize(1);
        OutboxEntry entry = entries.getFirst();
        assertThat(entry.destination()).isEqualTo(Destinations.PROGRAMME);
        assertThat(entry.type()).isEqualTo("engage-referral.v1");
        assertThat(entry.caseId()).isEqualTo(CASE);
        assertThat(entry.createdAt()).isEqualTo(DECIDED);
        assertThat(entry.payload()).isEqualTo(Map.of("caseId", CASE, "pathway", "CHANGE_PROGRAMME",
                "riskLevel", "MEDIUM", "decidedAt", "2026-11-23T10:15:30.123Z", "dateOfBirth", "1985-05-05",
                "sex", "MALE", "team", "north", "givenName", "Testy", "familyName", "McExample",
                "probationReference", "Z912345"));
    }

    @Test
    void bothProgrammesSendTwoMessagesInAFixedOrderWithTheirOwnIds() {
        List<OutboxEntry> entries = EngageReferral.entries(CASE, Route.ENGAGE,
                List.of(Pathway.DRIVE, Pathway.OFFENDER_MANAGEMENT, Pathway.CHANGE_PROGRAMME), DashLevel.HIGH, PERSON,
                "north", DECIDED);
        assertThat(entries).extracting(e -> e.payload().get("pathway")).containsExactly("CHANGE_PROGRAMME", "DRIVE");
        assertThat(entries).extracting(OutboxEntry::ordinal).containsExactly(0, 1);
        assertThat(entries.get(0).messageId()).isNotEqualTo(entries.get(1).messageId());
    }

    @Test
    void noProgrammeNoMessage() {
        assertThat(EngageReferral.entries(CASE, Route.ENGAGE, List.of(Pathway.OFFENDER_MANAGEMENT, Pathway.GPS_TAG),
                DashLevel.HIGH, PERSON, "north", DECIDED)).isEmpty();
        assertThat(EngageReferral.entries(CASE, Route.CATCH_AND_CONVICT, List.of(Pathway.DRIVE), DashLevel.HIGH,
                PERSON, "north", DECIDED)).isEmpty();
    }

    @Test
    void whatIsUnknownIsLeftOutAndNotAssessedIsNoReferralLevel() {
        assertThat(EngageReferral.entries(CASE, Route.ENGAGE, List.of(Pathway.DRIVE), DashLevel.STANDARD,
                new EngageReferral.Person(null, null, null, null, null), null, DECIDED).getFirst().payload()).containsOnlyKeys("caseId", "pathway", "riskLevel", "decidedAt");
        assertThatThrownBy(() -> EngageReferral.entries(CASE, Route.ENGAGE, List.of(Pathway.DRIVE),
                DashLevel.NOT_ASSESSED, PERSON, "north", DECIDED)).isInstanceOf(IllegalArgumentException.class);
    }
}
