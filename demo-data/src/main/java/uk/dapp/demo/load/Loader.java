package uk.dapp.demo.load;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.dapp.client.programme.api.ProgrammesApi;
import uk.dapp.client.programme.model.Programme;
import uk.dapp.client.programme.model.ProgrammeType;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.client.riskmatrix.api.ReferenceDataApi;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.ProgrammeEligibility;
import uk.dapp.client.riskmatrix.model.ReferenceData;
import uk.dapp.demo.plan.Level;
import uk.dapp.demo.plan.Offence;
import uk.dapp.demo.plan.Person;
import uk.dapp.demo.plan.PopulationPlanner;
import uk.dapp.demo.plan.ProgrammeInfo;

/**
 * Loads a planned population through the gateway, as the demo users would: the offender manager
 * registers, scores and routes; the engaged nominals' referrals arrive through the risk matrix's
 * outbox and are waited for; facilitators and the service manager take referrals through
 * assessment, enrolment, sessions and exits; partners named to the programme reach partner support
 * through the programme's outbox, where the partner support worker takes them on; disclosures raise
 * risk alerts the service manager reviews; the first alert of each team left unreviewed is escalated
 * by hand by the team's facilitator. A nominal already on the matrix (409 on his police
 * identifier) is skipped with everything that would follow for him, so a second run adds nothing.
 * Each service's part is its own class; this one runs them phase after phase, each phase over its
 * people on a bounded pool of threads (the demo users of both teams at work at once), and keeps the
 * failures. Whatever is shared between people (who works a referral, which group or caseload it
 * joins) is decided in the people's order before a phase starts, so a seed loads the same content
 * with one thread or many.
 */
public final class Loader {

    static final String RISK = "risk-matrix";
    static final String PROGRAMME = "programme";
    static final String PARTNER = "partner-support";

    private final Gateway gateway;
    private final Counts counts = new Counts();
    // every phase's failures, in the items' order within each phase
    private final List<String> failures = new ArrayList<>();
    private final PrintStream log;
    private final int threads;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    /** Practitioners acting at once by default: enough to keep the services busy, few enough for a shared laptop. */
    public static final int DEFAULT_THREADS = 8;

    public Loader(Gateway gateway, PrintStream log, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread");
        }
        this.gateway = gateway;
        this.log = log;
        this.threads = threads;
    }

    public record Result(Counts counts, List<String> failures) {}

    public Result load(long seed, int cases) {
        ReferenceData reference = new ReferenceDataApi(gateway.riskMatrix(Gateway.OFFENDER_MANAGER))
                .listReferenceDataVersions().getItems().stream()
                        .max(Comparator.comparing(ReferenceData::getVersion))
                        .orElseThrow(() -> new IllegalStateException("the risk matrix has no reference data"));
        List<Offence> offences = reference.getOffences().stream()
                .map(o -> new Offence(
                        o.getCode(), Boolean.TRUE.equals(o.getCrime()), o.getHarmDays() == null ? 0 : o.getHarmDays()))
                .toList();
        Map<String, ProgrammeInfo> catalogue = new ProgrammesApi(gateway.programme(Gateway.FACILITATOR))
                .listProgrammes().stream()
                        .collect(Collectors.toMap(Programme::getCode, Loader::info, (a, b) -> a, LinkedHashMap::new));
        awaitProgrammeEligibility(catalogue.keySet());
        PopulationPlanner planner = new PopulationPlanner(seed, today, offences, reference.getWindowMonths());
        List<Person> people = planner.plan(cases);
        log.printf(
                "Demo data: %d invented people (seed %d), reference data version %d, programmes %s%n",
                cases, seed, reference.getVersion(), catalogue.keySet());

        LoadContext context = new LoadContext(gateway, counts, today, catalogue);
        RiskMatrixLoad riskMatrix = new RiskMatrixLoad(context);
        ReferralLoad referrals = new ReferralLoad(context);
        ProgrammeJourneyLoad programmes = new ProgrammeJourneyLoad(context);
        PartnerSupportLoad partnerSupport = new PartnerSupportLoad(context);

        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Loaded> loaded = present(phase(
                    pool,
                    "register, score and route",
                    people,
                    p -> "register " + p.policeId(),
                    p -> riskMatrix.register(p, planner.windowMonths())));
            log.printf(
                    "  risk matrix: %d registered, %d already there%n",
                    loaded.size(), counts.get(RISK, "skipped (already loaded)"));
            phase(
                    pool,
                    "refer (and wait for the risk matrix's outbox)",
                    loaded,
                    l -> "refer " + l.caseId,
                    l -> referrals.refer(l, planner.windowMonths()));
            List<Loaded> referred =
                    loaded.stream().filter(l -> l.referral != null).toList();
            log.printf("  programme: %d referrals%n", referred.size());
            // who works each referral and where it enrols are settled in the people's order, before any thread runs
            List<ProgrammeJourneyLoad.Assignment> journeys = programmes.assign(referred);
            List<ProgrammeJourneyLoad.Enrolled> enrolled = present(phase(
                    pool,
                    "programme journeys to attendance",
                    journeys,
                    a -> "programme journey " + a.loaded().caseId,
                    programmes::start));
            // each group session's register in one request, a group's sessions in order, the groups at once
            phase(
                    pool,
                    "group registers",
                    programmes.groupRegisters(),
                    g -> "registers of group " + g.groupId(),
                    programmes::recordRegisters);
            phase(
                    pool,
                    "programme journeys after attendance",
                    enrolled,
                    e -> "programme journey " + e.assignment().loaded().caseId,
                    programmes::finish);
            List<Loaded> withPartners = referred.stream()
                    .filter(l -> !l.person.partners().isEmpty())
                    .toList();
            List<PartnerSupportLoad.RaisedAlert> alerts = present(phase(
                            pool,
                            "partner support (and wait for the programme's outbox)",
                            withPartners,
                            l -> "partner support " + l.caseId,
                            partnerSupport::partners))
                    .stream()
                    .flatMap(List::stream)
                    .toList();
            phase(
                    pool,
                    "risk alerts settled and reviewed",
                    alerts,
                    a -> "risk alert " + a.alertId(),
                    partnerSupport::settle);
            HandEscalations escalations = context.escalations();
            phase(
                    pool,
                    "urgent risk alerts escalated by hand",
                    escalations.firstOfEachTeam(),
                    c -> "escalate risk alert " + c.alertId(),
                    escalations::escalate);
        }
        return new Result(counts, List.copyOf(failures));
    }

    /**
     * Waits until the risk matrix knows who every programme takes. The programme service tells it
     * through its outbox at start-up, and until then the matrix recommends no programme; an ENGAGE
     * decision chosen against that recommendation and sent after the eligibility arrived would
     * differ from the recommendation then and be refused for want of a reason (a load run straight
     * after {@code ./dapp up} met this).
     */
    private void awaitProgrammeEligibility(Set<String> programmes) {
        RoutingApi routing = new RoutingApi(gateway.riskMatrix(Gateway.OFFENDER_MANAGER));
        Arrivals.until("the risk matrix to learn who the programmes " + programmes + " take", () -> {
            Set<String> known = routing.listProgrammeEligibility().stream()
                    .map(ProgrammeEligibility::getProgrammeCode)
                    .collect(Collectors.toSet());
            return known.containsAll(programmes) ? known : null;
        });
    }

    private static ProgrammeInfo info(Programme p) {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        p.getEligibility().getRiskLevels().forEach(r -> levels.add(Level.valueOf(r.getValue())));
        return new ProgrammeInfo(
                p.getCode(),
                p.getType() == ProgrammeType.GROUP,
                p.getEligibility().getSexes().stream().map(Sex::getValue).collect(Collectors.toSet()),
                p.getEligibility().getMinimumAge(),
                levels,
                p.getSessionCount(),
                p.getNonComplianceThreshold(),
                p.getMiSessionCap() == null ? 1 : p.getMiSessionCap(),
                p.getCaseloadLimit() == null ? 0 : p.getCaseloadLimit());
    }

    private <T, R> List<Optional<R>> phase(
            ExecutorService pool, String name, List<T> items, Function<T, String> what, Function<T, R> action) {
        long started = System.nanoTime();
        long requestsBefore = gateway.traffic().requests();
        long limitedBefore = gateway.traffic().rateLimited();
        Phase.Outcome<R> outcome = Phase.run(pool, items, what, action, failure -> log.println("  FAILED " + failure));
        failures.addAll(outcome.failures());
        log.printf(
                "  %s: %d in %.1f s, %d requests (%d refused by the rate limit and retried)%n",
                name,
                items.size(),
                (System.nanoTime() - started) / 1e9,
                gateway.traffic().requests() - requestsBefore,
                gateway.traffic().rateLimited() - limitedBefore);
        return outcome.results();
    }

    private static <R> List<R> present(List<Optional<R>> results) {
        return results.stream().flatMap(Optional::stream).toList();
    }
}
