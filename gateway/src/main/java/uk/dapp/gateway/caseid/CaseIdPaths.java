package uk.dapp.gateway.caseid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import uk.dapp.gateway.GatewayContract;
import uk.dapp.gateway.routing.RoutedService;
import uk.dapp.platform.contract.OpenApiContract;

/**
 * Every gateway path that carries a case ID, read from the contracts: each service contract path
 * with {@code {caseId}}, under its service's route prefix ({@code /api/risk-matrix} +
 * {@code /nominals/{caseId}}), and the gateway's own ({@code /api/cases/{caseId}}). A new path
 * in a contract is covered without touching the gateway.
 */
@Component
public class CaseIdPaths {

    static final String VARIABLE = "caseId";

    private final List<PathPattern> patterns;

    public CaseIdPaths() {
        Set<String> templates = new LinkedHashSet<>();
        for (RoutedService service : RoutedService.values()) {
            for (OpenApiContract.Operation operation :
                    OpenApiContract.forService(service.contract()).operations()) {
                if (operation.path().contains("{" + VARIABLE + "}")) {
                    templates.add(service.prefix() + operation.path());
                }
            }
        }
        for (OpenApiContract.Operation operation : GatewayContract.load().operations()) {
            if (operation.path().contains("{" + VARIABLE + "}")) {
                templates.add(operation.path());
            }
        }
        List<PathPattern> parsed = new ArrayList<>();
        templates.forEach(template -> parsed.add(PathPatternParser.defaultInstance.parse(template)));
        this.patterns = List.copyOf(parsed);
    }

    /** The case ID segment of the path (decoded), when the path is one that carries one. */
    public Optional<String> caseIdIn(PathContainer path) {
        for (PathPattern pattern : patterns) {
            PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
            if (match != null) {
                return Optional.ofNullable(match.getUriVariables().get(VARIABLE));
            }
        }
        return Optional.empty();
    }

    List<String> templates() {
        return patterns.stream().map(PathPattern::getPatternString).toList();
    }
}
