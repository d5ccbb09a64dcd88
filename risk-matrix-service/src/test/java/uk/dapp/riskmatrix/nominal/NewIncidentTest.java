package uk.dapp.riskmatrix.nominal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.riskmatrix.referencedata.ExampleReferenceData;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Outcome;

class NewIncidentTest {

    private static final ReferenceData WEIGHTS = ExampleReferenceData.version1(Instant.EPOCH);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final LocalDate DOB = LocalDate.of(1990, 1, 1);

    private static NewIncident incident(LocalDate date, String code, String victim, boolean crime) {
        return new NewIncident(date, IncidentType.DOMESTIC_ABUSE, code, victim, DashLevel.HIGH, crime, Outcome.CHARGED);
    }

    private static List<String> broken(NewIncident incident) {
        RuleViolationException e =
                catchThrowableOfType(RuleViolationException.class, () -> incident.check(TODAY, DOB, WEIGHTS));
        return e == null
                ? List.of()
                : e.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void todayAndAKnownOffenceAreFine() {
        assertThatCode(() -> incident(TODAY, "EX-ABH", "VK-1", true).check(TODAY, DOB, WEIGHTS))
                .doesNotThrowAnyException();
        assertThatCode(() -> incident(TODAY, "EX-NC-DOMESTIC", "VK-1", false).check(TODAY, DOB, WEIGHTS))
                .doesNotThrowAnyException();
    }

    @Test
    void tomorrowIsRefused() {
        assertThat(broken(incident(TODAY.plusDays(1), "EX-ABH", "VK-1", true))).containsExactly("date:NotFuture");
    }

    @Test
    void beforeBirthIsRefused() {
        assertThat(broken(incident(DOB.minusDays(1), "EX-ABH", "VK-1", true))).containsExactly("date:AfterBirth");
    }

    @Test
    void anUnknownOffenceCodeIsRefused() {
        assertThat(broken(incident(TODAY, "NOPE", "VK-1", true))).containsExactly("offenceCode:KnownOffence");
    }

    @Test
    void aBlankVictimKeyIsRefused() {
        assertThat(broken(incident(TODAY, "EX-ABH", " ", true))).containsExactly("victimKey:NotBlank");
        assertThat(broken(incident(TODAY, "EX-ABH", null, true))).containsExactly("victimKey:NotBlank");
    }

    @Test
    void crimeMustMatchTheOffence() {
        assertThat(broken(incident(TODAY, "EX-ABH", "VK-1", false))).containsExactly("crime:MatchesOffence");
        assertThat(broken(incident(TODAY, "EX-NC-DOMESTIC", "VK-1", true))).containsExactly("crime:MatchesOffence");
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        assertThat(broken(incident(TODAY.plusDays(3), "NOPE", "", true))).hasSize(3);
    }
}
