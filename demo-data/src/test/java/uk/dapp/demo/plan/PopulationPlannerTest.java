package uk.dapp.demo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PopulationPlannerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final List<Offence> OFFENCES = List.of(
            new Offence("EX-NC-DOMESTIC", false, 0),
            new Offence("EX-COMMON-ASSAULT", true, 20),
            new Offence("EX-ABH", true, 180),
            new Offence("EX-COERCIVE-CONTROL", true, 365),
            new Offence("EX-GBH", true, 1095));
    static final Map<String, ProgrammeInfo> CATALOGUE = Map.of(
            "DRIVE-1TO1",
                    new ProgrammeInfo(
                            "DRIVE-1TO1", false, Set.of("MALE", "FEMALE"), 18, Set.of(Level.HIGH), 20, 3, 3, 8),
            "CHANGE-GROUP",
                    new ProgrammeInfo(
                            "CHANGE-GROUP",
                            true,
                            Set.of("MALE"),
                            18,
                            Set.of(Level.STANDARD, Level.MEDIUM, Level.HIGH),
                            24,
                            3,
                            3,
                            0));

    private static List<Person> plan(long seed, int cases) {
        return new PopulationPlanner(seed, TODAY, OFFENCES, 36).plan(cases);
    }

    @Test
    void theSameSeedPlansTheSamePopulationAndAnotherSeedAnother() {
        assertThat(plan(7, 300)).isEqualTo(plan(7, 300));
        assertThat(plan(8, 300)).isNotEqualTo(plan(7, 300));
        // a bigger population starts with the same people
        assertThat(plan(7, 300).subList(0, 30)).isEqualTo(plan(7, 30));
    }

    @Test
    void anotherSeedsPopulationHasOtherPoliceIdentifiersSoItIsLoadedBesideTheFirst() {
        assertThat(DemoIdentifiers.policeId(PopulationPlanner.DEFAULT_SEED, 0))
                .as("the default seed's identifiers are as they always were")
                .isEqualTo("99/0000001D");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (long seed = PopulationPlanner.DEFAULT_SEED; seed < PopulationPlanner.DEFAULT_SEED + 2_600; seed++) {
            for (int index : new int[] {0, 1, DemoIdentifiers.PEOPLE_PER_SEED - 1}) {
                String id = DemoIdentifiers.policeId(seed, index);
                assertThat(id).matches("99/[0-9]{7}[A-Z]");
                assertThat(seen.add(id)).as(seed + "/" + index + " " + id).isTrue();
            }
        }
        assertThat(plan(PopulationPlanner.DEFAULT_SEED + 1, 50))
                .extracting(Person::policeId)
                .doesNotContainAnyElementsOf(plan(PopulationPlanner.DEFAULT_SEED, 50).stream()
                        .map(Person::policeId)
                        .toList());
    }

    @Test
    void everyNameIsObviouslyInventedAndEveryIdentifierObviouslyFake() {
        List<Person> people = plan(PopulationPlanner.DEFAULT_SEED, 1000);
        for (Person p : people) {
            assertThat(Names.obviouslyInvented(p.givenName())).as(p.givenName()).isTrue();
            assertThat(Names.obviouslyInvented(p.familyName()))
                    .as(p.familyName())
                    .isTrue();
            assertThat(p.policeId()).matches("99/[0-9]{7}[A-Z]");
            p.partners().forEach(partner -> {
                assertThat(Names.obviouslyInvented(partner.name()))
                        .as(partner.name())
                        .isTrue();
                assertThat(partner.phone()).startsWith("07700 900");
            });
            p.incidents().forEach(i -> assertThat(i.victimKey()).matches("VK-DEMO-[0-9]{7}[A-Z]-[A-Z]"));
        }
        assertThat(people.stream().map(Person::policeId).distinct()).hasSize(1000);
        assertThat(Names.obviouslyInvented("John Smith")).isFalse();
    }

    @Test
    void agesDatesAndSexesAreInRange() {
        List<Person> people = plan(PopulationPlanner.DEFAULT_SEED, 300);
        for (Person p : people) {
            assertThat(p.ageOn(TODAY)).isBetween(18, 70);
            assertThat(p.incidents())
                    .isNotEmpty()
                    .allSatisfy(i -> assertThat(i.date()).isBefore(TODAY));
        }
        long women = people.stream().filter(p -> p.sex().equals("FEMALE")).count();
        assertThat(women).isBetween(15L, 60L); // mostly men, some women
        assertThat(people.stream().map(Person::area).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(PopulationPlanner.AREAS);
        // every area is big enough for a k=5 extract cell
        people.stream()
                .collect(Collectors.groupingBy(Person::area, Collectors.counting()))
                .values()
                .forEach(n -> assertThat(n).isGreaterThanOrEqualTo(8));
    }

    @Test
    void everyRouteSuitabilityExitAndDashLevelOccurs() {
        List<Person> people = plan(PopulationPlanner.DEFAULT_SEED, 300);
        assertThat(people.stream().map(Person::route).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Person.Route.values());
        assertThat(people.stream().map(p -> p.journey().suitability()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ProgrammeJourney.Suitability.values());
        assertThat(people.stream().map(p -> p.journey().end()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ProgrammeJourney.End.values());
        Set<Level> dash = new HashSet<>();
        people.forEach(p -> p.partners().forEach(partner -> dash.add(partner.dashLevel())));
        assertThat(dash).containsExactlyInAnyOrder(Level.STANDARD, Level.MEDIUM, Level.HIGH);
        assertThat(people.stream().filter(p -> p.victimKeys().size() > 1)).isNotEmpty();
        assertThat(people.stream().flatMap(p -> p.partners().stream()).filter(p -> p.disclosureCategory() != null))
                .isNotEmpty();
        // catch-and-convict for a willing nominal overrides the recommendation and says why
        people.stream()
                .filter(p ->
                        p.route() == Person.Route.CATCH_AND_CONVICT && p.facts().willingToEngage())
                .forEach(p -> assertThat(p.overrideReason()).isNotBlank());
    }

    @Test
    void completersAttendEverySessionAndNonComplianceExitsReachTheThreshold() {
        ProgrammeInfo change = CATALOGUE.get("CHANGE-GROUP");
        for (Person p : plan(3, 300)) {
            List<Attendances.Mark> marks = Attendances.expand(p.journey(), change, true);
            long attended = marks.stream().filter(Attendances.Mark::attended).count();
            // unacceptable absences and sessions attended without complying: what the threshold counts
            long unacceptable =
                    marks.stream().filter(Attendances.Mark::nonCompliant).count();
            switch (p.journey().end()) {
                case COMPLETED -> {
                    assertThat(attended).isEqualTo(change.sessionCount());
                    assertThat(unacceptable).isLessThan(change.nonComplianceThreshold());
                }
                case EXCLUDED, BREACHED -> assertThat(unacceptable).isEqualTo(change.nonComplianceThreshold());
                default -> {
                    assertThat(attended).isLessThan(change.sessionCount());
                    assertThat(unacceptable).isLessThan(change.nonComplianceThreshold());
                }
            }
        }
        assertThat(ProgrammeJourney.End.BREACHED.forMandate(false)).isEqualTo(ProgrammeJourney.End.EXCLUDED);
    }

    @Test
    void drivePathwayIsSwappedForChangeWhenDriveWouldRefuseAndTheOverrideSaysWhy() {
        PathwayChoice.Choice notHigh =
                PathwayChoice.choose(List.of("OFFENDER_MANAGEMENT", "DRIVE"), "MALE", 30, Level.MEDIUM, CATALOGUE);
        assertThat(notHigh.pathways()).containsExactly("OFFENDER_MANAGEMENT", "CHANGE_PROGRAMME");
        assertThat(notHigh.reason()).contains("DRIVE-1TO1");
        PathwayChoice.Choice high =
                PathwayChoice.choose(List.of("OFFENDER_MANAGEMENT", "DRIVE"), "MALE", 30, Level.HIGH, CATALOGUE);
        assertThat(high.pathways()).containsExactly("OFFENDER_MANAGEMENT", "DRIVE");
        assertThat(high.reason()).isNull();
        PathwayChoice.Choice woman = PathwayChoice.choose(
                List.of("OFFENDER_MANAGEMENT", "CHANGE_PROGRAMME"), "FEMALE", 30, Level.MEDIUM, CATALOGUE);
        assertThat(woman.pathways()).containsExactly("OFFENDER_MANAGEMENT");
        assertThat(woman.anyProgramme()).isFalse();
    }

    @Test
    void theReferralLevelIsTheHighestAssessedInTheWindow() {
        List<IncidentPlan> incidents = List.of(
                new IncidentPlan(TODAY.minusMonths(40), true, "EX-ABH", "VK-DEMO-1-A", Level.HIGH, true, "CHARGED"),
                new IncidentPlan(
                        TODAY.minusMonths(2), true, "EX-ABH", "VK-DEMO-1-A", Level.NOT_ASSESSED, true, "CHARGED"));
        assertThat(RiskLevels.referralLevel(incidents, TODAY, 36)).isEqualTo(Level.STANDARD);
        assertThat(RiskLevels.referralLevel(incidents, TODAY, 48)).isEqualTo(Level.HIGH);
    }
}
