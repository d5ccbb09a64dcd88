package uk.dapp.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaddersTest {

    // ---- age ----

    @Test
    void ageCountsCompletedYearsAndTheBirthdayItself() {
        LocalDate born = LocalDate.of(2008, 6, 15);

        assertThat(AgeLadder.ageOn(born, LocalDate.of(2026, 6, 14))).isEqualTo(17);
        assertThat(AgeLadder.ageOn(born, LocalDate.of(2026, 6, 15))).isEqualTo(18);
        assertThat(AgeLadder.ageOn(born, born)).isZero();
    }

    @Test
    void someoneBornOnTwentyNinthFebruaryIsOlderOnFirstMarchInOtherYears() {
        LocalDate born = LocalDate.of(2008, 2, 29);

        assertThat(AgeLadder.ageOn(born, LocalDate.of(2026, 2, 28))).isEqualTo(17);
        assertThat(AgeLadder.ageOn(born, LocalDate.of(2026, 3, 1))).isEqualTo(18);
        assertThat(AgeLadder.ageOn(born, LocalDate.of(2028, 2, 28))).isEqualTo(19);
        assertThat(AgeLadder.ageOn(born, LocalDate.of(2028, 2, 29))).isEqualTo(20);
    }

    @Test
    void aDateOfBirthAfterTheReferenceDateIsRefused() {
        assertThatThrownBy(() -> AgeLadder.ageOn(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgeLadder.band(-1, AgeLevel.FIVE_YEAR)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "age {0}: {1} / {2} / {3}")
    @CsvSource({
        "0,  0-17,  0-17,  0-17",
        "17, 0-17,  0-17,  0-17",
        "18, 18-22, 18-27, 18-37",
        "22, 18-22, 18-27, 18-37",
        "23, 23-27, 18-27, 18-37",
        "27, 23-27, 18-27, 18-37",
        "28, 28-32, 28-37, 18-37",
        "37, 33-37, 28-37, 18-37",
        "38, 38-42, 38-47, 38-57",
        "57, 53-57, 48-57, 38-57",
        "58, 58-62, 58-67, 58-77",
        "77, 73-77, 68-77, 58-77",
        "78, 78+,   78+,   78+",
        "104, 78+,  78+,   78+",
    })
    void bandsAtEachLevel(int age, String five, String ten, String twenty) {
        assertThat(AgeLadder.band(age, AgeLevel.FIVE_YEAR)).isEqualTo(five);
        assertThat(AgeLadder.band(age, AgeLevel.TEN_YEAR)).isEqualTo(ten);
        assertThat(AgeLadder.band(age, AgeLevel.TWENTY_YEAR)).isEqualTo(twenty);
        assertThat(AgeLadder.band(age, AgeLevel.SUPPRESSED)).isEqualTo("*");
    }

    @Test
    void theBandChangesOnTheBirthdayNotTheDayBefore() {
        LocalDate born = LocalDate.of(2003, 3, 31);

        assertThat(AgeLadder.band(born, LocalDate.of(2026, 3, 30), AgeLevel.FIVE_YEAR))
                .isEqualTo("18-22");
        assertThat(AgeLadder.band(born, LocalDate.of(2026, 3, 31), AgeLevel.FIVE_YEAR))
                .isEqualTo("23-27");
        assertThat(AgeLadder.band(LocalDate.of(2008, 3, 31), LocalDate.of(2026, 3, 30), AgeLevel.FIVE_YEAR))
                .isEqualTo("0-17");
        assertThat(AgeLadder.band(LocalDate.of(2008, 3, 31), LocalDate.of(2026, 3, 31), AgeLevel.FIVE_YEAR))
                .isEqualTo("18-22");
    }

    @Test
    void anUnknownAgeIsItsOwnBandUntilAgeIsSuppressed() {
        assertThat(AgeLadder.band((Integer) null, AgeLevel.TWENTY_YEAR)).isEqualTo(Ladders.UNKNOWN);
        assertThat(AgeLadder.band(null, LocalDate.of(2026, 1, 1), AgeLevel.FIVE_YEAR))
                .isEqualTo(Ladders.UNKNOWN);
        assertThat(AgeLadder.band((Integer) null, AgeLevel.SUPPRESSED)).isEqualTo(Ladders.SUPPRESSED);
    }

    @Test
    void everyCoarserBandIsAUnionOfFinerOnesSoTheFinestBandDecidesAll() {
        // the k-anonymiser keeps only the youngest age of the finest band; that must lose nothing
        for (int age = 0; age <= 120; age++) {
            Integer representative = AgeLadder.finestRepresentative(age);
            for (AgeLevel level : AgeLevel.values()) {
                assertThat(AgeLadder.band(representative, level))
                        .as("age %d at %s", age, level)
                        .isEqualTo(AgeLadder.band(age, level));
            }
            if (age > 0) {
                for (int finer = 0; finer < AgeLevel.values().length - 1; finer++) {
                    AgeLevel fine = AgeLevel.values()[finer];
                    AgeLevel coarse = AgeLevel.values()[finer + 1];
                    if (AgeLadder.band(age, fine).equals(AgeLadder.band(age - 1, fine))) {
                        assertThat(AgeLadder.band(age, coarse)).isEqualTo(AgeLadder.band(age - 1, coarse));
                    }
                }
            }
        }
        assertThat(AgeLadder.finestRepresentative(null)).isNull();
    }

    @Test
    void aFiveYearBandStandsForAnAgeThatGeneralisesLikeEveryAgeInIt() {
        for (int age = 0; age <= 110; age++) {
            String band = AgeLadder.band(age, AgeLevel.FIVE_YEAR);
            Integer representative = AgeLadder.representativeOfBand(band);
            for (AgeLevel level : AgeLevel.values()) {
                assertThat(AgeLadder.band(representative, level))
                        .as("age %d at %s", age, level)
                        .isEqualTo(AgeLadder.band(age, level));
            }
        }
        assertThat(AgeLadder.representativeOfBand("23-27")).isEqualTo(23);
        assertThat(AgeLadder.representativeOfBand(null)).isNull();
        assertThat(AgeLadder.representativeOfBand("UNKNOWN")).isNull();
        for (String wrong : new String[] {"18-27", "24-28", "1990-05-01", "*", "78", "13-17"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgeLadder.representativeOfBand(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---- sex ----

    @Test
    void sexIsShownUpperCaseOrSuppressedAndBlankIsUnknown() {
        assertThat(SexLadder.generalise(" male ", SexLevel.KEPT)).isEqualTo("MALE");
        assertThat(SexLadder.generalise("FEMALE", SexLevel.KEPT)).isEqualTo("FEMALE");
        assertThat(SexLadder.generalise(null, SexLevel.KEPT)).isEqualTo(Ladders.UNKNOWN);
        assertThat(SexLadder.generalise(" ", SexLevel.KEPT)).isEqualTo(Ladders.UNKNOWN);
        assertThat(SexLadder.generalise("MALE", SexLevel.SUPPRESSED)).isEqualTo(Ladders.SUPPRESSED);
    }

    // ---- period ----

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource({
        "2026-01, 2026-Q1, 2026",
        "2026-03, 2026-Q1, 2026",
        "2026-04, 2026-Q2, 2026",
        "2026-06, 2026-Q2, 2026",
        "2026-07, 2026-Q3, 2026",
        "2026-09, 2026-Q3, 2026",
        "2026-10, 2026-Q4, 2026",
        "2026-12, 2026-Q4, 2026",
        "2027-01, 2027-Q1, 2027",
    })
    void monthsWidenToCalendarQuartersAndYears(String month, String quarter, String year) {
        YearMonth ym = YearMonth.parse(month);

        assertThat(PeriodLadder.generalise(ym, PeriodLevel.MONTH)).isEqualTo(month);
        assertThat(PeriodLadder.generalise(ym, PeriodLevel.QUARTER)).isEqualTo(quarter);
        assertThat(PeriodLadder.generalise(ym, PeriodLevel.YEAR)).isEqualTo(year);
    }

    @Test
    void aMomentBelongsToTheMonthOfItsUkLocalDate() {
        // British Summer Time: 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London
        assertThat(PeriodLadder.monthOf(Instant.parse("2026-03-31T23:30:00Z"))).isEqualTo(YearMonth.of(2026, 4));
        assertThat(PeriodLadder.monthOf(Instant.parse("2026-03-31T22:59:59Z"))).isEqualTo(YearMonth.of(2026, 3));
        // Greenwich Mean Time: UTC and London agree at the end of January and of the year
        assertThat(PeriodLadder.monthOf(Instant.parse("2026-01-31T23:59:59Z"))).isEqualTo(YearMonth.of(2026, 1));
        assertThat(PeriodLadder.monthOf(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo(YearMonth.of(2026, 12));
        assertThat(PeriodLadder.monthOf(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(YearMonth.of(2027, 1));
        assertThat(PeriodLadder.monthOf(LocalDate.of(2028, 2, 29))).isEqualTo(YearMonth.of(2028, 2));
    }

    @Test
    void anUnknownMonthIsUnknownAtEveryLevel() {
        for (PeriodLevel level : PeriodLevel.values()) {
            assertThat(PeriodLadder.generalise(null, level)).isEqualTo(Ladders.UNKNOWN);
        }
    }

    // ---- area ----

    private static final AreaLadder AREAS =
            new AreaLadder(Map.of("Northshire", "North East", "Riverton", "North East", "Lakeside", "North West"));

    @Test
    void areasAreComparedWithoutCaseOrSpacingAndShownUpperCase() {
        assertThat(AREAS.generalise("  river   ton ", AreaLevel.AREA)).isEqualTo("RIVER TON");
        assertThat(AREAS.generalise("riverton", AreaLevel.AREA)).isEqualTo("RIVERTON");
        assertThat(AREAS.generalise("RIVERTON", AreaLevel.REGION)).isEqualTo("North East");
        assertThat(AREAS.generalise(" lakeside", AreaLevel.REGION)).isEqualTo("North West");
    }

    @Test
    void anAreaTheMapDoesNotKnowFallsIntoOtherRatherThanShowingItself() {
        assertThat(AREAS.generalise("Smallvale", AreaLevel.REGION)).isEqualTo(AreaLadder.OTHER_REGION);
        assertThat(AreaLadder.withoutRegions().generalise("Riverton", AreaLevel.REGION))
                .isEqualTo(AreaLadder.OTHER_REGION);
    }

    @Test
    void unknownAreasStayUnknownUntilAllAreasAreOne() {
        assertThat(AREAS.generalise(null, AreaLevel.AREA)).isEqualTo(Ladders.UNKNOWN);
        assertThat(AREAS.generalise("", AreaLevel.REGION)).isEqualTo(Ladders.UNKNOWN);
        assertThat(AREAS.generalise(null, AreaLevel.ALL)).isEqualTo(Ladders.ALL_AREAS);
        assertThat(AREAS.generalise("Riverton", AreaLevel.ALL)).isEqualTo(Ladders.ALL_AREAS);
    }

    @Test
    void oneAreaCannotBeGivenTwoRegions() {
        Map<String, String> conflicting = new LinkedHashMap<>();
        conflicting.put("Riverton", "North East");
        conflicting.put("RIVERTON", "North West");
        Map<String, String> agreeing = new LinkedHashMap<>();
        agreeing.put("Riverton", "North East");
        agreeing.put("riverton ", "North East");

        assertThatThrownBy(() -> new AreaLadder(conflicting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two regions");
        assertThat(new AreaLadder(agreeing).region("RIVERTON")).isEqualTo("North East");
        assertThatThrownBy(() -> new AreaLadder(Map.of("Riverton", " "))).isInstanceOf(IllegalArgumentException.class);
    }
}
