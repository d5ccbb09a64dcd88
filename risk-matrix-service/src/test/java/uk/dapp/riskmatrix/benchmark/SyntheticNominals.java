package uk.dapp.riskmatrix.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.referencedata.OffenceWeight;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Outcome;
import uk.dapp.riskmatrix.values.RoutingStatus;

/** The benchmarks' synthetic cohort, written straight into the store in batches (invented people only). */
final class SyntheticNominals {

    private static final int LOAD_BATCH = 1_000;

    private SyntheticNominals() {}

    /** Nominals with incidents spread at random (0 to 2x the mean each), over six years, 1 to 3 victims. */
    static void load(MongoTemplate mongo, int nominals, int incidents, ReferenceData weights) {
        Random random = new Random(42);
        List<OffenceWeight> offences = weights.offences();
        LocalDate today = LocalDate.now();
        Instant now = Instant.now();
        int mean = Math.max(1, incidents / nominals);
        long left = incidents;
        List<Nominal> batch = new ArrayList<>(LOAD_BATCH);
        for (int n = 0; n < nominals; n++) {
            int remainingNominals = nominals - n;
            int count = remainingNominals == 1 ? (int) left : (int) Math.min(left, random.nextInt(2 * mean + 1));
            left -= count;
            LocalDate dob = today.minusYears(18 + random.nextInt(40)).minusDays(random.nextInt(365));
            List<Incident> history = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                OffenceWeight offence = offences.get(random.nextInt(offences.size()));
                history.add(new Incident(
                        n + "-" + i,
                        today.minusDays(random.nextInt(6 * 365)),
                        random.nextInt(5) == 0 ? IncidentType.OTHER : IncidentType.DOMESTIC_ABUSE,
                        offence.code(),
                        "VK-" + n + "-" + random.nextInt(3),
                        DashLevel.values()[random.nextInt(4)],
                        offence.crime(),
                        Outcome.CHARGED,
                        now,
                        "benchmark"));
            }
            batch.add(new Nominal(
                    CaseId.generate(random).value(),
                    "Synthetic",
                    "Nominal" + n,
                    dob,
                    String.format("%02d/%07dB", n % 100, n),
                    null,
                    "Area-" + (n % 20),
                    null,
                    now,
                    "benchmark",
                    history,
                    null,
                    List.of(),
                    RoutingStatus.AWAITING_DECISION,
                    0L));
            if (batch.size() == LOAD_BATCH) {
                mongo.insert(batch, Nominal.class);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, Nominal.class);
        }
    }
}
