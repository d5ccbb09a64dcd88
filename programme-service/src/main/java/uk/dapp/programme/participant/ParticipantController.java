package uk.dapp.programme.participant;

import java.time.ZoneOffset;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.programme.api.ParticipantsApi;
import uk.dapp.programme.api.model.ContactMethodDto;
import uk.dapp.programme.api.model.ParticipantChangeDto;
import uk.dapp.programme.api.model.ParticipantCorrectionDto;
import uk.dapp.programme.api.model.ParticipantDto;
import uk.dapp.programme.api.model.ParticipantIdentityDto;
import uk.dapp.programme.api.model.ParticipantPageDto;
import uk.dapp.programme.api.model.ParticipantSourceDto;
import uk.dapp.programme.api.model.ParticipantSummaryDto;
import uk.dapp.programme.api.model.PreferredContactDto;
import uk.dapp.programme.api.model.SexDto;
import uk.dapp.programme.catalogue.Sex;

@RestController
public class ParticipantController implements ParticipantsApi {

    private final ParticipantService service;

    ParticipantController(ParticipantService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<ParticipantDto> getParticipant(String caseId) {
        return ResponseEntity.ok(toDto(service.get(CaseId.parse(caseId))));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<ParticipantDto> correctParticipant(String caseId, ParticipantCorrectionDto body) {
        return ResponseEntity.ok(toDto(service.correct(
                CaseId.parse(caseId), identity(body.getIdentity()), body.getVersion(), body.getReason())));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<ParticipantPageDto> searchParticipants(
            String name, String caseId, Integer page, Integer size) {
        Page<Participant> found = service.search(name, caseId, page, size);
        ParticipantPageDto dto = new ParticipantPageDto()
                .page(page)
                .size(size)
                .totalItems(found.getTotalElements())
                .totalPages(found.getTotalPages());
        found.forEach(p -> dto.addItemsItem(new ParticipantSummaryDto()
                .caseId(p.caseId())
                .givenName(p.identity().givenName())
                .familyName(p.identity().familyName())
                .dateOfBirth(p.identity().dateOfBirth())
                .teams(service.callersTeamsOf(p.caseId()))));
        return ResponseEntity.ok(dto);
    }

    /** The identity as given in a request (a referral's or a correction's); null when none was given. */
    public static Identity identity(ParticipantIdentityDto dto) {
        if (dto == null) {
            return null;
        }
        PreferredContactDto contact = dto.getPreferredContact();
        return new Identity(
                dto.getGivenName(),
                dto.getFamilyName(),
                dto.getDateOfBirth(),
                dto.getSex() == null ? null : Sex.valueOf(dto.getSex().name()),
                contact == null
                        ? null
                        : new PreferredContact(
                                ContactMethod.valueOf(contact.getMethod().name()),
                                contact.getPhone(),
                                contact.getEmail(),
                                contact.getAddress(),
                                contact.getSafeTimes()),
                dto.getProbationReference(),
                dto.getInterpreterLanguage(),
                dto.getAccessibilityNeeds());
    }

    /** The participant as the contract shows it; also for the subject access export. */
    public static ParticipantDto toDto(Participant participant) {
        ParticipantDto dto = new ParticipantDto()
                .caseId(participant.caseId())
                .identity(toDto(participant.identity()))
                .source(ParticipantSourceDto.valueOf(participant.source().name()))
                .recordedAt(participant.recordedAt().atOffset(ZoneOffset.UTC))
                .recordedBy(participant.recordedBy())
                .version(participant.version());
        participant
                .historyOrEmpty()
                .forEach(change -> dto.addHistoryItem(new ParticipantChangeDto()
                        .version(change.version())
                        .changedAt(change.changedAt().atOffset(ZoneOffset.UTC))
                        .changedBy(change.changedBy())
                        .reason(change.reason())
                        .fieldsChanged(change.fieldsChanged())
                        .before(toDto(change.before()))));
        return dto;
    }

    private static ParticipantIdentityDto toDto(Identity identity) {
        PreferredContact contact = identity.preferredContact();
        return new ParticipantIdentityDto()
                .givenName(identity.givenName())
                .familyName(identity.familyName())
                .dateOfBirth(identity.dateOfBirth())
                .sex(
                        identity.sex() == null
                                ? null
                                : SexDto.valueOf(identity.sex().name()))
                .preferredContact(
                        contact == null
                                ? null
                                : new PreferredContactDto()
                                        .method(ContactMethodDto.valueOf(
                                                contact.method().name()))
                                        .phone(contact.phone())
                                        .email(contact.email())
                                        .address(contact.address())
                                        .safeTimes(contact.safeTimes()))
                .probationReference(identity.probationReference())
                .interpreterLanguage(identity.interpreterLanguage())
                .accessibilityNeeds(identity.accessibilityNeeds());
    }
}
