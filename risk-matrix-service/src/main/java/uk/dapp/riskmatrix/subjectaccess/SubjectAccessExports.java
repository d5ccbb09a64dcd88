package uk.dapp.riskmatrix.subjectaccess;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import uk.dapp.platform.api.model.SubjectAccessExportDto;
import uk.dapp.platform.audit.views.CaseSubjectAccess;
import uk.dapp.platform.audit.views.SubjectAccess;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.api.model.IncidentDto;
import uk.dapp.riskmatrix.api.model.RiskMatrixSubjectAccessDto;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.NominalService;
import uk.dapp.riskmatrix.nominal.web.IncidentController;
import uk.dapp.riskmatrix.nominal.web.NominalController;
import uk.dapp.riskmatrix.onward.OnwardReferralDtos;
import uk.dapp.riskmatrix.onward.OnwardReferralService;
import uk.dapp.riskmatrix.routing.RoutingController;
import uk.dapp.riskmatrix.routing.RoutingService;
import uk.dapp.riskmatrix.scoring.ScoreDtos;
import uk.dapp.riskmatrix.values.Incident;

/**
 * Everything the risk matrix holds about the nominal of a case, for a subject access request: one
 * audited read (with the admin's reason) of the nominal document, its routing and its onward referrals. The only other
 * person in it is each incident's victim, known here by a pseudonymous key; the export replaces
 * each key by a label local to it, so the count of victims stays true and no one's key leaves.
 */
@Service
class SubjectAccessExports implements CaseSubjectAccess {

    private final SubjectAccess subjectAccess;
    private final NominalService nominals;
    private final RoutingService routings;
    private final OnwardReferralService onwardReferrals;
    private final Clock clock;

    SubjectAccessExports(
            SubjectAccess subjectAccess,
            NominalService nominals,
            RoutingService routings,
            OnwardReferralService onwardReferrals,
            Clock clock) {
        this.subjectAccess = subjectAccess;
        this.nominals = nominals;
        this.routings = routings;
        this.onwardReferrals = onwardReferrals;
        this.clock = clock;
    }

    @Override
    public RiskMatrixSubjectAccessDto ofCase(CaseId caseId, String statedReason) {
        // nothing in this service's audit trail is about another person: records name incidents by ID only
        SubjectAccessExportDto export = subjectAccess.ofCase(caseId, statedReason, record -> false);
        Nominal nominal = nominals.load(caseId);
        List<Incident> incidents = nominal.incidentsOrEmpty().stream()
                .sorted(Comparator.comparing(Incident::date).thenComparing(Incident::recordedAt))
                .toList();
        LocalDate today = LocalDate.now(clock);
        return new RiskMatrixSubjectAccessDto(
                        nominal.caseId(),
                        export,
                        NominalController.toDto(nominal),
                        withVictimLabels(incidents),
                        ScoreDtos.explained(nominal.caseId(), nominal.score()),
                        nominal.scoreHistoryOrEmpty().stream()
                                .map(ScoreDtos::history)
                                .toList(),
                        RoutingController.toDto(routings.load(caseId), today))
                .onwardReferrals(onwardReferrals.unaudited(nominal.caseId()).stream()
                        .map(r -> OnwardReferralDtos.toDto(nominal.caseId(), r, today))
                        .toList());
    }

    /** Incidents in the order given, each victim key replaced by V1, V2... in order of first appearance. */
    static List<IncidentDto> withVictimLabels(List<Incident> incidents) {
        Map<String, String> labels = new HashMap<>();
        return incidents.stream()
                .map(incident -> IncidentController.toDto(incident)
                        .victimKey(labels.computeIfAbsent(incident.victimKey(), key -> "V" + (labels.size() + 1))))
                .toList();
    }
}
