package uk.dapp.gateway.outcomes.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.OutcomeKpisApi;
import uk.dapp.gateway.api.model.KpiAreaLevelDto;
import uk.dapp.gateway.api.model.KpiBreakdownDto;
import uk.dapp.gateway.api.model.KpiComparisonDto;
import uk.dapp.gateway.api.model.KpiKindDto;
import uk.dapp.gateway.api.model.KpiPeriodDto;
import uk.dapp.gateway.api.model.KpiReportDto;
import uk.dapp.gateway.api.model.KpiSuppressionDto;
import uk.dapp.gateway.api.model.KpiTableDto;
import uk.dapp.gateway.caseview.Caller;
import uk.dapp.gateway.outcomes.JoinedCase;
import uk.dapp.gateway.outcomes.JoinedCaseSource;
import uk.dapp.gateway.outcomes.OutcomeWork;
import uk.dapp.gateway.outcomes.OutcomesProperties;
import uk.dapp.gateway.outcomes.Snapshot;
import uk.dapp.platform.privacy.AreaLadder;
import uk.dapp.platform.privacy.AreaLevel;
import uk.dapp.platform.privacy.PeriodLadder;
import uk.dapp.platform.privacy.PeriodLevel;
import uk.dapp.platform.privacy.SmallCellSuppressor;

/**
 * {@code GET /api/outcomes/kpis} (gateway.yaml): reads the joined contributions as of one moment,
 * with the evaluator's own token, on a worker thread, and counts them case by case into
 * {@link KpiCalculator}; only the suppressed tables leave. A service that cannot be read makes it
 * 503 (problem+json) before anything is sent.
 */
@RestController
class OutcomeKpisController implements OutcomeKpisApi {

    private final JoinedCaseSource source;
    private final AreaLadder areas;
    private final Map<String, KpiComparison> comparisons;
    private final OutcomeWork work;
    private final Clock clock;

    OutcomeKpisController(JoinedCaseSource source, OutcomesProperties properties, OutcomeWork work) {
        this.source = source;
        this.work = work;
        this.clock = Clock.systemUTC();
        // the same area-to-region map as the outcome extract's
        this.areas = new AreaLadder(properties.regions());
        this.comparisons = properties.comparisons().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey,
                        e -> new KpiComparison(
                                e.getValue().figure(), e.getValue().source())));
    }

    @Override
    @PreAuthorize("hasRole('evaluator')")
    public Mono<ResponseEntity<KpiReportDto>> getOutcomeKpis(
            @Nullable OffsetDateTime asOf,
            @Nullable KpiPeriodDto period,
            @Nullable KpiAreaLevelDto areaLevel,
            @Nullable KpiBreakdownDto breakdown,
            ServerWebExchange exchange) {
        OffsetDateTime snapshot = Snapshot.of(asOf, clock);
        PeriodLevel periods = PeriodLevel.valueOf((period == null ? KpiPeriodDto.QUARTER : period).getValue());
        AreaLevel areaRows = AreaLevel.valueOf((areaLevel == null ? KpiAreaLevelDto.AREA : areaLevel).getValue());
        KpiBreakdown rows = KpiBreakdown.valueOf((breakdown == null ? KpiBreakdownDto.AREA : breakdown).getValue());
        return Caller.of(exchange, null)
                .flatMap(caller -> work.call(() -> count(snapshot, periods, areaRows, rows, caller.token())))
                .map(report -> ResponseEntity.ok(dto(snapshot, report)));
    }

    /** Blocking: one pass over the joined cases, holding one at a time. */
    private KpiReport count(
            OffsetDateTime asOf, PeriodLevel periods, AreaLevel areaRows, KpiBreakdown rows, String token) {
        KpiCalculator kpis = new KpiCalculator(
                periods,
                areaRows,
                rows,
                areas,
                new SmallCellSuppressor(),
                LocalDate.ofInstant(asOf.toInstant(), PeriodLadder.UK),
                comparisons);
        try (Stream<JoinedCase> cases = source.cases(asOf, token)) {
            cases.forEach(kpis::accept);
        }
        return kpis.report();
    }

    private static KpiReportDto dto(OffsetDateTime asOf, KpiReport report) {
        return new KpiReportDto(
                asOf,
                KpiPeriodDto.fromValue(report.period().name()),
                KpiAreaLevelDto.fromValue(report.areaLevel().name()),
                KpiBreakdownDto.fromValue(report.breakdown().name()),
                new KpiSuppressionDto(report.threshold(), report.suppression()),
                report.tables().stream().map(OutcomeKpisController::dto).toList());
    }

    private static KpiTableDto dto(KpiTable table) {
        return new KpiTableDto(
                        table.name(),
                        KpiKindDto.fromValue(table.kind().name()),
                        table.unit(),
                        table.definition(),
                        table.basedOn(),
                        table.rows(),
                        table.columns(),
                        table.cells(),
                        table.rowTotals(),
                        table.columnTotals())
                .grandTotal(table.grandTotal())
                .comparison(
                        table.comparison() == null
                                ? null
                                : new KpiComparisonDto(
                                        table.comparison().figure(),
                                        table.comparison().source()));
    }
}
