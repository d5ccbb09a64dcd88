package uk.dapp.partnersupport.subjectaccess;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.api.model.ExitStatusDto;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;
import uk.dapp.partnersupport.api.model.PartnerSupportSubjectAccessDto;
import uk.dapp.partnersupport.api.model.ReceivedProgrammeExitDto;
import uk.dapp.partnersupport.api.model.ReceivedReferralDto;
import uk.dapp.partnersupport.firewall.PartnerDataAudit;
import uk.dapp.partnersupport.track.PartnerExportPart;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.partnersupport.track.ProgrammeExitNotice;
import uk.dapp.partnersupport.track.ReferralOrigin;
import uk.dapp.platform.api.model.SubjectAccessExportDto;
import uk.dapp.platform.audit.views.CaseSubjectAccess;
import uk.dapp.platform.audit.views.SubjectAccess;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.AccessReason;

/**
 * Subject access exports behind the confidentiality firewall. The person of a case gets what is
 * about him alone (how many tracks, his referrals and exits as received), with an audit trail
 * stripped of every record of partner data: even when a partner's safe contact was changed, or
 * she disclosed, is hers. A partner gets her own track's data and nothing about anyone else's.
 */
@Service
class SubjectAccessExports implements CaseSubjectAccess {

    private final SubjectAccess subjectAccess;
    private final PartnerTrackService tracks;
    private final List<PartnerExportPart> partnerParts;

    SubjectAccessExports(
            SubjectAccess subjectAccess, PartnerTrackService tracks, List<PartnerExportPart> partnerParts) {
        this.subjectAccess = subjectAccess;
        this.tracks = tracks;
        this.partnerParts = List.copyOf(partnerParts);
    }

    @Override
    public PartnerSupportSubjectAccessDto ofCase(CaseId caseId, String statedReason) {
        SubjectAccessExportDto export = subjectAccess.ofCase(
                caseId, statedReason, record -> PartnerDataAudit.PARTNER_DATA.contains(record.resourceType()));
        List<PartnerTrack> ofCase = tracks.tracksOfCase(caseId);
        if (ofCase.isEmpty()) {
            throw new NotFoundException("Partner support holds nothing about case " + caseId.value());
        }
        // each track keeps its own copy of a referral or exit: his, once each
        Map<String, ReceivedReferralDto> referrals = new LinkedHashMap<>();
        ofCase.stream()
                .map(PartnerTrack::referral)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(ReferralOrigin::referredAt))
                .forEach(r -> referrals.putIfAbsent(
                        r.referralId(),
                        new ReceivedReferralDto(
                                UUID.fromString(r.referralId()),
                                r.programmeCode(),
                                r.referredAt().atOffset(ZoneOffset.UTC))));
        Map<String, ReceivedProgrammeExitDto> exits = new LinkedHashMap<>();
        ofCase.stream()
                .flatMap(track -> track.programmeExits().stream())
                .sorted(Comparator.comparing(ProgrammeExitNotice::exitedAt))
                .forEach(e -> exits.putIfAbsent(
                        e.messageId(),
                        new ReceivedProgrammeExitDto(
                                UUID.fromString(e.referralId()),
                                e.programmeCode(),
                                ExitStatusDto.valueOf(e.exitStatus().name()),
                                e.nonCompliance(),
                                e.exitedAt().atOffset(ZoneOffset.UTC))));
        return new PartnerSupportSubjectAccessDto(
                caseId.value(), export, ofCase.size(), List.copyOf(referrals.values()), List.copyOf(exits.values()));
    }

    PartnerSubjectAccessDto ofPartner(UUID trackId, String statedReason) {
        // refused before anything is read; a track that does not exist is 404, else the export is audited
        AccessReason.require(statedReason);
        PartnerTrack track = tracks.find(trackId);
        SubjectAccessExportDto export = subjectAccess.ofPerson(
                CaseId.parse(track.caseId()), PartnerDataAudit.PARTNER_EXPORT, track.trackId(), statedReason);
        PartnerSubjectAccessDto dto = new PartnerSubjectAccessDto().export(export);
        partnerParts.forEach(part -> part.addTo(track, dto));
        return dto;
    }
}
