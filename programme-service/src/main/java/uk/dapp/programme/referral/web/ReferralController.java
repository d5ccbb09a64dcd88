package uk.dapp.programme.referral.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.programme.api.ReferralsApi;
import uk.dapp.programme.api.model.PartnerDetailsDto;
import uk.dapp.programme.api.model.PartnersPassOnDto;
import uk.dapp.programme.api.model.PartnersPassedOnDto;
import uk.dapp.programme.api.model.ReferralCreateDto;
import uk.dapp.programme.api.model.ReferralDto;
import uk.dapp.programme.api.model.ReferralMoveDto;
import uk.dapp.programme.api.model.ReferralStatusDto;
import uk.dapp.programme.api.model.TransitionDto;
import uk.dapp.programme.catalogue.Sex;
import uk.dapp.programme.exit.ExitService;
import uk.dapp.programme.participant.Identity;
import uk.dapp.programme.participant.ParticipantController;
import uk.dapp.programme.referral.Partner;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralMachine;
import uk.dapp.programme.referral.ReferralRequest;
import uk.dapp.programme.referral.ReferralService;
import uk.dapp.programme.referral.ReferralSource;

@RestController
class ReferralController implements ReferralsApi {

    private final ReferralService service;
    private final ReferralMapper mapper;
    private final ExitService exits;

    ReferralController(ReferralService service, ReferralMapper mapper, ExitService exits) {
        this.service = service;
        this.mapper = mapper;
        this.exits = exits;
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager', 'offender-manager')")
    public ResponseEntity<ReferralDto> createReferral(ReferralCreateDto body) {
        Identity identity = ParticipantController.identity(body.getParticipant());
        Referral referral = service.refer(
                new ReferralRequest(
                        body.getCaseId(),
                        body.getProgrammeCode(),
                        ReferralSource.valueOf(body.getSource().name()),
                        body.getMandated(),
                        RiskLevel.valueOf(body.getRiskLevel().name()),
                        body.getResponsibleProbationOfficer(),
                        sex(body),
                        body.getDateOfBirth() != null
                                ? body.getDateOfBirth()
                                : identity == null ? null : identity.dateOfBirth(),
                        partners(body.getPartners())),
                body.getTeam(),
                identity);
        return ResponseEntity.created(URI.create("/referrals/" + referral.referralId()))
                .body(mapper.toDto(referral));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<PartnersPassedOnDto> passOnPartners(UUID referralId, PartnersPassOnDto body) {
        int passedOn = service.passOnPartners(referralId, partners(body.getPartners()));
        return ResponseEntity.accepted()
                .body(new PartnersPassedOnDto().referralId(referralId).partnersPassedOn(passedOn));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager', 'offender-manager')")
    public ResponseEntity<ReferralDto> getReferral(UUID referralId) {
        return ResponseEntity.ok(mapper.toDto(service.get(referralId)));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<List<ReferralDto>> listCaseReferrals(String caseId) {
        return ResponseEntity.ok(
                service.ofCase(CaseId.parse(caseId)).stream().map(mapper::toDto).toList());
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<ReferralDto> moveReferral(UUID referralId, ReferralMoveDto body) {
        ExitService.Outcome outcome = body.getOutcome() == null
                ? null
                : new ExitService.Outcome(
                        body.getOutcome().getSummary(),
                        body.getOutcome().getRiskLevelAtExit() == null
                                ? null
                                : RiskLevel.valueOf(
                                        body.getOutcome().getRiskLevelAtExit().name()));
        return ResponseEntity.ok(mapper.toDto(
                exits.move(referralId.toString(), body.getMove(), body.getReason(), outcome, body.getVersion())));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager', 'offender-manager')")
    public ResponseEntity<List<TransitionDto>> getReferralStatusMachine() {
        return ResponseEntity.ok(ReferralMachine.MACHINE.transitions().stream()
                .map(t -> new TransitionDto()
                        .from(ReferralStatusDto.valueOf(t.from().name()))
                        .move(t.move())
                        .to(ReferralStatusDto.valueOf(t.to().name()))
                        .systemOnly(t.systemOnly()))
                .toList());
    }

    /** The sex given with the referral, else the participant's (the programme's eligibility checks it). */
    private static Sex sex(ReferralCreateDto body) {
        if (body.getSex() != null) {
            return Sex.valueOf(body.getSex().name());
        }
        return body.getParticipant() == null || body.getParticipant().getSex() == null
                ? null
                : Sex.valueOf(body.getParticipant().getSex().name());
    }

    private static List<Partner> partners(List<PartnerDetailsDto> given) {
        return given == null
                ? List.of()
                : given.stream()
                        .map(p -> new Partner(
                                Partner.Relationship.valueOf(p.getRelationship().name()), p.getName(), p.getPhone()))
                        .toList();
    }
}
