package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.contract.RoleRule;
import uk.dapp.platform.security.Roles;

/**
 * The gateway's own contract (gateway.yaml) and the running gateway agree: its operations are
 * served and nothing else of ours, {@code /v3/api-docs} lists exactly them, each handler's role
 * rule equals {@code x-roles}, and every other role is refused (the WebFlux counterpart of the
 * services' ContractConformanceTest).
 */
class GatewayContractTest extends GatewayTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static OpenApiContract contract() {
        return GatewayContract.load();
    }

    private static Set<String> specified() {
        Set<String> keys = new TreeSet<>();
        contract().operations().forEach(operation -> keys.add(operation.key()));
        return keys;
    }

    /** Handlers of ours, not the framework's (API docs, errors). */
    private Map<RequestMappingInfo, HandlerMethod> ownHandlers() {
        Map<RequestMappingInfo, HandlerMethod> own = new java.util.LinkedHashMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getName().startsWith("uk.dapp.")) {
                own.put(info, handler);
            }
        });
        return own;
    }

    @Test
    void everyOperationOfTheContractIsServedAndNothingElse() {
        Set<String> served = new TreeSet<>();
        ownHandlers()
                .keySet()
                .forEach(info -> info.getMethodsCondition()
                        .getMethods()
                        .forEach(method -> info.getPatternsCondition()
                                .getPatterns()
                                .forEach(pattern -> served.add(method.name() + " " + pattern.getPatternString()))));
        assertThat(served).isNotEmpty().isEqualTo(specified());
    }

    @Test
    void theServedApiDocsListTheContractsOperations() {
        EntityExchangeResult<byte[]> result = client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        JsonNode paths = JsonMapper.builder()
                .build()
                .readTree(result.getResponseBodyContent())
                .get("paths");
        Set<String> documented = new TreeSet<>();
        paths.properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> documented.add(method.getKey().toUpperCase() + " " + path.getKey())));
        assertThat(documented).isEqualTo(specified());
    }

    @Test
    void everyHandlerStatesTheRoleRuleOfItsOperation() {
        Map<String, List<String>> roles = new java.util.HashMap<>();
        contract().operations().forEach(operation -> roles.put(operation.key(), operation.roles()));
        List<String> problems = new ArrayList<>();
        ownHandlers().forEach((info, handler) -> {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            String name = handler.getBeanType().getSimpleName() + "."
                    + handler.getMethod().getName();
            if (rule == null) {
                problems.add(name + " has no @PreAuthorize role rule");
                return;
            }
            info.getMethodsCondition()
                    .getMethods()
                    .forEach(method -> info.getPatternsCondition().getPatterns().forEach(pattern -> {
                        List<String> specifiedRoles = roles.get(method.name() + " " + pattern.getPatternString());
                        if (specifiedRoles != null
                                && !RoleRule.rolesIn(rule.value()).equals(new TreeSet<>(specifiedRoles))) {
                            problems.add(name + " allows " + RoleRule.rolesIn(rule.value()) + " but the contract says "
                                    + new TreeSet<>(specifiedRoles));
                        }
                    }));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationRefusesEveryOtherRoleAndAnonymousCallers() {
        // any service asked answers 404: an allowed role must still get through to a 200 view
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(notFound()));
        // the outcome extract reads the services' contributions: none, so an allowed role gets an empty 200
        Backends.wireMock()
                .stubFor(get(urlPathEqualTo("/evaluator/contributions"))
                        .atPriority(2)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/x-ndjson")
                                .withBody("")));
        List<String> problems = new ArrayList<>();
        for (OpenApiContract.Operation operation : contract().operations()) {
            String path = operation
                    .path()
                    .replace("{caseId}", CaseId.generate(new SecureRandom()).value())
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            int anonymous = client.method(HttpMethod.valueOf(operation.method()))
                    .uri(path)
                    .exchange()
                    .returnResult(byte[].class)
                    .getStatus()
                    .value();
            if (anonymous != 401) {
                problems.add(operation.key() + " without a token answered " + anonymous);
            }
            for (String role : Roles.ALL) {
                EntityExchangeResult<byte[]> result = client.method(HttpMethod.valueOf(operation.method()))
                        .uri(path)
                        .headers(headers -> {
                            headers.setBearerAuth(
                                    Tokens.forUser(UUID.randomUUID().toString(), role));
                            // the reason an admin must state (the only required header), so an allowed role gets a 200
                            operation.requiredHeaders().forEach(header -> headers.set(header, "conformance sweep"));
                        })
                        .exchange()
                        .expectBody()
                        .returnResult();
                int status = result.getStatus().value();
                boolean allowed = operation.roles().contains(role);
                if (allowed && status != 200) {
                    problems.add(operation.key() + " refused " + role + " (" + status + ")");
                }
                if (!allowed
                        && (status != 403
                                || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(
                                        result.getResponseHeaders().getContentType()))) {
                    problems.add(
                            operation.key() + " let " + role + " through or without problem+json (" + status + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
