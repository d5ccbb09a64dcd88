package uk.dapp.demo.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.dapp.demo.plan.Level;
import uk.dapp.demo.plan.Offence;
import uk.dapp.demo.plan.Person;
import uk.dapp.demo.plan.PopulationPlanner;
import uk.dapp.demo.plan.ProgrammeInfo;

class ProgrammeJourneyLoadTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final ProgrammeInfo DRIVE =
            new ProgrammeInfo("DRIVE-1TO1", false, Set.of("MALE", "FEMALE"), 18, Set.of(Level.HIGH), 20, 3, 3, 8);
    private static final ProgrammeInfo CHANGE = new ProgrammeInfo(
            "CHANGE-GROUP", true, Set.of("MALE"), 18, Set.of(Level.STANDARD, Level.MEDIUM, Level.HIGH), 24, 3, 3, 0);

    private static List<Loaded> referred() {
        List<Person> people =
                new PopulationPlanner(7, TODAY, List.of(new Offence("EX-COMMON-ASSAULT", true, 20)), 36).plan(300);
        return IntStream.range(0, people.size())
                .mapToObj(i -> {
                    Loaded l = new Loaded(people.get(i), "case-" + i);
                    l.programme = i % 3 == 0 ? DRIVE : CHANGE;
                    return l;
                })
                .toList();
    }

    private static ProgrammeJourneyLoad load() {
        return new ProgrammeJourneyLoad(new LoadContext(
                new Gateway("http://127.0.0.1:1", "http://127.0.0.1:1", "demo"),
                new Counts(),
                TODAY,
                Map.of(DRIVE.code(), DRIVE, CHANGE.code(), CHANGE)));
    }

    @Test
    void whoWorksEachReferralAndWhereItEnrolsAreSettledInThePeoplesOrder() {
        List<Loaded> referred = referred();
        List<ProgrammeJourneyLoad.Assignment> assignments = load().assign(referred);

        assertThat(assignments)
                .extracting(ProgrammeJourneyLoad.Assignment::loaded)
                .containsExactlyElementsOf(referred);
        // facilitators and service managers of the person's team take turns
        for (int i = 0; i < assignments.size(); i++) {
            DemoTeam team = referred.get(i).team();
            assertThat(assignments.get(i).worker()).isEqualTo(i % 2 == 0 ? team.facilitator() : team.serviceManager());
        }
        // places count up from 0 in the people's order, per team and programme (each team runs its own groups and
        // its own case managers take its one-to-one cases); a journey that never ends suitable has none
        Map<String, Integer> next = new HashMap<>();
        for (ProgrammeJourneyLoad.Assignment a : assignments) {
            Loaded l = a.loaded();
            if (!l.person.journey().suitability().endsSuitable()) {
                assertThat(a.enrolmentPlace()).isEqualTo(-1);
                continue;
            }
            String key = l.team() + "/" + l.programme.code();
            assertThat(a.enrolmentPlace()).as(key).isEqualTo(next.getOrDefault(key, 0));
            next.merge(key, 1, Integer::sum);
        }
        assertThat(next.keySet())
                .contains("NORTH/CHANGE-GROUP", "SOUTH/CHANGE-GROUP", "NORTH/DRIVE-1TO1", "SOUTH/DRIVE-1TO1");
        // and assigning again gives the same: nothing depends on what ran before
        assertThat(load().assign(referred)).isEqualTo(assignments);
    }

    @Test
    void aOneToOnePlaceFallsOnTheCaseloadOfOneOfTheTeamsOwnCaseManagersWithinItsLimit() {
        // Drive's caseload limit is 8 here: the facilitator's places first, then the service manager's
        assertThat(ProgrammeJourneyLoad.caseManagerFor(DemoTeam.NORTH, DRIVE, 0))
                .isEqualTo("demo-facilitator");
        assertThat(ProgrammeJourneyLoad.caseManagerFor(DemoTeam.NORTH, DRIVE, 7))
                .isEqualTo("demo-facilitator");
        assertThat(ProgrammeJourneyLoad.caseManagerFor(DemoTeam.NORTH, DRIVE, 8))
                .isEqualTo("demo-service-manager");
        assertThat(ProgrammeJourneyLoad.caseManagerFor(DemoTeam.SOUTH, DRIVE, 15))
                .isEqualTo("demo-service-manager-south");
        assertThat(ProgrammeJourneyLoad.caseManagerFor(DemoTeam.SOUTH, DRIVE, 16))
                .as("both full: the referral waits, suitable")
                .isNull();
    }
}
