package uk.dapp.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static uk.dapp.platform.testsupport.Callers.as;

import java.lang.reflect.Method;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.audit.views.AuditViews;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.contract.RoleRule;
import uk.dapp.platform.security.AccessReason;
import uk.dapp.platform.security.Roles;

/**
 * The contract and the running service agree: every operation in the spec is served, the served
 * {@code /v3/api-docs} lists the same operations, every handler states a role rule equal to the
 * spec's {@code x-roles}, and every operation refuses every other role (403) and no token (401).
 * A service's test extends this with its {@link ServiceTest} context.
 */
public abstract class ContractConformanceTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Value("${dapp.api.contract}")
    private String contractName;

    @Autowired
    private MongoTemplate mongo;

    private OpenApiContract contract() {
        return OpenApiContract.forService(contractName);
    }

    /** The service's own handlers: ours, not the framework's (errors, API docs). */
    private Map<RequestMappingInfo, HandlerMethod> ownHandlers() {
        Map<RequestMappingInfo, HandlerMethod> own = new java.util.LinkedHashMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getName().startsWith("uk.dapp.")) {
                own.put(info, handler);
            }
        });
        return own;
    }

    private Set<String> servedOperations() {
        Set<String> served = new TreeSet<>();
        ownHandlers()
                .keySet()
                .forEach(info -> info.getMethodsCondition()
                        .getMethods()
                        .forEach(method ->
                                info.getPatternValues().forEach(path -> served.add(method.name() + " " + path))));
        return served;
    }

    @Test
    void theGuardKeepingBodiesOutOfDebugLogsIsInstalled() {
        assertThat(((ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory())
                        .getTurboFilterList())
                .anyMatch(uk.dapp.platform.web.SensitiveLogGuard.BodyFilter.class::isInstance);
    }

    @Test
    void livenessAndReadinessAreServedWithoutAToken() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            MvcResult result = mvc.perform(get(probe)).andReturn();
            assertThat(result.getResponse().getStatus()).as(probe).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).as(probe).contains("\"UP\"");
        }
    }

    @Test
    void everyOperationOfTheContractIsServedAndNothingElse() {
        Set<String> specified = new TreeSet<>();
        contract().operations().forEach(operation -> specified.add(operation.key()));
        assertThat(servedOperations()).isEqualTo(specified);
    }

    @Test
    void theServedApiDocsListTheContractsOperations() throws Exception {
        MvcResult result = mvc.perform(get("/v3/api-docs")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode paths = JsonMapper.builder()
                .build()
                .readTree(result.getResponse().getContentAsString())
                .get("paths");
        Set<String> documented = new TreeSet<>();
        paths.properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> documented.add(method.getKey().toUpperCase() + " " + path.getKey())));
        Set<String> specified = new TreeSet<>();
        contract().operations().forEach(operation -> specified.add(operation.key()));
        assertThat(documented).isEqualTo(specified);
    }

    @Test
    void everyHandlerStatesTheRoleRuleOfItsOperation() {
        Map<String, List<String>> specifiedRoles = new java.util.HashMap<>();
        contract().operations().forEach(operation -> specifiedRoles.put(operation.key(), operation.roles()));
        List<String> problems = new ArrayList<>();
        ownHandlers().forEach((info, handler) -> {
            Method method = handler.getMethod();
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            String name = handler.getBeanType().getSimpleName() + "." + method.getName();
            if (rule == null) {
                problems.add(name + " has no @PreAuthorize role rule");
                return;
            }
            Set<String> declared = RoleRule.rolesIn(rule.value());
            info.getMethodsCondition()
                    .getMethods()
                    .forEach(httpMethod -> info.getPatternValues().forEach(path -> {
                        List<String> roles = specifiedRoles.get(httpMethod.name() + " " + path);
                        if (roles != null && !declared.equals(new TreeSet<>(roles))) {
                            problems.add(
                                    name + " allows " + declared + " but the contract says " + new TreeSet<>(roles));
                        }
                    }));
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperationRefusesEveryOtherRoleAndAnonymousCallers() throws Exception {
        List<String> problems = new ArrayList<>();
        for (OpenApiContract.Operation operation : contract().operations()) {
            int anonymous =
                    mvc.perform(requestFor(operation)).andReturn().getResponse().getStatus();
            if (anonymous != 401) {
                problems.add(operation.key() + " without a token answered " + anonymous);
            }
            for (String role : Roles.EVERY_CALLER) {
                MvcResult result =
                        mvc.perform(requestFor(operation).with(as(role))).andReturn();
                int status = result.getResponse().getStatus();
                boolean allowed = operation.roles().contains(role);
                if (allowed && (status == 401 || status == 403)) {
                    problems.add(operation.key() + " refused " + role + " (" + status + ")");
                }
                if (!allowed && status != 403) {
                    problems.add(operation.key() + " let " + role + " through (" + status + ")");
                }
                if (!allowed
                        && !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(
                                String.valueOf(result.getResponse().getContentType())))) {
                    problems.add(operation.key() + " answered 403 without problem+json");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static MockHttpServletRequestBuilder requestFor(OpenApiContract.Operation operation) {
        String path = operation
                .path()
                .replace("{caseId}", CaseId.generate(new SecureRandom()).value())
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(operation.method()), path);
        if (Set.of("POST", "PUT", "PATCH").contains(operation.method())) {
            builder.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return builder;
    }

    @Test
    void noOperationCanChangeOrDeleteAnAuditRecord() throws Exception {
        List<String> problems = new ArrayList<>();
        contract().operations().stream()
                .filter(operation -> operation.path().contains("audit") && !"GET".equals(operation.method()))
                .forEach(operation -> problems.add("the contract has " + operation.key()));
        ownHandlers()
                .forEach((info, handler) -> info.getPatternValues().stream()
                        .filter(path -> path.contains("audit"))
                        .forEach(path -> info.getMethodsCondition().getMethods().stream()
                                .filter(method -> method != org.springframework.web.bind.annotation.RequestMethod.GET)
                                .forEach(method -> problems.add(handler + " maps " + method + " " + path))));
        long before = mongo.count(new Query(), AuditRecord.class);
        String someId = mongo.findOne(new Query(), AuditRecord.class) == null
                ? UUID.randomUUID().toString()
                : mongo.findOne(new Query(), AuditRecord.class).id();
        for (String path : List.of("/audit-records", "/audit-records/unusual", "/audit-records/" + someId)) {
            for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.POST)) {
                for (String role : Roles.EVERY_CALLER) {
                    int status = mvc.perform(request(method, path)
                                    .with(as(role))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{}"))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                    if (status != 403) {
                        problems.add(method + " " + path + " as " + role + " answered " + status);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(mongo.count(new Query(), AuditRecord.class)).isEqualTo(before);
    }

    @Test
    void anAdminReadsTheAuditLogAndTheReadIsAuditedItself() throws Exception {
        String admin = "audit-reader-" + UUID.randomUUID();
        JsonMapper json = JsonMapper.builder().build();
        MvcResult first = mvc.perform(get("/audit-records").param("user", admin).with(as(Roles.ADMIN, admin)))
                .andReturn();
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        JsonNode page = json.readTree(first.getResponse().getContentAsString());
        assertThat(page.get("totalItems").asLong()).isEqualTo(1);
        JsonNode own = page.get("items").get(0);
        assertThat(own.get("username").asString()).isEqualTo(admin);
        assertThat(own.get("resourceType").asString()).isEqualTo(AuditViews.RESOURCE);
        assertThat(own.get("roles").get(0).asString()).isEqualTo(Roles.ADMIN);

        MvcResult unusual = mvc.perform(get("/audit-records/unusual").with(as(Roles.ADMIN, admin)))
                .andReturn();
        assertThat(unusual.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(unusual.getResponse().getContentAsString())
                        .get("bulkWindow")
                        .asString())
                .isEqualTo("PT1H");
        JsonNode both = json.readTree(
                mvc.perform(get("/audit-records").param("user", admin).with(as(Roles.ADMIN, admin)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(both.get("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void theAuditLogsFiltersAreChecked() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        String caseId = CaseId.generate(new SecureRandom()).value();
        String mistyped = caseId.substring(0, 17) + (caseId.endsWith("A") ? "B" : "A");
        Map<String, String> refused = Map.of(
                "/audit-records?caseId=" + mistyped,
                "caseId",
                "/audit-records?size=201",
                "size",
                "/audit-records?action=DELETE",
                "action",
                "/audit-records?from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z",
                "from",
                "/audit-records/unusual?from=2026-01-01T00:00:00Z&to=2026-11-23T00:00:00Z",
                "to",
                "/audit-records/unusual?limit=0",
                "limit");
        for (Map.Entry<String, String> request : refused.entrySet()) {
            MvcResult result =
                    mvc.perform(get(request.getKey()).with(as(Roles.ADMIN))).andReturn();
            assertThat(result.getResponse().getStatus()).as(request.getKey()).isEqualTo(400);
            assertThat(result.getResponse().getContentType())
                    .as(request.getKey())
                    .contains("application/problem+json");
            assertThat(json.readTree(result.getResponse().getContentAsString())
                            .get("errors")
                            .get(0)
                            .get("field")
                            .asString())
                    .as(request.getKey())
                    .isEqualTo(request.getValue());
        }
    }

    /**
     * docs/domain/data-protection.md: an admin reads casework only with a stated reason. Any read admins may make
     * of one case or partner track requires the reason header, and refuses a request without one,
     * or with one too short, with 400 naming the header.
     */
    @Test
    void everyAdminReadOfACaseRequiresAStatedReason() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<String> problems = new ArrayList<>();
        for (OpenApiContract.Operation operation : contract().operations()) {
            boolean casework = "GET".equals(operation.method())
                    && operation.roles().contains(Roles.ADMIN)
                    && (operation.path().contains("{caseId}")
                            || operation.path().contains("{trackId}"));
            boolean reasoned = operation.requiredHeaders().contains(AccessReason.HEADER);
            if (casework && !reasoned) {
                problems.add(operation.key() + " lets an admin read case data without a stated reason");
            }
            if (!reasoned) {
                continue;
            }
            for (String stated : new String[] {null, "    too short    "}) {
                MockHttpServletRequestBuilder request = requestFor(operation).with(as(Roles.ADMIN));
                if (stated != null) {
                    request.header(AccessReason.HEADER, stated);
                }
                MvcResult result = mvc.perform(request).andReturn();
                String body = result.getResponse().getContentAsString();
                if (result.getResponse().getStatus() != 400
                        || !body.contains("\"errors\"")
                        || !AccessReason.HEADER.equals(json.readTree(body)
                                .get("errors")
                                .get(0)
                                .get("field")
                                .asString())) {
                    problems.add(operation.key() + " with reason " + stated + " answered "
                            + result.getResponse().getStatus() + " " + body);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
