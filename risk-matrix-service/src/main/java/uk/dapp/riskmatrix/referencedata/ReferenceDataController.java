package uk.dapp.riskmatrix.referencedata;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.riskmatrix.api.ReferenceDataApi;
import uk.dapp.riskmatrix.api.model.BandPointsDto;
import uk.dapp.riskmatrix.api.model.DashUpliftDto;
import uk.dapp.riskmatrix.api.model.OffenceWeightDto;
import uk.dapp.riskmatrix.api.model.ReferenceDataCreateDto;
import uk.dapp.riskmatrix.api.model.ReferenceDataDto;
import uk.dapp.riskmatrix.api.model.ReferenceDataListDto;

@RestController
class ReferenceDataController implements ReferenceDataApi {

    private final ReferenceDataService service;

    ReferenceDataController(ReferenceDataService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<ReferenceDataDto> createReferenceDataVersion(ReferenceDataCreateDto body) {
        ReferenceData table = new ReferenceData(
                null,
                body.getLabel().strip(),
                false,
                body.getWindowMonths(),
                bands(body.getRecencyBands()),
                bands(body.getFrequencyBands()),
                bands(body.getVictimBands()),
                new DashUplift(
                        body.getDashUplift().getStandard(),
                        body.getDashUplift().getMedium(),
                        body.getDashUplift().getHigh()),
                body.getOffences().stream()
                        .map(o -> new OffenceWeight(
                                o.getCode(),
                                o.getDescription().strip(),
                                o.getCrime(),
                                o.getHarmDays(),
                                o.getGravityPoints()))
                        .toList(),
                null,
                null);
        ReferenceData stored = service.create(table);
        return ResponseEntity.created(URI.create("/reference-data/versions/" + stored.version()))
                .body(toDto(stored));
    }

    @Override
    @PreAuthorize("hasAnyRole('admin', 'offender-manager')")
    public ResponseEntity<ReferenceDataDto> getReferenceDataVersion(Integer version) {
        return ResponseEntity.ok(toDto(service.read(version)));
    }

    @Override
    @PreAuthorize("hasAnyRole('admin', 'offender-manager')")
    public ResponseEntity<ReferenceDataListDto> listReferenceDataVersions() {
        ReferenceDataListDto dto = new ReferenceDataListDto();
        service.list().forEach(data -> dto.addItemsItem(toDto(data)));
        return ResponseEntity.ok(dto);
    }

    private static List<Band> bands(List<BandPointsDto> bands) {
        return bands.stream().map(b -> new Band(b.getFrom(), b.getPoints())).toList();
    }

    private static List<BandPointsDto> bandDtos(List<Band> bands) {
        return bands.stream()
                .map(b -> new BandPointsDto().from(b.from()).points(b.points()))
                .toList();
    }

    static ReferenceDataDto toDto(ReferenceData data) {
        return new ReferenceDataDto()
                .version(data.version())
                .label(data.label())
                .example(data.example())
                .windowMonths(data.windowMonths())
                .recencyBands(bandDtos(data.recencyBands()))
                .frequencyBands(bandDtos(data.frequencyBands()))
                .victimBands(bandDtos(data.victimBands()))
                .dashUplift(new DashUpliftDto()
                        .standard(data.dashUplift().standard())
                        .medium(data.dashUplift().medium())
                        .high(data.dashUplift().high()))
                .offences(data.offences().stream()
                        .map(o -> new OffenceWeightDto()
                                .code(o.code())
                                .description(o.description())
                                .crime(o.crime())
                                .harmDays(o.harmDays())
                                .gravityPoints(o.gravityPoints()))
                        .toList())
                .createdAt(data.createdAt().atOffset(ZoneOffset.UTC))
                .createdBy(data.createdBy());
    }
}
