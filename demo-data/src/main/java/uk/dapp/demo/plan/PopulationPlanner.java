package uk.dapp.demo.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the demo population: a pure function of the seed, the size, the day it is planned for (all
 * dates are before it) and what the system offers (the risk matrix's offences and scoring window,
 * the programme catalogue). Each person is planned from his own random stream, so a bigger
 * population starts with the same people as a smaller one.
 */
public final class PopulationPlanner {

    public static final long DEFAULT_SEED = 20261123L;
    public static final int DEFAULT_CASES = 300;

    /** Invented areas, the first the biggest. */
    public static final List<String> AREAS = List.of("Northshire", "Southvale", "Eastmarsh", "Westfold", "Midwick");

    private static final int[] AREA_WEIGHTS = {30, 25, 20, 15, 10};
    private static final List<String> CRIME_OUTCOMES = List.of(
            "CHARGED", "CAUTIONED", "COMMUNITY_RESOLUTION", "NO_FURTHER_ACTION", "CHARGED", "NO_FURTHER_ACTION");
    private static final List<String> OTHER_SOURCES =
            List.of("POLICE", "PROBATION", "MARAC", "CHILDRENS_SOCIAL_CARE", "HEALTH", "SELF");
    private static final List<String> CATEGORIES = List.of(
            "PHYSICAL",
            "EMOTIONAL",
            "COERCIVE_CONTROL",
            "ECONOMIC",
            "STALKING_HARASSMENT",
            "THREATS",
            "CHILD_RELATED",
            "BREACH_OF_ORDER");
    private static final List<String> FAILED_CONTACTS =
            List.of("NO_ANSWER", "NO_ANSWER", "UNSAFE_TO_TALK", "WRONG_NUMBER");

    private final long seed;
    private final LocalDate today;
    private final List<Offence> offences;
    private final int windowMonths;

    public PopulationPlanner(long seed, LocalDate today, List<Offence> offences, int windowMonths) {
        if (offences.isEmpty()) {
            throw new IllegalArgumentException("the risk matrix offers no offences");
        }
        this.seed = seed;
        this.today = today;
        // least harmful first: the plan draws mostly from the start of the list
        this.offences = offences.stream()
                .sorted(Comparator.comparingInt(Offence::harmDays))
                .toList();
        this.windowMonths = windowMonths;
    }

    public List<Person> plan(int cases) {
        List<Person> people = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            people.add(person(i));
        }
        return List.copyOf(people);
    }

    public int windowMonths() {
        return windowMonths;
    }

    public LocalDate today() {
        return today;
    }

    Person person(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String sex = random.nextInt(100) < 88 ? "MALE" : "FEMALE";
        int age = 18 + (int) (Math.pow(random.nextDouble(), 1.6) * 53); // 18 to 70, most in their 20s to 40s
        LocalDate dateOfBirth = today.minusYears(age).minusDays(1 + random.nextInt(360));
        String policeId = DemoIdentifiers.policeId(seed, index);
        String probationId = random.nextInt(10) < 4 ? String.format("Z%06d", 900_000 + index % 100_000) : null;
        String area = weighted(random, AREAS, AREA_WEIGHTS);
        List<IncidentPlan> incidents = incidents(random, index);

        int routeRoll = random.nextInt(100);
        Person.Route route = routeRoll < 12
                ? Person.Route.UNDECIDED
                : routeRoll < 70 ? Person.Route.ENGAGE : Person.Route.CATCH_AND_CONVICT;
        boolean willing = switch (route) {
            case ENGAGE -> true;
            case CATCH_AND_CONVICT -> random.nextInt(8) == 0; // willing, but the offender manager disrupts first
            case UNDECIDED -> random.nextBoolean();
        };
        Facts facts = new Facts(
                willing,
                random.nextInt(3) == 0,
                random.nextInt(5) == 0,
                random.nextInt(4) == 0,
                random.nextInt(6) == 0,
                random.nextInt(15) == 0,
                probationId != null && random.nextBoolean());
        String overrideReason = route == Person.Route.CATCH_AND_CONVICT && willing
                ? "intelligence of continuing risk to a current partner: disrupt before any programme"
                : null;

        Person.DirectReferral referral = switch (route) {
            case UNDECIDED -> {
                String source = Names.pick(random, OTHER_SOURCES);
                yield new Person.DirectReferral(
                        random.nextInt(10) < 6, source, source.equals("PROBATION") && random.nextBoolean());
            }
            case CATCH_AND_CONVICT -> new Person.DirectReferral(random.nextInt(100) < 35, "COURT_ORDER", true);
            case ENGAGE -> new Person.DirectReferral(true, random.nextBoolean() ? "POLICE" : "PROBATION", false);
        };
        ProgrammeJourney journey = journey(random);
        int partnerCount = random.nextInt(10) == 0 ? 0 : random.nextInt(10) < 8 ? 1 : 2;
        List<PartnerPlan> partners = new ArrayList<>();
        for (int p = 0; p < partnerCount; p++) {
            partners.add(partner(random, p == 0 && random.nextInt(3) > 0, journey));
        }
        return new Person(
                index,
                Names.given(random),
                Names.family(random),
                sex,
                dateOfBirth,
                policeId,
                probationId,
                area,
                incidents,
                facts,
                route,
                overrideReason,
                referral,
                journey,
                List.copyOf(partners));
    }

    private List<IncidentPlan> incidents(SplittableRandom random, int index) {
        int count = 1 + random.nextInt(3) + (random.nextInt(4) == 0 ? random.nextInt(5) : 0);
        int victims = count > 1 && random.nextInt(3) == 0 ? 2 + random.nextInt(Math.min(2, count - 1)) : 1;
        List<IncidentPlan> incidents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate date = today.minusDays(3 + random.nextInt(6 * 365));
            Offence offence = offences.get((int) (Math.pow(random.nextDouble(), 2.2) * offences.size()));
            int dashRoll = random.nextInt(10);
            Level dash = dashRoll == 0
                    ? Level.NOT_ASSESSED
                    : dashRoll < 5 ? Level.STANDARD : dashRoll < 8 ? Level.MEDIUM : Level.HIGH;
            String outcome = !offence.crime()
                    ? "NOT_APPLICABLE"
                    : date.isAfter(today.minusDays(60)) && random.nextBoolean()
                            ? "UNDER_INVESTIGATION"
                            : Names.pick(random, CRIME_OUTCOMES);
            String victim = DemoIdentifiers.victimKey(seed, index, i < victims ? i : random.nextInt(victims));
            incidents.add(new IncidentPlan(
                    date, random.nextInt(10) > 0, offence.code(), victim, dash, offence.crime(), outcome));
        }
        incidents.sort(Comparator.comparing(IncidentPlan::date));
        return List.copyOf(incidents);
    }

    private static ProgrammeJourney journey(SplittableRandom random) {
        int s = random.nextInt(100);
        ProgrammeJourney.Suitability suitability = s < 50
                ? ProgrammeJourney.Suitability.SUITABLE
                : s < 65
                        ? ProgrammeJourney.Suitability.MOTIVATIONAL_THEN_SUITABLE
                        : s < 73
                                ? ProgrammeJourney.Suitability.MOTIVATIONAL_PENDING
                                : s < 85
                                        ? ProgrammeJourney.Suitability.NOT_SUITABLE
                                        : ProgrammeJourney.Suitability.NOT_YET_ASSESSED;
        int e = random.nextInt(100);
        ProgrammeJourney.End end = e < 33
                ? ProgrammeJourney.End.ONGOING
                : e < 63
                        ? ProgrammeJourney.End.COMPLETED
                        : e < 75
                                ? ProgrammeJourney.End.DROPPED_OUT
                                : e < 84
                                        ? ProgrammeJourney.End.EXCLUDED
                                        : e < 95 ? ProgrammeJourney.End.BREACHED : ProgrammeJourney.End.TRANSFERRED;
        return new ProgrammeJourney(
                suitability,
                end,
                0.1 + 0.8 * random.nextDouble(),
                random.nextInt(10) == 0,
                random.nextInt(10) < 7,
                random.nextInt(10) < 6,
                random.nextLong());
    }

    private PartnerPlan partner(SplittableRandom random, boolean current, ProgrammeJourney journey) {
        List<String> attempts = new ArrayList<>();
        int tries = 1 + random.nextInt(3);
        boolean reached = random.nextInt(10) < 8;
        for (int t = 1; t < tries; t++) {
            attempts.add(Names.pick(random, FAILED_CONTACTS));
        }
        attempts.add(reached ? "REACHED" : Names.pick(random, FAILED_CONTACTS));
        List<String> scopes = new ArrayList<>();
        if (random.nextInt(10) < 6) {
            scopes.add("PROGRAMME");
            if (random.nextBoolean()) {
                scopes.add("MARAC");
            }
            if (random.nextInt(3) == 0) {
                scopes.add("POLICE");
            }
        }
        int levelRoll = random.nextInt(100);
        int yes = levelRoll < 45
                ? 1 + random.nextInt(9)
                : levelRoll < 75 ? 10 + random.nextInt(4) : 14 + random.nextInt(7);
        int notKnown = random.nextInt(3);
        Level byAnswers = yes >= 14 ? Level.HIGH : yes >= 10 ? Level.MEDIUM : Level.STANDARD;
        Level judgement =
                byAnswers != Level.HIGH && random.nextInt(10) == 0 ? Level.values()[byAnswers.ordinal() + 1] : null;
        boolean safetyPlan = byAnswers.atLeast(Level.MEDIUM) || judgement != null || random.nextInt(10) < 3;
        boolean discloses = random.nextInt(4) == 0;
        String category = discloses ? Names.pick(random, CATEGORIES) : null;
        Level disclosureLevel = discloses ? Level.values()[1 + random.nextInt(3)] : null;
        boolean children = random.nextInt(100) < 55;
        PartnerPlan.Measures intake = measures(random, 1, 3, children);
        PartnerPlan.Measures exit = null;
        if (journey.end() != ProgrammeJourney.End.ONGOING
                && journey.suitability().endsSuitable()) {
            exit = journey.end() == ProgrammeJourney.End.COMPLETED
                    ? measures(random, 3, 5, children)
                    : measures(random, 1, 4, children);
        }
        String phone = "07700 900" + String.format("%03d", random.nextInt(1000)); // Ofcom's range for drama
        return new PartnerPlan(
                Names.partner(random),
                current,
                phone,
                List.copyOf(attempts),
                random.nextInt(10) < 9,
                List.copyOf(scopes),
                yes,
                notKnown,
                judgement,
                random.nextInt(6),
                safetyPlan,
                category,
                disclosureLevel,
                intake,
                exit);
    }

    private static PartnerPlan.Measures measures(SplittableRandom random, int low, int high, boolean children) {
        return new PartnerPlan.Measures(
                score(random, low, high),
                score(random, low, high),
                score(random, low, high),
                score(random, low, high),
                children ? score(random, low, high) : null,
                score(random, low, high),
                score(random, low, high),
                score(random, low, high),
                children ? score(random, low, high) : null,
                score(random, low, high),
                children ? score(random, low, high) : null);
    }

    private static int score(SplittableRandom random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    private static String weighted(SplittableRandom random, List<String> values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.size(); i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("weights");
    }
}
