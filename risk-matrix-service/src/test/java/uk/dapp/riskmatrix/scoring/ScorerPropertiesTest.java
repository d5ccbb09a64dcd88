package uk.dapp.riskmatrix.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.dapp.riskmatrix.referencedata.Band;
import uk.dapp.riskmatrix.referencedata.ExampleReferenceData;
import uk.dapp.riskmatrix.referencedata.OffenceWeight;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.values.Contribution;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Score;

/** Properties over seeded random histories (the seed is in every failure message). */
class ScorerPropertiesTest {

    private static final ReferenceData WEIGHTS = ExampleReferenceData.version1(Instant.EPOCH);
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final int RUNS = 2_000;

    private static Incident randomIncident(Random random, LocalDate dob) {
        OffenceWeight offence =
                WEIGHTS.offences().get(random.nextInt(WEIGHTS.offences().size()));
        long span = AS_OF.toEpochDay() - dob.toEpochDay();
        LocalDate date = AS_OF.minusDays(random.nextInt((int) Math.min(span, 365 * 6)));
        return Incidents.of(
                date,
                random.nextInt(4) == 0 ? IncidentType.OTHER : IncidentType.DOMESTIC_ABUSE,
                offence.code(),
                "V" + random.nextInt(5),
                DashLevel.values()[random.nextInt(4)]);
    }

    private static LocalDate randomDob(Random random) {
        return AS_OF.minusYears(12 + random.nextInt(40)).minusDays(random.nextInt(365));
    }

    private static List<Incident> randomHistory(Random random, LocalDate dob) {
        List<Incident> incidents = new ArrayList<>();
        int n = random.nextInt(15);
        for (int i = 0; i < n; i++) {
            incidents.add(randomIncident(random, dob));
        }
        return incidents;
    }

    @Test
    void addingAnIncidentNeverLowersFrequency() {
        for (long seed = 0; seed < RUNS; seed++) {
            Random random = new Random(seed);
            LocalDate dob = randomDob(random);
            List<Incident> incidents = randomHistory(random, dob);
            Score before = Scorer.score(WEIGHTS, dob, incidents, AS_OF, Instant.EPOCH);
            incidents.add(randomIncident(random, dob));
            Score after = Scorer.score(WEIGHTS, dob, incidents, AS_OF, Instant.EPOCH);
            assertThat(after.frequency().value())
                    .as("seed %d", seed)
                    .isGreaterThanOrEqualTo(before.frequency().value());
            assertThat(after.frequency().points())
                    .as("seed %d", seed)
                    .isGreaterThanOrEqualTo(before.frequency().points());
            assertThat(after.victims().points())
                    .as("seed %d", seed)
                    .isGreaterThanOrEqualTo(before.victims().points());
            assertThat(after.harmDays()).as("seed %d", seed).isGreaterThanOrEqualTo(before.harmDays());
        }
    }

    @Test
    void aScoreIsReproducibleFromItsExplanation() {
        for (long seed = 0; seed < RUNS; seed++) {
            Random random = new Random(seed);
            LocalDate dob = randomDob(random);
            List<Incident> incidents = randomHistory(random, dob);
            Score score = Scorer.score(WEIGHTS, dob, incidents, AS_OF, Instant.EPOCH);
            Map<String, Incident> byId = new HashMap<>();
            incidents.forEach(i -> byId.put(i.incidentId(), i));

            // from the explanation alone, with the version it names
            assertThat(score.referenceVersion()).isEqualTo(WEIGHTS.version());
            List<Contribution> parts = score.incidents();
            assertThat(parts).as("seed %d", seed).hasSize(incidents.size());
            int count = 0;
            int gravity = 0;
            int harm = 0;
            int victims = 0;
            LocalDate latest = null;
            for (Contribution part : parts) {
                Incident incident = byId.get(part.incidentId());
                assertThat(part.inWindow()).isEqualTo(Scorer.inWindow(part.date(), score.asOf(), score.windowMonths()));
                boolean scored = part.inWindow() && incident.type() == IncidentType.DOMESTIC_ABUSE;
                assertThat(part.countsForFrequency()).as("seed %d", seed).isEqualTo(scored);
                int expectedGravity = scored
                        ? WEIGHTS.offence(part.offenceCode()).orElseThrow().gravityPoints()
                                + WEIGHTS.dashUplift().pointsFor(incident.dashLevel())
                        : 0;
                assertThat(part.gravityPoints()).as("seed %d", seed).isEqualTo(expectedGravity);
                if (part.countsForFrequency()) {
                    count++;
                }
                if (part.newVictim()) {
                    victims++;
                }
                if (part.mostRecent()) {
                    latest = part.date();
                }
                gravity += part.gravityPoints();
                harm += part.harmDays();
            }
            assertThat(score.frequency().value()).as("seed %d", seed).isEqualTo(count);
            assertThat(score.frequency().points()).isEqualTo(Band.pointsFor(WEIGHTS.frequencyBands(), count));
            assertThat(score.victims().value()).as("seed %d", seed).isEqualTo(victims);
            assertThat(score.victims().points()).isEqualTo(Band.pointsFor(WEIGHTS.victimBands(), victims));
            assertThat(score.gravity().points()).as("seed %d", seed).isEqualTo(gravity);
            assertThat(score.harmDays()).as("seed %d", seed).isEqualTo(harm);
            if (latest != null) {
                int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(latest, score.asOf());
                assertThat(score.recency().points()).isEqualTo(Band.pointsFor(WEIGHTS.recencyBands(), months));
            } else {
                assertThat(score.recency().points()).isZero();
            }
            assertThat(score.total())
                    .as("seed %d", seed)
                    .isEqualTo(score.recency().points()
                            + score.frequency().points()
                            + score.gravity().points()
                            + score.victims().points());
            assertThat(score.serial())
                    .isEqualTo(parts.stream()
                                            .filter(Contribution::countsForSerial)
                                            .count()
                                    > 1
                            && parts.stream()
                                            .filter(Contribution::countsForSerial)
                                            .map(p -> byId.get(p.incidentId()).victimKey())
                                            .distinct()
                                            .count()
                                    >= 2);
            // and the same inputs give the same score, in any order
            List<Incident> shuffled = new ArrayList<>(incidents);
            java.util.Collections.shuffle(shuffled, random);
            assertThat(Scorer.score(WEIGHTS, dob, shuffled, AS_OF, Instant.EPOCH))
                    .isEqualTo(score);
        }
    }
}
