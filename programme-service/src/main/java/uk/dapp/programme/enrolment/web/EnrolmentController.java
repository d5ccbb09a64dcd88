package uk.dapp.programme.enrolment.web;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.programme.api.EnrolmentApi;
import uk.dapp.programme.api.model.EnrolmentCreateDto;
import uk.dapp.programme.api.model.GroupCreateDto;
import uk.dapp.programme.api.model.GroupDto;
import uk.dapp.programme.api.model.GroupSummaryPageDto;
import uk.dapp.programme.api.model.ReallocationDto;
import uk.dapp.programme.api.model.ReferralDto;
import uk.dapp.programme.api.model.TeamFacilitatorsDto;
import uk.dapp.programme.enrolment.CaseloadPlaces;
import uk.dapp.programme.enrolment.EnrolmentService;
import uk.dapp.programme.enrolment.Group;
import uk.dapp.programme.enrolment.TeamCaseManagers;
import uk.dapp.programme.referral.web.ReferralMapper;

@RestController
class EnrolmentController implements EnrolmentApi {

    private final EnrolmentService service;
    private final CaseloadPlaces caseloads;
    private final TeamCaseManagers caseManagers;
    private final ReferralMapper referrals;

    EnrolmentController(
            EnrolmentService service,
            CaseloadPlaces caseloads,
            TeamCaseManagers caseManagers,
            ReferralMapper referrals) {
        this.service = service;
        this.caseloads = caseloads;
        this.caseManagers = caseManagers;
        this.referrals = referrals;
    }

    @Override
    @PreAuthorize("hasRole('service-manager')")
    public ResponseEntity<GroupDto> createGroup(GroupCreateDto body) {
        Group group = service.createGroup(
                body.getProgrammeCode(),
                body.getName(),
                body.getStartsOn(),
                body.getCapacity(),
                body.getFacilitators(),
                body.getTeam());
        return ResponseEntity.created(URI.create("/groups/" + group.groupId())).body(toDto(group));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<GroupDto> getGroup(UUID groupId) {
        return ResponseEntity.ok(toDto(service.getGroup(groupId.toString())));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<ReferralDto> enrol(UUID referralId, EnrolmentCreateDto body) {
        return ResponseEntity.ok(referrals.toDto(service.enrol(
                referralId.toString(),
                body.getGroupId() == null ? null : body.getGroupId().toString(),
                body.getCaseManager())));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<GroupSummaryPageDto> listGroups(String programmeCode, Integer page, Integer size) {
        org.springframework.data.domain.Page<Group> found = service.groups(programmeCode, page, size);
        return ResponseEntity.ok(new GroupSummaryPageDto()
                .items(found.getContent().stream().map(GroupMapper::toSummary).toList())
                .page(found.getNumber())
                .size(found.getSize())
                .totalItems(found.getTotalElements())
                .totalPages(found.getTotalPages()));
    }

    @Override
    @PreAuthorize("hasRole('service-manager')")
    public ResponseEntity<ReferralDto> reallocateReferral(UUID referralId, ReallocationDto body) {
        return ResponseEntity.ok(referrals.toDto(caseloads.reallocate(
                referralId.toString(), body.getCaseManager(), body.getReason(), body.getVersion())));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<TeamFacilitatorsDto> listTeamFacilitators(String team) {
        TeamCaseManagers.Listed listed = caseManagers.of(team);
        return ResponseEntity.ok(new TeamFacilitatorsDto()
                .team(team)
                .facilitators(listed.usernames())
                .caseloads(
                        listed.loads() == null
                                ? null
                                : listed.loads().stream()
                                        .map(FacilitatorLoadMapper::toDto)
                                        .toList()));
    }

    static GroupDto toDto(Group group) {
        return new GroupDto()
                .groupId(UUID.fromString(group.groupId()))
                .programmeCode(group.programmeCode())
                .name(group.name())
                .startsOn(group.startsOn())
                .capacity(group.capacity())
                .members(group.members().stream().map(UUID::fromString).toList())
                .waitingList(group.waitingList().stream().map(UUID::fromString).toList())
                .facilitators(group.facilitators())
                .team(group.team());
    }
}
