package uk.dapp.riskmatrix.nominal;

import java.net.URI;
import java.time.ZoneOffset;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.api.NominalsApi;
import uk.dapp.riskmatrix.api.model.NominalCreateDto;
import uk.dapp.riskmatrix.api.model.NominalDto;

@RestController
class NominalController implements NominalsApi {

    private final NominalService service;

    NominalController(NominalService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<NominalDto> createNominal(NominalCreateDto body) {
        Nominal nominal = service.register(new NominalRegistration(body.getGivenName(), body.getFamilyName(),
                body.getDateOfBirth(), body.getPoliceId(), body.getProbationId(), body.getArea()));
        return ResponseEntity.created(URI.create("/nominals/" + nominal.caseId())).body(toDto(nominal));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<NominalDto> getNominal(String caseId) {
        return ResponseEntity.ok(toDto(service.get(CaseId.parse(caseId))));
    }

    private static NominalDto toDto(Nominal nominal) {
        return new NominalDto()
                .caseId(nominal.caseId())
                .givenName(nominal.givenName())
                .familyName(nominal.familyName())
                .dateOfBirth(nominal.dateOfBirth())
                .policeId(nominal.policeId())
                .probationId(nominal.probationId())
                .area(nominal.area())
                .createdAt(nominal.createdAt().atOffset(ZoneOffset.UTC));
    }
}
