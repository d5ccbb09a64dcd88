package uk.dapp.programme.suitability;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.programme.api.SuitabilityApi;
import uk.dapp.programme.api.model.AssessmentCreateDto;
import uk.dapp.programme.api.model.AssessmentDto;
import uk.dapp.programme.api.model.MentalHealthDto;
import uk.dapp.programme.api.model.MiSessionCreateDto;
import uk.dapp.programme.api.model.MiSessionDto;
import uk.dapp.programme.api.model.OnwardRouteDto;
import uk.dapp.programme.api.model.RiskLevelDto;
import uk.dapp.programme.api.model.SubstanceMisuseDto;
import uk.dapp.programme.api.model.SuitabilityOutcomeDto;

@RestController
public class SuitabilityController implements SuitabilityApi {

    private final SuitabilityService service;

    SuitabilityController(SuitabilityService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<AssessmentDto> recordAssessment(UUID referralId, AssessmentCreateDto body) {
        Scores scores = new Scores(
                body.getMotivation(),
                body.getAccountability(),
                body.getAwareness(),
                Scores.Concern.valueOf(body.getMentalHealth().name()),
                Scores.Concern.valueOf(body.getSubstanceMisuse().name()),
                RiskLevel.valueOf(body.getRiskPosed().name()),
                body.getGroupWorkSuitable());
        return ResponseEntity.status(HttpStatus.CREATED).body(toDto(service.assess(referralId.toString(), scores)));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<List<AssessmentDto>> listAssessments(UUID referralId) {
        return ResponseEntity.ok(service.versions(referralId.toString()).stream()
                .map(SuitabilityController::toDto)
                .toList());
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<MiSessionDto> recordMiSession(UUID referralId, MiSessionCreateDto body) {
        MiSession session = service.recordMiSession(referralId.toString(), body.getHeldOn());
        return ResponseEntity.status(HttpStatus.CREATED).body(toDto(session));
    }

    /** The motivational session as the contract shows it; also for the subject access export. */
    public static MiSessionDto toDto(MiSession session) {
        return new MiSessionDto()
                .referralId(UUID.fromString(session.referralId()))
                .number(session.number())
                .cap(session.cap())
                .heldOn(session.heldOn())
                .recordedBy(session.recordedBy());
    }

    /** The assessment as the contract shows it; also for the subject access export. */
    public static AssessmentDto toDto(Assessment a) {
        return new AssessmentDto()
                .assessmentId(UUID.fromString(a.assessmentId()))
                .referralId(UUID.fromString(a.referralId()))
                .version(a.version())
                .motivation(a.scores().motivation())
                .accountability(a.scores().accountability())
                .awareness(a.scores().awareness())
                .mentalHealth(MentalHealthDto.valueOf(a.scores().mentalHealth().name()))
                .substanceMisuse(
                        SubstanceMisuseDto.valueOf(a.scores().substanceMisuse().name()))
                .riskPosed(RiskLevelDto.valueOf(a.scores().riskPosed().name()))
                .groupWorkSuitable(a.scores().groupWorkSuitable())
                .outcome(SuitabilityOutcomeDto.valueOf(a.outcome().name()))
                .reason(a.reason())
                .onwardRoute(
                        a.onwardRoute() == null
                                ? null
                                : OnwardRouteDto.valueOf(a.onwardRoute().name()))
                .miSessionsUsed(a.miSessionsUsed())
                .miSessionCap(a.miSessionCap())
                .assessedBy(a.assessedBy())
                .assessedAt(a.assessedAt().atOffset(ZoneOffset.UTC));
    }
}
