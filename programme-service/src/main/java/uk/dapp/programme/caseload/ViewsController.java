package uk.dapp.programme.caseload;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.programme.api.ViewsApi;
import uk.dapp.programme.api.model.AttendanceOutcomeDto;
import uk.dapp.programme.api.model.CaseloadEntryDto;
import uk.dapp.programme.api.model.FacilitatorCaseloadDto;
import uk.dapp.programme.api.model.FacilitatorCaseloadSectionDto;
import uk.dapp.programme.api.model.GroupRegisterDto;
import uk.dapp.programme.api.model.ProgrammeStatusDto;
import uk.dapp.programme.api.model.ProgrammeStatusEntryDto;
import uk.dapp.programme.api.model.ReferralStatusDto;
import uk.dapp.programme.api.model.RegisterMarkDto;
import uk.dapp.programme.api.model.RegisterParticipantDto;
import uk.dapp.programme.api.model.RegisterSessionDto;
import uk.dapp.programme.api.model.TimelineEntryDto;
import uk.dapp.programme.enrolment.TeamCaseManagers;
import uk.dapp.programme.enrolment.web.FacilitatorLoadMapper;

@RestController
class ViewsController implements ViewsApi {

    private final ViewsService views;
    private final TeamCaseManagers caseManagers;

    ViewsController(ViewsService views, TeamCaseManagers caseManagers) {
        this.views = views;
        this.caseManagers = caseManagers;
    }

    @Override
    @PreAuthorize("hasRole('service-manager')")
    public ResponseEntity<FacilitatorCaseloadSectionDto> listTeamCaseloads() {
        List<FacilitatorCaseloadDto> loads = caseManagers.caseloadsOfMyTeams().stream()
                .map(FacilitatorLoadMapper::toDto)
                .toList();
        return ResponseEntity.ok(
                new FacilitatorCaseloadSectionDto().total(loads.size()).items(loads));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<List<CaseloadEntryDto>> getCaseload() {
        return ResponseEntity.ok(views.caseload().stream()
                .map(e -> new CaseloadEntryDto()
                        .referralId(UUID.fromString(e.referral().referralId()))
                        .caseId(e.referral().caseId())
                        .programmeCode(e.referral().programmeCode())
                        .status(ReferralStatusDto.valueOf(e.referral().status().name()))
                        .groupId(
                                e.referral().groupId() == null
                                        ? null
                                        : UUID.fromString(e.referral().groupId()))
                        .nextSessionAt(e.nextSessionAt()
                                .map(at -> at.atOffset(ZoneOffset.UTC))
                                .orElse(null))
                        .reviewOverdue(e.reviewOverdue())
                        .openAlerts(e.openAlerts())
                        .overdueAlerts(e.overdueAlerts()))
                .toList());
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<GroupRegisterDto> getGroupRegister(UUID groupId) {
        ViewsService.Register register = views.register(groupId.toString());
        return ResponseEntity.ok(new GroupRegisterDto()
                .groupId(groupId)
                .programmeCode(register.group().programmeCode())
                .sessions(register.sessions().stream()
                        .map(s -> new RegisterSessionDto()
                                .sessionId(UUID.fromString(s.sessionId()))
                                .scheduledAt(s.scheduledAt().atOffset(ZoneOffset.UTC)))
                        .toList())
                .participants(register.participants().stream()
                        .map(p -> new RegisterParticipantDto()
                                .referralId(UUID.fromString(p.referral().referralId()))
                                .caseId(p.referral().caseId())
                                .status(ReferralStatusDto.valueOf(
                                        p.referral().status().name()))
                                .marks(register.sessions().stream()
                                        .filter(s -> p.marks().containsKey(s.sessionId()))
                                        .map(s -> new RegisterMarkDto()
                                                .sessionId(UUID.fromString(s.sessionId()))
                                                .outcome(AttendanceOutcomeDto.valueOf(p.marks()
                                                        .get(s.sessionId())
                                                        .name())))
                                        .toList()))
                        .toList())
                .waitingList(register.group().waitingList().stream()
                        .map(UUID::fromString)
                        .toList()));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<List<TimelineEntryDto>> getTimeline(UUID referralId) {
        return ResponseEntity.ok(views.timeline(referralId.toString()).stream()
                .map(e -> new TimelineEntryDto()
                        .at(e.at().atOffset(ZoneOffset.UTC))
                        .kind(TimelineEntryDto.KindEnum.fromValue(e.kind()))
                        .summary(e.summary())
                        .by(e.by()))
                .toList());
    }

    @Override
    @PreAuthorize("hasAnyRole('partner-support-worker', 'facilitator', 'service-manager')")
    public ResponseEntity<ProgrammeStatusDto> getProgrammeStatus(String caseId) {
        CaseId id = CaseId.parse(caseId);
        return ResponseEntity.ok(new ProgrammeStatusDto()
                .caseId(id.value())
                .programmes(views.programmeStatus(id).stream()
                        .map(e -> new ProgrammeStatusEntryDto()
                                .programmeCode(e.programmeCode())
                                .status(ReferralStatusDto.valueOf(e.status().name()))
                                .nextSessionAt(e.nextSessionAt()
                                        .map(at -> at.atOffset(ZoneOffset.UTC))
                                        .orElse(null)))
                        .toList()));
    }
}
