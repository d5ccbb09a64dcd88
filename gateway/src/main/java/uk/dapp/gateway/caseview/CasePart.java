package uk.dapp.gateway.caseview;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import uk.dapp.gateway.api.model.CaseSummaryDto;
import uk.dapp.gateway.api.model.PartnerSupportSummaryDto;
import uk.dapp.gateway.api.model.ProgrammeStatusDto;
import uk.dapp.gateway.routing.RoutedService;
import uk.dapp.platform.contract.OpenApiContract;

/**
 * One part of the composed view: which service operation answers it (found by its operationId in
 * the service's contract, which also gives its path and the roles it serves), and the type its
 * answer is read into. Reading into the contract's type means a field the service sends beyond
 * its contract is dropped, never passed on.
 */
public record CasePart<T>(String name, RoutedService service, OpenApiContract.Operation operation, Class<T> type,
        Function<T, String> caseIdOf) {

    public static final CasePart<CaseSummaryDto> RISK_MATRIX =
            of("riskMatrix", RoutedService.RISK_MATRIX, "getCaseSummary", CaseSummaryDto.class,
                    CaseSummaryDto::getCaseId);
    public static final CasePart<ProgrammeStatusDto> PROGRAMME =
            of("programme", RoutedService.PROGRAMME, "getProgrammeStatus", ProgrammeStatusDto.class,
                    ProgrammeStatusDto::getCaseId);
    public static final CasePart<PartnerSupportSummaryDto> PARTNER_SUPPORT =
            of("partnerSupport", RoutedService.PARTNER_SUPPORT, "getPartnerSupportSummary",
                    PartnerSupportSummaryDto.class, PartnerSupportSummaryDto::getCaseId);

    public static final List<CasePart<?>> ALL = List.of(RISK_MATRIX, PROGRAMME, PARTNER_SUPPORT);

    private static <T> CasePart<T> of(String name, RoutedService service, String operationId, Class<T> type,
            Function<T, String> caseIdOf) {
        OpenApiContract.Operation operation = OpenApiContract.forService(service.contract()).operations().stream()
                .filter(candidate -> operationId.equals(candidate.operationId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(service.contract() + " has no operation " + operationId));
        if (!"GET".equals(operation.method()) || !operation.path().contains("{caseId}")) {
            throw new IllegalStateException(operationId + " is not a GET of one case");
        }
        return new CasePart<>(name, service, operation, type, caseIdOf);
    }

    /** Whether any of the caller's realm roles is one the service serves this part to. */
    public boolean servesAnyOf(Collection<String> roles) {
        return operation.roles().stream().anyMatch(roles::contains);
    }

    /** The service's path for the case, e.g. {@code /nominals/7KQM4X-ZP9RTD-2HBWJ5/summary}. */
    String pathFor(String caseId) {
        return operation.path().replace("{caseId}", caseId);
    }

    /** The circuit breaker's name: the service's key. */
    String breakerName() {
        return service.key();
    }
}
