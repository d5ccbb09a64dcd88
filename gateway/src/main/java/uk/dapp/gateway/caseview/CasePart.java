package uk.dapp.gateway.caseview;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import uk.dapp.gateway.api.model.CaseSummaryDto;
import uk.dapp.gateway.api.model.PartnerSupportSubjectAccessDto;
import uk.dapp.gateway.api.model.PartnerSupportSummaryDto;
import uk.dapp.gateway.api.model.ProgrammeStatusDto;
import uk.dapp.gateway.api.model.ProgrammeSubjectAccessDto;
import uk.dapp.gateway.api.model.RiskMatrixSubjectAccessDto;
import uk.dapp.gateway.routing.RoutedService;
import uk.dapp.platform.contract.OpenApiContract;

/**
 * One part of a composed answer (the case view, or the subject access export): which service
 * operation answers it (found by its operationId in the service's contract, which also gives its
 * path and the roles it serves), and the type its answer is read into. Reading into the contract's
 * type means a field the service sends beyond its contract is dropped, never passed on.
 */
public record CasePart<T>(
        String name,
        RoutedService service,
        OpenApiContract.Operation operation,
        Class<T> type,
        Function<T, String> caseIdOf,
        Kind kind) {

    /** A view part is a small summary within the view's short time limit; an export part is a whole record. */
    public enum Kind {
        VIEW,
        EXPORT
    }

    public static final CasePart<CaseSummaryDto> RISK_MATRIX = of(
            "riskMatrix", RoutedService.RISK_MATRIX, "getCaseSummary", CaseSummaryDto.class, CaseSummaryDto::getCaseId);
    public static final CasePart<ProgrammeStatusDto> PROGRAMME = of(
            "programme",
            RoutedService.PROGRAMME,
            "getProgrammeStatus",
            ProgrammeStatusDto.class,
            ProgrammeStatusDto::getCaseId);
    public static final CasePart<PartnerSupportSummaryDto> PARTNER_SUPPORT = of(
            "partnerSupport",
            RoutedService.PARTNER_SUPPORT,
            "getPartnerSupportSummary",
            PartnerSupportSummaryDto.class,
            PartnerSupportSummaryDto::getCaseId);

    public static final List<CasePart<?>> ALL = List.of(RISK_MATRIX, PROGRAMME, PARTNER_SUPPORT);

    public static final CasePart<RiskMatrixSubjectAccessDto> RISK_MATRIX_EXPORT = export(
            "riskMatrix",
            RoutedService.RISK_MATRIX,
            "getCaseSubjectAccess",
            RiskMatrixSubjectAccessDto.class,
            RiskMatrixSubjectAccessDto::getCaseId);
    public static final CasePart<ProgrammeSubjectAccessDto> PROGRAMME_EXPORT = export(
            "programme",
            RoutedService.PROGRAMME,
            "getCaseSubjectAccess",
            ProgrammeSubjectAccessDto.class,
            ProgrammeSubjectAccessDto::getCaseId);
    public static final CasePart<PartnerSupportSubjectAccessDto> PARTNER_SUPPORT_EXPORT = export(
            "partnerSupport",
            RoutedService.PARTNER_SUPPORT,
            "getCaseSubjectAccess",
            PartnerSupportSubjectAccessDto.class,
            PartnerSupportSubjectAccessDto::getCaseId);

    public static final List<CasePart<?>> EXPORTS =
            List.of(RISK_MATRIX_EXPORT, PROGRAMME_EXPORT, PARTNER_SUPPORT_EXPORT);

    private static <T> CasePart<T> of(
            String name, RoutedService service, String operationId, Class<T> type, Function<T, String> caseIdOf) {
        return find(name, service, operationId, type, caseIdOf, Kind.VIEW);
    }

    private static <T> CasePart<T> export(
            String name, RoutedService service, String operationId, Class<T> type, Function<T, String> caseIdOf) {
        return find(name, service, operationId, type, caseIdOf, Kind.EXPORT);
    }

    private static <T> CasePart<T> find(
            String name,
            RoutedService service,
            String operationId,
            Class<T> type,
            Function<T, String> caseIdOf,
            Kind kind) {
        OpenApiContract.Operation operation = OpenApiContract.forService(service.contract()).operations().stream()
                .filter(candidate -> operationId.equals(candidate.operationId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(service.contract() + " has no operation " + operationId));
        if (!"GET".equals(operation.method()) || !operation.path().contains("{caseId}")) {
            throw new IllegalStateException(operationId + " is not a GET of one case");
        }
        return new CasePart<>(name, service, operation, type, caseIdOf, kind);
    }

    /** Whether any of the caller's realm roles is one the service serves this part to. */
    public boolean servesAnyOf(Collection<String> roles) {
        return operation.roles().stream().anyMatch(roles::contains);
    }

    /** The service's path for the case, e.g. {@code /nominals/7KQM4X-ZP9RTD-2HBWJG/summary}. */
    String pathFor(String caseId) {
        return operation.path().replace("{caseId}", caseId);
    }

    /**
     * The circuit breaker's name: the service's key for a view part; the export's own, so slow exports
     * never open the breaker of the view, whose time limit is much shorter.
     */
    String breakerName() {
        return kind == Kind.VIEW ? service.key() : service.key() + "-subject-access";
    }
}
