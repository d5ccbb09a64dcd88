package uk.dapp.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * k8s/monitoring (ServiceMonitor, alert rules, Grafana dashboard) and what the applications'
 * manifests give it: the management port, reachable from the monitoring namespace only, and
 * structured logs. The dashboard and the rules may name only the metrics of
 * k8s/monitoring/exposed-metrics.txt, which each application's MetricsTest checks against a real
 * scrape, so a renamed metric fails a build on one side or the other.
 */
class MonitoringTest {

    private static final Path MONITORING = Manifests.K8S.resolve("monitoring");
    private static final String NAME = "app.kubernetes.io/name";
    private static final int MANAGEMENT_PORT = 9090;
    private static final Set<String> APPS = Set.copyOf(ServiceProperties.MODULES);
    private static final Set<String> ALERTS = Set.of(
            "DappOutboxBacklog",
            "DappOutboxOldestPendingMessage",
            "DappOutboxRejectedMessages",
            "DappCircuitBreakerOpen",
            "DappHigh5xxRate",
            "DappRiskAlertsOverdue");

    /** PromQL words that are not metric names. */
    private static final Set<String> PROMQL_WORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?!\\s*\\()(?![a-zA-Z0-9_:])");

    @Test
    void theAlertRulesParseAndCoverEachConditionWithListedMetricsOnly() {
        Map<String, Object> rule = Manifests.yamlFile(MONITORING.resolve("alert-rules.yaml"));
        assertThat(rule.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.get("kind")).isEqualTo("PrometheusRule");
        Map<String, String> exprs = new LinkedHashMap<>();
        for (Map<String, Object> group : list(map(rule.get("spec")).get("groups"))) {
            for (Map<String, Object> each : list(group.get("rules"))) {
                exprs.put((String) each.get("alert"), String.valueOf(each.get("expr")));
                assertThat(map(each.get("labels")))
                        .as((String) each.get("alert"))
                        .containsKey("severity");
                assertThat(map(each.get("annotations")))
                        .as((String) each.get("alert"))
                        .containsKey("summary");
            }
        }
        assertThat(exprs.keySet()).containsExactlyInAnyOrderElementsOf(ALERTS);
        Set<String> listed = listedMetrics();
        exprs.forEach((alert, expr) -> assertThat(metricsIn(expr))
                .as(alert + ": " + expr)
                .isNotEmpty()
                .allSatisfy(metric ->
                        assertThat(listed).as(alert + " names " + metric).contains(metric)));
        assertThat(metricsIn(exprs.get("DappOutboxBacklog"))).containsExactly("dapp_outbox_pending");
        assertThat(metricsIn(exprs.get("DappOutboxOldestPendingMessage")))
                .containsExactly("dapp_outbox_oldest_pending_age_seconds");
        assertThat(metricsIn(exprs.get("DappOutboxRejectedMessages"))).containsExactly("dapp_outbox_rejected");
        assertThat(metricsIn(exprs.get("DappCircuitBreakerOpen"))).containsExactly("resilience4j_circuitbreaker_state");
        assertThat(metricsIn(exprs.get("DappHigh5xxRate"))).containsExactly("http_server_requests_seconds_count");
        assertThat(metricsIn(exprs.get("DappRiskAlertsOverdue"))).containsExactly("dapp_programme_alerts_overdue");
    }

    @Test
    void theDashboardParsesAndNamesListedMetricsOnly() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> exprs = new ArrayList<>();
        dashboard
                .path("panels")
                .forEach(panel -> panel.path("targets")
                        .forEach(target -> exprs.add(target.path("expr").asText())));
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(10);
        Set<String> listed = listedMetrics();
        Set<String> used = new TreeSet<>();
        for (String expr : exprs) {
            Set<String> metrics = metricsIn(expr);
            assertThat(metrics)
                    .as(expr)
                    .isNotEmpty()
                    .allSatisfy(metric -> assertThat(listed).as(expr).contains(metric));
            used.addAll(metrics);
        }
        // every condition an alert watches has its panel
        assertThat(used)
                .contains(
                        "dapp_outbox_pending",
                        "dapp_outbox_oldest_pending_age_seconds",
                        "dapp_outbox_rejected",
                        "resilience4j_circuitbreaker_state",
                        "http_server_requests_seconds_count",
                        "dapp_programme_alerts_overdue",
                        "dapp_gateway_rate_limit_refusals_total",
                        "dapp_audit_records_total");
    }

    @Test
    void theMetricNameReaderFindsNamesNotFunctionsLabelsOrKeywords() {
        assertThat(metricsIn(
                        "sum by (application, uri) (rate(http_server_requests_seconds_count{status=~\"5..\",uri=\"/x\"}[5m]))"
                                + " / on (application) max without (pod) (up) > bool 0.05"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "up");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMonitoringKustomizationRendersAServiceMonitorOfEveryManagementPort() throws Exception {
        List<Map<String, Object>> resources = new ArrayList<>();
        if (Manifests.kubectlPresent()) {
            Process process = new ProcessBuilder(Manifests.KUBECTL, "kustomize", MONITORING.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(out).forEach(d -> resources.add(map(d)));
            assertThat(resources)
                    .extracting(r -> r.get("kind"))
                    .containsExactlyInAnyOrder("ConfigMap", "ServiceMonitor", "PrometheusRule");
            Map<String, Object> dashboard = resources.stream()
                    .filter(r -> r.get("kind").equals("ConfigMap"))
                    .findFirst()
                    .orElseThrow();
            assertThat(map(map(dashboard.get("metadata")).get("labels"))).containsEntry("grafana_dashboard", "1");
        }
        Map<String, Object> monitor = Manifests.yamlFile(MONITORING.resolve("service-monitor.yaml"));
        Map<String, Object> spec = map(monitor.get("spec"));
        List<Map<String, Object>> endpoints = list(spec.get("endpoints"));
        assertThat(endpoints).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.get("port")).isEqualTo("management");
            assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
        });
        Map<String, Object> expression =
                list(map(spec.get("selector")).get("matchExpressions")).get(0);
        assertThat(expression.get("key")).isEqualTo(NAME);
        assertThat((List<String>) expression.get("values")).containsExactlyInAnyOrderElementsOf(APPS);
    }

    /** Each application: actuator on the management port (probes included), a Service port for it, JSON logs. */
    @ParameterizedTest
    @ValueSource(strings = {"base", "local", "production"})
    void everyApplicationServesItsActuatorOnTheManagementPortAndLogsJson(String source) {
        List<HasMetadata> resources = Manifests.of(source);
        for (String app : APPS) {
            Deployment deployment = Manifests.all(resources, Deployment.class).stream()
                    .filter(d -> d.getMetadata().getName().equals(app))
                    .findFirst()
                    .orElseThrow();
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> env = container.getEnv().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            assertThat(env)
                    .as(app)
                    .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(MANAGEMENT_PORT))
                    .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            assertThat(container.getPorts()).as(app).anySatisfy(port -> {
                assertThat(port.getName()).isEqualTo("management");
                assertThat(port.getContainerPort()).isEqualTo(MANAGEMENT_PORT);
            });
            var service = Manifests.all(resources, io.fabric8.kubernetes.api.model.Service.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(app))
                    .findFirst()
                    .orElseThrow();
            assertThat(service.getSpec().getPorts()).as(app + " Service").anySatisfy(port -> {
                assertThat(port.getName()).isEqualTo("management");
                assertThat(port.getTargetPort().getStrVal()).isEqualTo("management");
            });
        }
    }

    /** Only the monitoring namespace reaches port 9090, of the applications only; no other policy opens it. */
    @ParameterizedTest
    @ValueSource(strings = {"base", "local", "production"})
    void onlyTheMonitoringNamespaceReachesTheManagementPort(String source) {
        List<NetworkPolicy> policies = Manifests.all(Manifests.of(source), NetworkPolicy.class);
        NetworkPolicy metrics = policies.stream()
                .filter(p -> p.getMetadata().getName().equals("metrics-from-monitoring"))
                .findFirst()
                .orElseThrow();
        var selector = metrics.getSpec().getPodSelector().getMatchExpressions();
        assertThat(selector).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo(NAME);
            assertThat(e.getOperator()).isEqualTo("In");
            assertThat(e.getValues()).containsExactlyInAnyOrderElementsOf(APPS);
        });
        assertThat(metrics.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
                assertThat(peer.getPodSelector()).isNull();
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"));
            });
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(MANAGEMENT_PORT);
        });
        for (NetworkPolicy other : policies) {
            if (other == metrics || other.getSpec().getIngress() == null) {
                continue;
            }
            other.getSpec()
                    .getIngress()
                    .forEach(rule -> assertThat(rule.getPorts())
                            .as(other.getMetadata().getName())
                            .isNotNull()
                            .extracting(NetworkPolicyPort::getPort)
                            .allSatisfy(port -> assertThat(port.getIntVal()).isNotEqualTo(MANAGEMENT_PORT)));
        }
    }

    static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> metrics = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String word = m.group();
            boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!PROMQL_WORDS.contains(word) && !number) {
                metrics.add(word);
            }
        }
        return metrics;
    }

    private static Set<String> listedMetrics() {
        try {
            return Files.readAllLines(MONITORING.resolve("exposed-metrics.txt")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.strip().split("\\s+")[0])
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
