package uk.dapp.partnersupport.dash;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.DashApi;
import uk.dapp.partnersupport.api.model.DashAnswerDto;
import uk.dapp.partnersupport.api.model.DashAssessmentDto;
import uk.dapp.partnersupport.api.model.DashAssessmentNewDto;
import uk.dapp.partnersupport.api.model.DashQuestionDto;
import uk.dapp.partnersupport.api.model.DashThresholdsDto;
import uk.dapp.partnersupport.api.model.MaracCriterionDto;
import uk.dapp.partnersupport.api.model.ProfessionalJudgementDto;
import uk.dapp.partnersupport.api.model.RiskLevelDto;
import uk.dapp.platform.risk.RiskLevel;

@RestController
class DashController implements DashApi {

    private final DashService service;

    DashController(DashService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<DashQuestionDto>> listDashQuestions() {
        return ResponseEntity.ok(Arrays.stream(DashQuestion.values())
                .map(q -> new DashQuestionDto(q.number(), q.name(), q.text()))
                .toList());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<DashThresholdsDto> getDashThresholds() {
        return ResponseEntity.ok(new DashThresholdsDto(
                DashScoring.HIGH_FROM,
                DashScoring.MEDIUM_FROM,
                DashQuestion.COUNT,
                DashScoring.ESCALATION_INCIDENTS,
                DashScoring.ESCALATION_WINDOW_MONTHS,
                DashScoring.REPEAT_WINDOW_MONTHS,
                DashScoring.MARAC_MEETING_WITHIN_DAYS));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<DashAssessmentDto> completeDashAssessment(UUID trackId, DashAssessmentNewDto body) {
        ProfessionalJudgement judgement = body.getProfessionalJudgement() == null
                ? null
                : new ProfessionalJudgement(
                        RiskLevel.valueOf(
                                body.getProfessionalJudgement().getLevel().name()),
                        body.getProfessionalJudgement().getReason());
        DashAssessment saved = service.complete(
                trackId,
                uk.dapp.partnersupport.common.Inputs.noNullItems(body.getAnswers(), "answers").stream()
                        .map(a -> DashAnswer.valueOf(a.name()))
                        .toList(),
                body.getCompletedOn(),
                body.getIncidentsInLast12Months(),
                body.getPreviousMaracReferralOn(),
                judgement);
        return ResponseEntity.created(URI.create("/partner-tracks/" + trackId + "/dash-assessments"))
                .body(toDto(saved));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<DashAssessmentDto>> listDashAssessments(UUID trackId) {
        return ResponseEntity.ok(
                service.of(trackId).stream().map(DashController::toDto).toList());
    }

    static DashAssessmentDto toDto(DashAssessment a) {
        return new DashAssessmentDto(
                        UUID.fromString(a.assessmentId()),
                        UUID.fromString(a.trackId()),
                        a.versionNumber(),
                        a.answers().stream()
                                .map(x -> DashAnswerDto.valueOf(x.name()))
                                .toList(),
                        a.completedOn(),
                        a.incidentsInLast12Months(),
                        a.yesCount(),
                        RiskLevelDto.valueOf(a.checklistLevel().name()),
                        RiskLevelDto.valueOf(a.riskLevel().name()),
                        !a.maracCriteria().isEmpty(),
                        a.maracCriteria().stream()
                                .sorted()
                                .map(c -> MaracCriterionDto.valueOf(c.name()))
                                .toList(),
                        a.completedBy())
                .previousMaracReferralOn(a.previousMaracReferralOn())
                .professionalJudgement(
                        a.professionalJudgement() == null
                                ? null
                                : new ProfessionalJudgementDto(
                                        RiskLevelDto.valueOf(a.professionalJudgement()
                                                .level()
                                                .name()),
                                        a.professionalJudgement().reason()));
    }
}
