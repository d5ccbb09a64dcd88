package uk.dapp.riskmatrix.cohort;

import java.time.ZoneOffset;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.riskmatrix.api.CohortApi;
import uk.dapp.riskmatrix.api.model.CohortEntryDto;
import uk.dapp.riskmatrix.api.model.CohortHarmDto;
import uk.dapp.riskmatrix.api.model.CohortPageDto;
import uk.dapp.riskmatrix.api.model.RoutingStatusDto;
import uk.dapp.riskmatrix.api.model.ScoreSummaryDto;
import uk.dapp.riskmatrix.values.RoutingStatus;

@RestController
class CohortController implements CohortApi {

    private final CohortService service;

    CohortController(CohortService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<CohortPageDto> getCohort(
            Integer threshold,
            Integer top,
            String area,
            Boolean serial,
            String routingStatus,
            Integer page,
            Integer size) {
        RoutingStatus status = null;
        if (routingStatus != null) {
            try {
                status = RoutingStatus.valueOf(routingStatus);
            } catch (IllegalArgumentException e) {
                throw new RuleViolationException(
                        "routingStatus",
                        "Enum",
                        "routingStatus must be one of " + java.util.Arrays.toString(RoutingStatus.values()));
            }
        }
        CohortService.Ranked ranked =
                service.ranked(new CohortFilter(threshold, top, area, serial, status), page, size);
        CohortPageDto dto = new CohortPageDto()
                .page(page)
                .size(size)
                .totalItems(ranked.page().getTotalElements())
                .totalPages(ranked.page().getTotalPages());
        int rank = ranked.firstRank();
        for (RankedNominal line : ranked.page()) {
            dto.addItemsItem(new CohortEntryDto()
                    .rank(rank++)
                    .caseId(line.caseId())
                    .givenName(line.givenName())
                    .familyName(line.familyName())
                    .area(line.area())
                    .score(score(line))
                    .routingStatus(RoutingStatusDto.valueOf(line.routingStatus().name())));
        }
        return ResponseEntity.ok(dto);
    }

    /** The score summary as the nominal's own score reads give it ({@code ScoreDtos.summary}). */
    private static ScoreSummaryDto score(RankedNominal line) {
        return new ScoreSummaryDto()
                .total(line.total())
                .recency(line.recency())
                .frequency(line.frequency())
                .gravity(line.gravity())
                .victims(line.victims())
                .harmDays(line.harmDays())
                .serial(line.serial())
                .referenceVersion(line.referenceVersion())
                .asOf(line.asOf())
                .calculatedAt(line.calculatedAt().atOffset(ZoneOffset.UTC));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<CohortHarmDto> getCohortHarm() {
        CohortService.Harm harm = service.harm();
        return ResponseEntity.ok(new CohortHarmDto()
                .members(harm.members())
                .harmDaysBefore(harm.before())
                .harmDaysNow(harm.now()));
    }
}
