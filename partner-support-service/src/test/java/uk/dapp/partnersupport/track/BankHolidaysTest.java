package uk.dapp.partnersupport.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bundled GOV.UK data, how it is read, and the calendar the service builds from it. */
@ExtendWith(OutputCaptureExtension.class)
class BankHolidaysTest {

    private static InputStream bundled() {
        return BankHolidaysTest.class.getResourceAsStream("/bank-holidays.json");
    }

    private static Map<BankHolidayDivision, BankHolidayCalendar> all() {
        return GovUkBankHolidays.read(bundled(), "bank-holidays.json");
    }

    @Test
    void theBundledDataIsInGovUksFormatForTheThreeDivisions() throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(bundled());
        assertThat(root.propertyNames()).containsExactly("england-and-wales", "scotland", "northern-ireland");
        for (BankHolidayDivision division : BankHolidayDivision.values()) {
            JsonNode node = root.path(division.key());
            assertThat(node.path("division").asString()).isEqualTo(division.key());
            for (JsonNode event : node.path("events")) {
                assertThat(event.propertyNames())
                        .as(division.key())
                        .containsExactly("title", "date", "notes", "bunting");
                assertThat(event.path("title").isString() && event.path("notes").isString())
                        .isTrue();
                assertThat(event.path("bunting").isBoolean()).isTrue();
                assertThat(event.path("notes").asString()).isIn("", "Substitute day");
            }
        }
    }

    @Test
    void everyDivisionCoversEveryYearFrom2018ToTheEndOf2027OnWeekdaysOnly() {
        all().forEach((division, calendar) -> {
            assertThat(calendar.coveredUntil()).as(division.key()).isAfterOrEqualTo(LocalDate.of(2027, 12, 31));
            Map<Integer, Long> perYear = calendar.holidays().stream()
                    .collect(Collectors.groupingBy(LocalDate::getYear, Collectors.counting()));
            for (int year = 2018; year <= 2027; year++) {
                // eight a year in England and Wales, nine in Scotland and ten in Northern Ireland, more with special
                // days
                assertThat(perYear.get(year)).as(division.key() + " " + year).isBetween(8L, 12L);
            }
            assertThat(calendar.holidays())
                    .as(division.key() + ": substitutes move weekend holidays to weekdays")
                    .noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        });
    }

    @Test
    void eachDivisionHasItsOwnHolidays() {
        Map<BankHolidayDivision, BankHolidayCalendar> all = all();
        Set<LocalDate> england = all.get(BankHolidayDivision.ENGLAND_AND_WALES).holidays();
        Set<LocalDate> scotland = all.get(BankHolidayDivision.SCOTLAND).holidays();
        Set<LocalDate> northernIreland =
                all.get(BankHolidayDivision.NORTHERN_IRELAND).holidays();
        // days the whole UK had: Christmas Day 2026 falls on a Friday, Boxing Day moves to Monday 28th
        assertThat(Set.of(
                        LocalDate.of(2026, 12, 25),
                        LocalDate.of(2026, 12, 28),
                        LocalDate.of(2022, 9, 19),
                        LocalDate.of(2023, 5, 8),
                        LocalDate.of(2027, 3, 26)))
                .allSatisfy(day -> {
                    assertThat(england).contains(day);
                    assertThat(scotland).contains(day);
                    assertThat(northernIreland).contains(day);
                });
        // Easter Monday is not a bank holiday in Scotland; its summer holiday is the first Monday of August
        assertThat(england)
                .contains(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 8, 31))
                .doesNotContain(LocalDate.of(2026, 8, 3));
        assertThat(scotland)
                .doesNotContain(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 8, 31))
                .contains(
                        LocalDate.of(2026, 8, 3),
                        LocalDate.of(2026, 1, 2),
                        LocalDate.of(2025, 12, 1) /* St Andrew's, substitute */);
        // St Patrick's Day and the Battle of the Boyne (12 July 2026 is a Sunday: Monday 13th)
        assertThat(northernIreland)
                .contains(LocalDate.of(2026, 3, 17), LocalDate.of(2026, 7, 13), LocalDate.of(2024, 3, 18));
        assertThat(england).doesNotContain(LocalDate.of(2026, 3, 17), LocalDate.of(2026, 7, 13));
    }

    @Test
    void theWarningStartsSixMonthsBeforeTheDataEnds() {
        BankHolidayCalendar calendar = BankHolidayCalendar.of(
                BankHolidayDivision.SCOTLAND, Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 28)));
        assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(calendar.endingWarning(LocalDate.of(2027, 6, 30))).isEmpty();
        assertThat(calendar.endingWarning(LocalDate.of(2027, 7, 1)))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("scotland", "ends on 2027-12-31", "scripts/refresh-bank-holidays.sh"));
        assertThat(calendar.endingWarning(LocalDate.of(2028, 1, 2)))
                .hasValueSatisfying(warning -> assertThat(warning).contains("ended on 2027-12-31"));
    }

    @Test
    void dataWithoutADivisionOrWithABadDateIsRefused() {
        String noScotland = """
                {"england-and-wales":{"division":"england-and-wales","events":[{"title":"x","date":"2030-01-01","notes":"","bunting":true}]},
                 "northern-ireland":{"division":"northern-ireland","events":[{"title":"x","date":"2030-01-01","notes":"","bunting":true}]}}
                """;
        assertThatThrownBy(() -> GovUkBankHolidays.read(stream(noScotland), "a copy"))
                .hasMessageContaining("a copy has no events for the division scotland");
        String badDate = noScotland.replace(
                "\"northern-ireland\":",
                "\"scotland\":{\"division\":\"scotland\",\"events\":"
                        + "[{\"title\":\"x\",\"date\":\"30/11/2030\",\"notes\":\"\",\"bunting\":true}]},\"northern-ireland\":");
        assertThatThrownBy(() -> GovUkBankHolidays.read(stream(badDate), "a copy"))
                .hasMessageContaining("'30/11/2030', not an ISO date");
        assertThatThrownBy(() -> GovUkBankHolidays.read(stream("<html>"), "a copy"))
                .hasMessageContaining("not readable JSON");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private final ApplicationContextRunner service =
            new ApplicationContextRunner().withUserConfiguration(WorkingDaysConfiguration.class);

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    @Test
    void theDivisionIsASettingOfThePartnership(CapturedOutput output) {
        service.withBean(Clock.class, () -> on(LocalDate.of(2026, 12, 1)))
                .withPropertyValues(
                        "dapp.partner-support.bank-holidays.division=scotland",
                        "dapp.partner-support.bank-holidays.extra-closures=2026-12-24")
                .run(context -> {
                    WorkingDays days = context.getBean(WorkingDays.class);
                    assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 30)))
                            .as("St Andrew's Day")
                            .isFalse();
                    assertThat(days.isWorkingDay(LocalDate.of(2026, 4, 6)))
                            .as("Easter Monday, not in Scotland")
                            .isTrue();
                    assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 24)))
                            .as("the partnership's own closure")
                            .isFalse();
                    // Wednesday 23 December + 2: Thursday 24th closed, Friday 25th and Monday 28th holidays
                    assertThat(days.after(LocalDate.of(2026, 12, 23), 2)).isEqualTo(LocalDate.of(2026, 12, 30));
                });
        assertThat(output.getOut()).contains("bank holidays of scotland").doesNotContain("the bank holidays data for");
    }

    @Test
    void startUpWarnsWhenTheDataEndsWithinSixMonths(CapturedOutput output) {
        LocalDate end = all().get(BankHolidayDivision.ENGLAND_AND_WALES).coveredUntil();
        service.withBean(Clock.class, () -> on(end.minusMonths(3)))
                .run(context -> assertThat(context).hasSingleBean(WorkingDays.class));
        assertThat(output.getOut())
                .contains("WARN")
                .contains("the bank holidays data for england-and-wales ends on " + end);
    }

    @Test
    void aMissingSourceOrAnUnknownDivisionStopsStartUp() {
        service.withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("dapp.partner-support.bank-holidays.source=file:/nonexistent/bank-holidays.json")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("/nonexistent/bank-holidays.json"));
        service.withBean(Clock.class, Clock::systemUTC)
                .withPropertyValues("dapp.partner-support.bank-holidays.division=wales")
                .run(context -> assertThat(context).hasFailed());
    }
}
