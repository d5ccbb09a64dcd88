package uk.dapp.demo.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.RestClientResponseException;
import uk.dapp.client.riskmatrix.api.IncidentsApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.DashLevel;
import uk.dapp.client.riskmatrix.model.IncidentCreate;
import uk.dapp.client.riskmatrix.model.IncidentType;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.client.riskmatrix.model.Outcome;
import uk.dapp.client.riskmatrix.model.Pathway;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.Routing;
import uk.dapp.client.riskmatrix.model.RoutingDecision;
import uk.dapp.client.riskmatrix.model.SuitabilityFacts;
import uk.dapp.demo.plan.Level;
import uk.dapp.demo.plan.PathwayChoice;
import uk.dapp.demo.plan.Person;
import uk.dapp.demo.plan.ProgrammeInfo;
import uk.dapp.demo.plan.RiskLevels;

/** The risk matrix, as the offender manager: registers, records incidents and facts, routes. */
final class RiskMatrixLoad {

    private final Gateway gateway;
    private final Counts counts;
    private final LocalDate today;
    private final Map<String, ProgrammeInfo> catalogue;

    RiskMatrixLoad(LoadContext context) {
        this.gateway = context.gateway();
        this.counts = context.counts();
        this.today = context.today();
        this.catalogue = context.catalogue();
    }

    Loaded register(Person p, int windowMonths) {
        uk.dapp.client.riskmatrix.ApiClient om =
                gateway.riskMatrix(DemoTeam.of(p.area()).offenderManager());
        String caseId;
        try {
            caseId = new NominalsApi(om)
                    .createNominal(new NominalCreate()
                            .givenName(p.givenName())
                            .familyName(p.familyName())
                            .dateOfBirth(p.dateOfBirth())
                            .policeId(p.policeId())
                            .probationId(p.probationId())
                            .area(p.area())
                            .sex(uk.dapp.client.riskmatrix.model.Sex.fromValue(p.sex())))
                    .getCaseId();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 409) {
                counts.add(Loader.RISK, "skipped (already loaded)");
                return null;
            }
            throw e;
        }
        counts.add(Loader.RISK, "nominals");
        IncidentsApi incidents = new IncidentsApi(om);
        for (var incident : p.incidents()) {
            incidents.addIncident(
                    caseId,
                    new IncidentCreate()
                            .date(incident.date())
                            .type(incident.domesticAbuse() ? IncidentType.DOMESTIC_ABUSE : IncidentType.OTHER)
                            .offenceCode(incident.offenceCode())
                            .victimKey(incident.victimKey())
                            .dashLevel(DashLevel.fromValue(incident.dashLevel().name()))
                            .crime(incident.crime())
                            .outcome(Outcome.fromValue(incident.outcome())));
            counts.add(Loader.RISK, "incidents");
        }
        Loaded loaded = new Loaded(p, caseId);
        if (p.route() == Person.Route.UNDECIDED) {
            counts.add(Loader.RISK, "awaiting decision");
            return loaded;
        }
        RoutingApi routing = new RoutingApi(om);
        var f = p.facts();
        Routing advised = routing.recordSuitabilityFacts(
                caseId,
                new SuitabilityFacts()
                        .willingToEngage(f.willingToEngage())
                        .consentsToGpsTag(f.consentsToGpsTag())
                        .drugMisuse(f.drugMisuse())
                        .alcoholMisuse(f.alcoholMisuse())
                        .housingNeed(f.housingNeed())
                        .inCustody(f.inCustody())
                        .existingOrders(f.existingOrders()));
        if (p.route() == Person.Route.CATCH_AND_CONVICT) {
            routing.decideRouting(
                    caseId, new RoutingDecision().route(Route.CATCH_AND_CONVICT).reason(p.overrideReason()));
            counts.add(Loader.RISK, "decisions CATCH_AND_CONVICT");
            if (p.overrideReason() != null) {
                counts.add(Loader.RISK, "decisions overriding the recommendation");
            }
            return loaded;
        }
        List<String> recommended = advised.getRecommendation().getPathways().stream()
                .map(Pathway::getValue)
                .toList();
        Level risk = RiskLevels.referralLevel(p.incidents(), today, windowMonths);
        PathwayChoice.Choice choice = PathwayChoice.choose(recommended, p.sex(), p.ageOn(today), risk, catalogue);
        routing.decideRouting(
                caseId,
                new RoutingDecision()
                        .route(Route.ENGAGE)
                        .pathways(choice.pathways().stream()
                                .map(Pathway::fromValue)
                                .toList())
                        .reason(choice.reason()));
        counts.add(Loader.RISK, "decisions ENGAGE");
        if (choice.reason() != null) {
            counts.add(Loader.RISK, "decisions overriding the recommendation");
        }
        loaded.expectsOutboxReferral = choice.anyProgramme();
        return loaded;
    }
}
