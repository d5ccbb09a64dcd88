package uk.dapp.programme.catalogue;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.programme.api.ProgrammesApi;
import uk.dapp.programme.api.model.EligibilityDto;
import uk.dapp.programme.api.model.ProgrammeCreateDto;
import uk.dapp.programme.api.model.ProgrammeDto;
import uk.dapp.programme.api.model.ProgrammeTypeDto;
import uk.dapp.programme.api.model.ProgrammeUpdateDto;
import uk.dapp.programme.api.model.RiskLevelDto;
import uk.dapp.programme.api.model.SexDto;

@RestController
class ProgrammeController implements ProgrammesApi {

    private final Catalogue catalogue;

    ProgrammeController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    @PreAuthorize("hasAnyRole('admin', 'facilitator', 'service-manager', 'offender-manager')")
    public ResponseEntity<List<ProgrammeDto>> listProgrammes() {
        return ResponseEntity.ok(
                catalogue.all().stream().map(ProgrammeController::toDto).toList());
    }

    @Override
    @PreAuthorize("hasAnyRole('admin', 'facilitator', 'service-manager', 'offender-manager')")
    public ResponseEntity<ProgrammeDto> getProgramme(String programmeCode) {
        return ResponseEntity.ok(toDto(catalogue.get(programmeCode)));
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<ProgrammeDto> createProgramme(ProgrammeCreateDto b) {
        Programme created = catalogue.create(new Programme(
                b.getCode(),
                b.getName(),
                ProgrammeType.valueOf(b.getType().name()),
                b.getSessionCount(),
                b.getSessionLengthMinutes(),
                b.getDurationWeeks(),
                eligibility(b.getEligibility()),
                b.getGroupCapacity(),
                b.getCaseloadLimit(),
                b.getNonComplianceThreshold(),
                b.getMiSessionCap(),
                null));
        return ResponseEntity.created(URI.create("/programmes/" + created.code()))
                .body(toDto(created));
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<ProgrammeDto> updateProgramme(String programmeCode, ProgrammeUpdateDto b) {
        return ResponseEntity.ok(toDto(catalogue.update(new Programme(
                programmeCode,
                b.getName(),
                ProgrammeType.valueOf(b.getType().name()),
                b.getSessionCount(),
                b.getSessionLengthMinutes(),
                b.getDurationWeeks(),
                eligibility(b.getEligibility()),
                b.getGroupCapacity(),
                b.getCaseloadLimit(),
                b.getNonComplianceThreshold(),
                b.getMiSessionCap(),
                b.getVersion()))));
    }

    private static Eligibility eligibility(EligibilityDto e) {
        return new Eligibility(
                e.getSexes().stream().map(s -> Sex.valueOf(s.name())).collect(Collectors.toSet()),
                e.getMinimumAge(),
                e.getRiskLevels().stream().map(r -> RiskLevel.valueOf(r.name())).collect(Collectors.toSet()));
    }

    static ProgrammeDto toDto(Programme p) {
        return new ProgrammeDto()
                .code(p.code())
                .name(p.name())
                .type(ProgrammeTypeDto.valueOf(p.type().name()))
                .sessionCount(p.sessionCount())
                .sessionLengthMinutes(p.sessionLengthMinutes())
                .durationWeeks(p.durationWeeks())
                .eligibility(new EligibilityDto()
                        .sexes(p.eligibility().sexes().stream()
                                .sorted()
                                .map(s -> SexDto.valueOf(s.name()))
                                .toList())
                        .minimumAge(p.eligibility().minimumAge())
                        .riskLevels(p.eligibility().riskLevels().stream()
                                .sorted()
                                .map(r -> RiskLevelDto.valueOf(r.name()))
                                .toList()))
                .groupCapacity(p.groupCapacity())
                .caseloadLimit(p.caseloadLimit())
                .nonComplianceThreshold(p.nonComplianceThreshold())
                .miSessionCap(p.miSessionCap())
                .version(p.version());
    }
}
