package uk.dapp.demo.load;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.web.client.RestClientResponseException;
import uk.dapp.client.programme.api.ProgrammesApi;
import uk.dapp.client.programme.model.Programme;
import uk.dapp.client.programme.model.ProgrammeType;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.client.riskmatrix.api.ReferenceDataApi;
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
 * Each service's part is its own class; this one runs them in order and keeps the failures.
 */
public final class Loader {

    static final String RISK = "risk-matrix";
    static final String PROGRAMME = "programme";
    static final String PARTNER = "partner-support";

    private final Gateway gateway;
    private final Counts counts = new Counts();
    private final List<String> failures = new ArrayList<>();
    private final java.io.PrintStream log;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    public Loader(Gateway gateway, java.io.PrintStream log) {
        this.gateway = gateway;
        this.log = log;
    }

    public record Result(Counts counts, List<String> failures) {
    }

    public Result load(long seed, int cases) {
        ReferenceData reference = new ReferenceDataApi(gateway.riskMatrix(Gateway.OFFENDER_MANAGER))
                .listReferenceDataVersions().getItems().stream().max(Comparator.comparing(ReferenceData::getVersion))
                .orElseThrow(() -> new IllegalStateException("the risk matrix has no reference data"));
        List<Offence> offences = reference.getOffences().stream()
                .map(o -> new Offence(o.getCode(), Boolean.TRUE.equals(o.getCrime()), o.getHarmDays() == null ? 0 : o.getHarmDays()))
                .toList();
        Map<String, ProgrammeInfo> catalogue = new ProgrammesApi(gateway.programme(Gateway.FACILITATOR)).listProgrammes().stream()
                .collect(Collectors.toMap(Programme::getCode, Loader::info, (a, b) -> a, LinkedHashMap::new));
        PopulationPlanner planner = new PopulationPlanner(seed, today, offences, reference.getWindowMonths());
        List<Person> people = planner.plan(cases);
        log.printf("Demo data: %d invented people (seed %d), reference data version %d, programmes %s%n", cases, seed,
                reference.getVersion(), catalogue.keySet());

        LoadContext context = new LoadContext(gateway, counts, today, catalogue);
        RiskMatrixLoad riskMatrix = new RiskMatrixLoad(context);
        ReferralLoad referrals = new ReferralLoad(context);
        ProgrammeJourneyLoad programmes = new ProgrammeJourneyLoad(context);
        PartnerSupportLoad partnerSupport = new PartnerSupportLoad(context);

        List<Loaded> loaded = new ArrayList<>();
        for (Person person : people) {
            step("register " + person.policeId(), () -> riskMatrix.register(person, planner.windowMonths())).ifPresent(loaded::add);
        }
        log.printf("  risk matrix: %d registered, %d already there%n", loaded.size(), counts.get(RISK, "skipped (already loaded)"));
        for (Loaded l : loaded) {
            step("refer " + l.caseId, () -> referrals.refer(l, planner.windowMonths()));
        }
        log.printf("  programme: %d referrals%n", loaded.stream().filter(l -> l.referral != null).count());
        int i = 0;
        for (Loaded l : loaded) {
            if (l.referral != null) {
                String worker = i++ % 2 == 0 ? l.team().facilitator() : l.team().serviceManager();
                if (i % 50 == 0) {
                    log.printf("  programme: %d referrals taken through assessment, sessions and exits...%n", i);
                }
                step("programme journey " + l.caseId, () -> programmes.journey(l, worker));
            }
        }
        List<PartnerSupportLoad.RaisedAlert> alerts = new ArrayList<>();
        for (Loaded l : loaded) {
            if (l.referral != null && !l.person.partners().isEmpty()) {
                step("partner support " + l.caseId, () -> partnerSupport.partners(l, alerts));
            }
        }
        for (PartnerSupportLoad.RaisedAlert alert : alerts) {
            step("risk alert " + alert.alertId(), () -> partnerSupport.settle(alert));
        }
        return new Result(counts, List.copyOf(failures));
    }

    private static ProgrammeInfo info(Programme p) {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        p.getEligibility().getRiskLevels().forEach(r -> levels.add(Level.valueOf(r.getValue())));
        return new ProgrammeInfo(p.getCode(), p.getType() == ProgrammeType.GROUP,
                p.getEligibility().getSexes().stream().map(Sex::getValue).collect(Collectors.toSet()),
                p.getEligibility().getMinimumAge(), levels, p.getSessionCount(), p.getNonComplianceThreshold(),
                p.getMiSessionCap() == null ? 1 : p.getMiSessionCap(), p.getCaseloadLimit() == null ? 0 : p.getCaseloadLimit());
    }

    private <T> java.util.Optional<T> step(String what, Supplier<T> action) {
        try {
            return java.util.Optional.ofNullable(action.get());
        } catch (RuntimeException e) {
            String message = what + ": " + (e instanceof RestClientResponseException r
                    ? r.getStatusCode().value() + " " + r.getResponseBodyAsString() : e.getMessage());
            failures.add(message);
            log.println("  FAILED " + message);
            return java.util.Optional.empty();
        }
    }
}
