package uk.dapp.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay with {@code kubectl kustomize} (skipped, saying so, when kubectl is not on
 * the PATH), parses the raw base files too, binds every document to the Kubernetes model and
 * checks the rules of issue 8 on each. "base" is the raw files, not a render: the base is never
 * applied alone (its Secrets and realm come from an overlay).
 */
class K8sManifestsTest {

    private static final String NAME = "app.kubernetes.io/name";
    private static final Set<String> APPS = Set.copyOf(ServiceProperties.MODULES);
    private static final Set<String> SERVICES =
            Set.of("risk-matrix-service", "programme-service", "partner-support-service");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\(([A-Za-z0-9_]+)\\)");

    @BeforeAll
    static void sayWhenKubectlIsMissing() {
        if (!Manifests.kubectlPresent()) {
            System.err.println("[k8s] kubectl is not on the PATH: the overlays are NOT rendered or checked, "
                    + "only the raw base files. Install kubectl (1.27+) to check what a cluster would receive.");
        }
    }

    private static List<HasMetadata> load(String source) {
        if (!source.equals("base")) {
            Assumptions.assumeTrue(
                    Manifests.kubectlPresent(),
                    "kubectl is not on the PATH: overlay " + source + " not rendered (install kubectl to check it)");
        }
        return Manifests.of(source);
    }

    record Workload(HasMetadata owner, PodTemplateSpec template) {
        PodSpec spec() {
            return template.getSpec();
        }

        String name() {
            return owner.getKind() + "/" + owner.getMetadata().getName();
        }

        Map<String, String> labels() {
            return template.getMetadata().getLabels() == null
                    ? Map.of()
                    : template.getMetadata().getLabels();
        }
    }

    private static List<Workload> workloads(List<HasMetadata> resources) {
        List<Workload> all = new ArrayList<>();
        Manifests.all(resources, Deployment.class)
                .forEach(d -> all.add(new Workload(d, d.getSpec().getTemplate())));
        Manifests.all(resources, StatefulSet.class)
                .forEach(s -> all.add(new Workload(s, s.getSpec().getTemplate())));
        Manifests.all(resources, Job.class)
                .forEach(j -> all.add(new Workload(j, j.getSpec().getTemplate())));
        Manifests.all(resources, CronJob.class)
                .forEach(c -> all.add(
                        new Workload(c, c.getSpec().getJobTemplate().getSpec().getTemplate())));
        return all;
    }

    private static Deployment deployment(List<HasMetadata> resources, String name) {
        return Manifests.all(resources, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> resources, Class<T> type, String prefix) {
        // generated ConfigMaps and Secrets carry a content hash after their name
        return Manifests.all(resources, type).stream()
                .filter(r -> r.getMetadata().getName().equals(prefix)
                        || r.getMetadata().getName().matches(Pattern.quote(prefix) + "-[a-z0-9]{10}"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + prefix));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyOverlayRendersAndParses(String overlay) {
        List<HasMetadata> resources = load(overlay);
        assertThat(resources).isNotEmpty();
        assertThat(resources).allSatisfy(r -> {
            if (!r.getKind().equals("Namespace")) {
                assertThat(r.getMetadata().getNamespace())
                        .as(r.getKind() + "/" + r.getMetadata().getName())
                        .isEqualTo("dapp");
            }
        });
        Set<String> kinds = resources.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertThat(kinds)
                .contains(
                        "Deployment",
                        "StatefulSet",
                        "Job",
                        "Service",
                        "ConfigMap",
                        "NetworkPolicy",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "Ingress",
                        "Namespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "local", "production"})
    void everyContainerHasProbesResourcesAndTheSecurityContext(String source) {
        List<Workload> workloads = workloads(load(source));
        assertThat(workloads)
                .extracting(Workload::name)
                .contains(
                        "Deployment/gateway",
                        "Deployment/web",
                        "Deployment/risk-matrix-service",
                        "Deployment/programme-service",
                        "Deployment/partner-support-service",
                        "StatefulSet/mongodb",
                        "Job/mongodb-init",
                        "CronJob/mongodb-backup",
                        "Deployment/keycloak");
        // production runs Keycloak's database as a CloudNativePG cluster, whose pods the operator makes
        if (source.equals("production")) {
            assertThat(workloads).extracting(Workload::name).doesNotContain("StatefulSet/keycloak-postgres");
        } else {
            assertThat(workloads).extracting(Workload::name).contains("StatefulSet/keycloak-postgres");
        }
        for (Workload workload : workloads) {
            PodSpec spec = workload.spec();
            assertThat(spec.getSecurityContext())
                    .as(workload.name() + " pod securityContext")
                    .isNotNull();
            assertThat(spec.getSecurityContext().getRunAsNonRoot())
                    .as(workload.name() + " runAsNonRoot")
                    .isTrue();
            assertThat(spec.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(spec.getAutomountServiceAccountToken())
                    .as(workload.name() + " automountServiceAccountToken")
                    .isFalse();
            List<Container> containers = new ArrayList<>(spec.getContainers());
            if (spec.getInitContainers() != null) {
                containers.addAll(spec.getInitContainers());
            }
            for (Container container : containers) {
                String where = workload.name() + " container " + container.getName();
                var resources = container.getResources();
                assertThat(resources).as(where + " resources").isNotNull();
                assertThat(resources.getRequests()).as(where + " requests").containsKeys("cpu", "memory");
                assertThat(resources.getLimits()).as(where + " limits").containsKeys("cpu", "memory");
                SecurityContext security = container.getSecurityContext();
                assertThat(security).as(where + " securityContext").isNotNull();
                assertThat(security.getRunAsNonRoot())
                        .as(where + " runAsNonRoot")
                        .isTrue();
                assertThat(security.getReadOnlyRootFilesystem())
                        .as(where + " readOnlyRootFilesystem")
                        .isTrue();
                assertThat(security.getAllowPrivilegeEscalation())
                        .as(where + " allowPrivilegeEscalation")
                        .isFalse();
                assertThat(security.getCapabilities().getDrop())
                        .as(where + " capabilities.drop")
                        .containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd())
                        .as(where + " capabilities.add")
                        .isNullOrEmpty();
                assertThat(security.getSeccompProfile().getType())
                        .as(where + " seccomp")
                        .isEqualTo("RuntimeDefault");
                assertThat(security.getPrivileged()).as(where + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(container.getImage())
                        .as(where + " image")
                        .isNotBlank()
                        .doesNotEndWith(":latest");
            }
            for (Container container : spec.getContainers()) {
                String where = workload.name() + " container " + container.getName();
                if (!(workload.owner() instanceof Job) && !(workload.owner() instanceof CronJob)) {
                    assertThat(container.getLivenessProbe())
                            .as(where + " livenessProbe")
                            .isNotNull();
                    assertThat(container.getReadinessProbe())
                            .as(where + " readinessProbe")
                            .isNotNull();
                }
                // a read-only root filesystem still needs a writable /tmp
                var tmp = container.getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals("/tmp"))
                        .findFirst();
                assertThat(tmp).as(where + " mounts /tmp").isPresent();
                Volume volume = spec.getVolumes().stream()
                        .filter(v -> v.getName().equals(tmp.get().getName()))
                        .findFirst()
                        .orElseThrow();
                assertThat(volume.getEmptyDir())
                        .as(where + " /tmp is an emptyDir")
                        .isNotNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "local", "production"})
    void theApplicationsProbeTheActuatorOnTheirManagementPort(String source) {
        List<HasMetadata> resources = load(source);
        for (String app : APPS) {
            Container container = deployment(resources, app)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            String serverPort = env(container).get("SERVER_PORT").getValue();
            int port = container.getPorts().stream()
                    .filter(p -> "http".equals(p.getName()))
                    .findFirst()
                    .orElseThrow()
                    .getContainerPort();
            assertThat(Integer.parseInt(serverPort))
                    .as(app + " SERVER_PORT is the container port")
                    .isEqualTo(port);
            assertProbe(app + " liveness", container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(app + " readiness", container.getReadinessProbe(), "/actuator/health/readiness");
            var service = Manifests.all(resources, io.fabric8.kubernetes.api.model.Service.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(app))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Service " + app));
            assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(port);
            assertThat(service.getSpec().getSelector()).containsEntry(NAME, app);
        }
    }

    /** Issue 13: an application out of memory ends, so Kubernetes restarts it, rather than serving half-alive. */
    @ParameterizedTest
    @ValueSource(strings = {"base", "local", "production"})
    void everyApplicationEndsOnOutOfMemory(String source) {
        List<HasMetadata> resources = load(source);
        for (String app : APPS) {
            Container container = deployment(resources, app)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            EnvVar options = env(container).get("JAVA_TOOL_OPTIONS");
            assertThat(options).as(app + " JAVA_TOOL_OPTIONS").isNotNull();
            assertThat(options.getValue()).as(app).contains("-XX:+ExitOnOutOfMemoryError");
        }
    }

    private static void assertProbe(String what, Probe probe, String path) {
        assertThat(probe.getHttpGet()).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        // the actuator is on the management port (MonitoringTest), not the port the callers use
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what + " port").isEqualTo("management");
    }

    /** Variables the JVM reads itself, not the application. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static Map<String, EnvVar> env(Container container) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        if (container.getEnv() != null) {
            container.getEnv().forEach(e -> env.put(e.getName(), e));
        }
        return env;
    }

    /**
     * Every variable set on an application's container is one the module reads (ServiceProperties
     * says how that is found out), except helpers that exist only to be interpolated into another
     * variable's value with $(NAME). Variables from a Secret by envFrom are checked where the
     * Secret is visible (the local overlay).
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "local", "production"})
    void everyEnvironmentVariableIsAPropertyTheServiceReads(String source) {
        List<HasMetadata> resources = load(source);
        for (String app : APPS) {
            ServiceProperties reads = ServiceProperties.of(app);
            Container container = deployment(resources, app)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            Map<String, EnvVar> env = env(container);
            Set<String> interpolated = new TreeSet<>();
            env.values().stream().map(EnvVar::getValue).filter(Objects::nonNull).forEach(value -> {
                Matcher m = INTERPOLATION.matcher(value);
                while (m.find()) {
                    interpolated.add(m.group(1));
                }
            });
            for (String variable : env.keySet()) {
                if (interpolated.contains(variable) || JVM_VARIABLES.contains(variable)) {
                    continue;
                }
                assertThat(reads.reads(variable))
                        .as("%s sets %s, which %s does not read (it reads %s)", app, variable, app, reads)
                        .isTrue();
            }
            if (app.equals("web")) {
                // the web app: the gateway, the public issuer, Keycloak's internal address and its client secret (a
                // Secret)
                assertThat(env)
                        .containsKeys(
                                "SERVER_PORT",
                                "DAPP_KEYCLOAK_ISSUER",
                                "DAPP_WEB_GATEWAYURL",
                                "DAPP_WEB_KEYCLOAK_BACKCHANNELURL",
                                "DAPP_WEB_CLIENT_SECRET",
                                "SPRING_PROFILES_ACTIVE");
                assertThat(env.get("DAPP_WEB_GATEWAYURL").getValue()).isEqualTo("http://gateway:8080");
                assertThat(env.get("DAPP_WEB_CLIENT_SECRET")
                                .getValueFrom()
                                .getSecretKeyRef()
                                .getName())
                        .startsWith("keycloak-clients");
                assertThat(env.get("SPRING_PROFILES_ACTIVE").getValue())
                        .as("never the demo profile")
                        .isNotEqualTo("demo");
                continue;
            }
            assertThat(env).as(app).containsKeys("SERVER_PORT", "DAPP_KEYCLOAK_ISSUER", "DAPP_SECURITY_AUDIENCE");
            if (app.equals("gateway")) {
                assertThat(env)
                        .containsKeys(
                                "DAPP_SERVICES_RISKMATRIX_URL",
                                "DAPP_SERVICES_PROGRAMME_URL",
                                "DAPP_SERVICES_PARTNERSUPPORT_URL");
                assertThat(env.get("DAPP_SERVICES_PARTNERSUPPORT_URL").getValue())
                        .isEqualTo("http://partner-support-service:8083");
            } else {
                assertThat(env).containsKeys("SPRING_MONGODB_URI");
            }
            if (container.getEnvFrom() != null && !source.equals("base")) {
                for (var from : container.getEnvFrom()) {
                    if (from.getSecretRef() != null) {
                        Manifests.all(resources, Secret.class).stream()
                                .filter(s -> s.getMetadata()
                                        .getName()
                                        .startsWith(from.getSecretRef().getName()))
                                .flatMap(s -> Stream.concat(
                                        s.getData() == null ? Stream.of() : s.getData().keySet().stream(),
                                        s.getStringData() == null ? Stream.of() : s.getStringData().keySet().stream()))
                                .forEach(variable -> assertThat(reads.reads(variable))
                                        .as("%s gets %s from a Secret, which it does not read", app, variable)
                                        .isTrue());
                    }
                }
            }
        }
    }

    @Test
    void theEnvironmentNamesFollowSpringRelaxedBinding() {
        assertThat(ServiceProperties.environmentName("dapp.services.risk-matrix.url"))
                .isEqualTo("DAPP_SERVICES_RISKMATRIX_URL");
        assertThat(ServiceProperties.environmentName("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI");
        ServiceProperties gateway = ServiceProperties.of("gateway");
        assertThat(gateway.reads("DAPP_SERVICES_PARTNERSUPPORT_URL")).isTrue();
        assertThat(gateway.reads("DAPP_KEYCLOAK_ISSUER")).isTrue();
        assertThat(gateway.reads("SPRING_MONGODB_URI")).isTrue(); // a Boot property, harmless; not set on it
        assertThat(gateway.reads("DAPP_SERVICES_PARTNER_SUPPORT_URL"))
                .as("an underscore is not a dash")
                .isFalse();
        assertThat(gateway.reads("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI"))
                .as("the gateway fetches Keycloak's keys at the internal address, like the services")
                .isTrue();
        assertThat(ServiceProperties.of("programme-service")
                        .reads("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI"))
                .isTrue();
        ServiceProperties partner = ServiceProperties.of("partner-support-service");
        assertThat(partner.reads("DAPP_PARTNERSUPPORT_ENCRYPTION_KEYS_K2027A"))
                .as("v1 keys, read during the migration")
                .isTrue();
        assertThat(partner.reads("DAPP_PARTNERSUPPORT_ENCRYPTION_KEYSETFILE")).isTrue();
        assertThat(partner.reads("DAPP_PARTNERSUPPORT_ENCRYPTION_KEYSET")).isTrue();
        assertThat(partner.reads("DAPP_PARTNERSUPPORT_BANKHOLIDAYS_DIVISION")).isTrue();
        assertThat(partner.reads("DAPP_PARTNERSUPPORT_ENCRYPTION_CURRENTKEY"))
                .as("the keyset's primary key replaced it")
                .isFalse();
        assertThat(partner.reads("DAPP_PARTNERSUPPORT_ENCRYPTION_KEYS")).isFalse();
        // a properties record's components (the platform's NotifyProperties), a Map's keys below it
        assertThat(partner.reads("DAPP_NOTIFY_APIKEY")).isTrue();
        assertThat(partner.reads("DAPP_NOTIFY_SIGNINURL")).isTrue();
        assertThat(partner.reads("DAPP_NOTIFY_TEMPLATES_RISKALERTRAISED")).isTrue();
        assertThat(partner.reads("DAPP_NOTIFY_API_KEY"))
                .as("an underscore is not a dash")
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "local", "production"})
    void everyServiceHasItsOwnDatabaseUserWithMajorityJournaledRetryableWrites(String source) {
        List<HasMetadata> resources = load(source);
        for (String service : SERVICES) {
            String uri = env(deployment(resources, service)
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0))
                    .get("SPRING_MONGODB_URI")
                    .getValue();
            assertThat(uri)
                    .as(service)
                    .startsWith("mongodb://" + service
                            + ":$(MONGODB_PASSWORD)@mongodb-0.mongodb:27017,mongodb-1.mongodb:27017,mongodb-2.mongodb:27017/"
                            + service + "?")
                    .contains(
                            "replicaSet=rs0",
                            "w=majority",
                            "journal=true",
                            "retryWrites=true",
                            "authSource=" + service);
        }
        StatefulSet mongodb = named(resources, StatefulSet.class, "mongodb");
        assertThat(mongodb.getSpec().getReplicas()).isEqualTo(3);
        assertThat(mongodb.getSpec().getVolumeClaimTemplates()).hasSize(1);
        assertThat(mongodb.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs())
                .contains("--replSet=rs0");
        var antiAffinity =
                mongodb.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity();
        if (source.equals("production")) {
            assertThat(antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution())
                    .singleElement()
                    .satisfies(t -> assertThat(t.getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
        } else {
            assertThat(antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution())
                    .isNotEmpty();
        }
        assertThat(named(resources, PodDisruptionBudget.class, "mongodb")
                        .getSpec()
                        .getMaxUnavailable()
                        .getIntVal())
                .isEqualTo(1);
    }

    /** "Literal" means data or stringData: only the local overlay may hold either. */
    @ParameterizedTest
    @ValueSource(strings = {"base", "production"})
    void noSecretHoldsALiteralOutsideTheLocalOverlay(String source) {
        List<HasMetadata> resources = load(source);
        for (Secret secret : Manifests.all(resources, Secret.class)) {
            assertThat(secret.getData())
                    .as("Secret " + secret.getMetadata().getName() + " in " + source)
                    .isNullOrEmpty();
            assertThat(secret.getStringData())
                    .as("Secret " + secret.getMetadata().getName() + " in " + source)
                    .isNullOrEmpty();
        }
        // and no credential slipped into a plain value or a ConfigMap
        for (Workload workload : workloads(resources)) {
            for (Container container : workload.spec().getContainers()) {
                for (EnvVar variable : env(container).values()) {
                    if (variable.getName().matches("(.*_)?(PASSWORD|SECRET|KEY|KEYS|TOKEN|KEYFILE)(_.*)?")) {
                        assertThat(variable.getValue())
                                .as(workload.name() + " " + variable.getName() + " must come from a Secret")
                                .isNull();
                    }
                }
            }
        }
        for (ConfigMap map : Manifests.all(resources, ConfigMap.class)) {
            assertThat(String.valueOf(map.getData()))
                    .as("ConfigMap " + map.getMetadata().getName())
                    .doesNotContain("demo-secret")
                    .doesNotContainIgnoringCase("\"password\"");
        }
    }

    @Test
    void theLocalOverlaysSecretsAreGeneratedDemoValues() {
        List<HasMetadata> resources = load("local");
        Set<String> names = Manifests.all(resources, Secret.class).stream()
                .map(s -> s.getMetadata().getName().replaceAll("-[a-z0-9]{10}$", ""))
                .collect(Collectors.toSet());
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "mongodb-root",
                        "mongodb-keyfile",
                        "mongodb-users",
                        "keycloak-postgres",
                        "keycloak-admin",
                        "partner-support-keyset",
                        "keycloak-clients");
        // MongoDB passwords go into a connection string unencoded: hex only
        named(resources, Secret.class, "mongodb-users")
                .getData()
                .forEach((user, password) ->
                        assertThat(decode(password)).as(user).matches("[0-9a-f]{16,}"));
        // a Tink keyset of AES-GCM keys with Tink's prefix, its primary among them, and not the demo keyset
        JsonNode keyset = readJson(decode(named(resources, Secret.class, "partner-support-keyset")
                .getData()
                .get("keyset.json")));
        List<Long> keyIds = new ArrayList<>();
        keyset.path("key").forEach(key -> {
            keyIds.add(key.path("keyId").asLong());
            assertThat(key.path("keyData").path("typeUrl").asText()).endsWith("google.crypto.tink.AesGcmKey");
            assertThat(key.path("outputPrefixType").asText()).isEqualTo("TINK");
            assertThat(key.path("status").asText()).isEqualTo("ENABLED");
        });
        assertThat(keyIds).contains(keyset.path("primaryKeyId").asLong()).doesNotContain(DEMO_KEYSET_KEY_ID);
    }

    /** partner-support-service's application-demo.yml keyset: never in a cluster. */
    private static final long DEMO_KEYSET_KEY_ID = 20261101L;

    private static JsonNode readJson(String json) {
        try {
            return RealmFiles.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON", e);
        }
    }

    /** The keyset comes from a Secret mounted read-only for the service's group, at the path the service is told. */
    @ParameterizedTest
    @ValueSource(strings = {"base", "local", "production"})
    void partnerSupportReadsItsKeysetFromAMountedSecret(String source) {
        PodSpec pod = deployment(load(source), "partner-support-service")
                .getSpec()
                .getTemplate()
                .getSpec();
        Container container = pod.getContainers().get(0);
        String file =
                env(container).get("DAPP_PARTNERSUPPORT_ENCRYPTION_KEYSETFILE").getValue();
        var mount = container.getVolumeMounts().stream()
                .filter(m -> file.startsWith(m.getMountPath() + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + file));
        assertThat(mount.getReadOnly()).isTrue();
        Volume volume = pod.getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow();
        assertThat(volume.getSecret().getSecretName()).startsWith("partner-support-keyset");
        assertThat(volume.getSecret().getDefaultMode())
                .as("0440: owner and the fsGroup only")
                .isEqualTo(0440);
        assertThat(volume.getSecret().getItems())
                .singleElement()
                .satisfies(item ->
                        assertThat(mount.getMountPath() + "/" + item.getPath()).isEqualTo(file));
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(65532L);
        assertThat(env(container)).doesNotContainKey("DAPP_PARTNERSUPPORT_ENCRYPTION_KEYSET");
    }

    private static String decode(String base64) {
        return new String(java.util.Base64.getMimeDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "local", "production"})
    void everyWorkloadIsCoveredByANetworkPolicyAndAllElseIsDenied(String source) {
        List<HasMetadata> resources = load(source);
        List<NetworkPolicy> policies = Manifests.all(resources, NetworkPolicy.class);
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
        for (Workload workload : workloads(resources)) {
            assertThat(policies.stream()
                            .filter(p -> selectsSpecifically(p, workload.labels()))
                            .toList())
                    .as(workload.name() + " is selected by a policy of its own")
                    .isNotEmpty();
        }
        // who may reach each application: the gateway from the Ingress controller only; the
        // services from the gateway and the services whose flows need them (README, cross-service flows)
        assertThat(sources(policies, "web", "Ingress")).containsExactly("namespace:ingress-nginx");
        assertThat(sources(policies, "gateway", "Ingress")).containsExactlyInAnyOrder("namespace:ingress-nginx", "web");
        assertThat(sources(policies, "risk-matrix-service", "Ingress"))
                .containsExactlyInAnyOrder("gateway", "programme-service");
        assertThat(sources(policies, "programme-service", "Ingress"))
                .containsExactlyInAnyOrder("gateway", "risk-matrix-service", "partner-support-service");
        assertThat(sources(policies, "partner-support-service", "Ingress"))
                .containsExactlyInAnyOrder("gateway", "programme-service");
        // the gateway too, for its shared rate-limit buckets in a database of its own
        assertThat(sources(policies, "mongodb", "Ingress"))
                .containsExactlyInAnyOrder(
                        "risk-matrix-service",
                        "programme-service",
                        "partner-support-service",
                        "gateway",
                        "mongodb",
                        "mongodb-init",
                        "mongodb-backup");
        assertThat(sources(policies, "mongodb-backup", "Egress")).containsExactly("mongodb");
        if (source.equals("production")) {
            assertThat(sources(policies, "keycloak-postgres", "Ingress")).isEmpty();
            assertThat(sources(policies, "keycloak-db", "Ingress"))
                    .containsExactlyInAnyOrder("keycloak", "keycloak-db", "namespace:cnpg-system");
            assertThat(sources(policies, "keycloak", "Egress")).containsExactlyInAnyOrder("keycloak-db", "keycloak");
        } else {
            assertThat(sources(policies, "keycloak-postgres", "Ingress")).containsExactly("keycloak");
            assertThat(sources(policies, "keycloak", "Egress"))
                    .containsExactlyInAnyOrder("keycloak-postgres", "keycloak");
        }
        assertThat(sources(policies, "keycloak", "Ingress"))
                .containsExactlyInAnyOrder(
                        "namespace:ingress-nginx",
                        "web",
                        "gateway",
                        "risk-matrix-service",
                        "programme-service",
                        "partner-support-service",
                        "keycloak");
        // the outbound side matches: partner-support calls only programme-service among the applications
        assertThat(sources(policies, "partner-support-service", "Egress"))
                .containsExactlyInAnyOrder("mongodb", "keycloak", "programme-service");
        // the web app reaches the gateway and Keycloak, nothing else (no service, no database)
        assertThat(sources(policies, "web", "Egress")).containsExactlyInAnyOrder("gateway", "keycloak");
        // GOV.UK Notify: the three services only, HTTPS only, to public addresses only (no pod or host inside)
        NetworkPolicy notify = policies.stream()
                .filter(p -> p.getMetadata().getName().equals("gov-uk-notify-egress"))
                .findFirst()
                .orElseThrow();
        assertThat(notify.getSpec().getPodSelector().getMatchExpressions())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getOperator()).isEqualTo("In");
                    assertThat(e.getValues())
                            .containsExactlyInAnyOrder(
                                    "risk-matrix-service", "programme-service", "partner-support-service");
                });
        assertThat(notify.getSpec().getEgress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(443));
            assertThat(rule.getTo()).singleElement().satisfies(peer -> {
                assertThat(peer.getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
                assertThat(peer.getIpBlock().getExcept())
                        .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
            });
        });
    }

    private static boolean selectsSpecifically(NetworkPolicy policy, Map<String, String> labels) {
        Map<String, String> match = policy.getSpec().getPodSelector().getMatchLabels();
        return match != null
                && !match.isEmpty()
                && match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** The peers allowed in (or out) for the pods named so, as app names or "namespace:<name>". */
    private static Set<String> sources(List<NetworkPolicy> policies, String app, String direction) {
        Map<String, String> labels = Map.of(NAME, app);
        Set<String> peers = new TreeSet<>();
        for (NetworkPolicy policy : policies) {
            if (!selectsSpecifically(policy, labels)) {
                continue;
            }
            List<NetworkPolicyPeer> all = new ArrayList<>();
            if (direction.equals("Ingress") && policy.getSpec().getIngress() != null) {
                policy.getSpec().getIngress().forEach(rule -> all.addAll(rule.getFrom()));
            }
            if (direction.equals("Egress") && policy.getSpec().getEgress() != null) {
                policy.getSpec().getEgress().forEach(rule -> all.addAll(rule.getTo()));
            }
            for (NetworkPolicyPeer peer : all) {
                if (peer.getIpBlock() != null) {
                    peers.add("ipBlock:" + peer.getIpBlock().getCidr());
                } else if (peer.getNamespaceSelector() != null) {
                    peers.add("namespace:"
                            + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
                } else {
                    peers.add(peer.getPodSelector().getMatchLabels().get(NAME));
                }
            }
        }
        return peers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyApplicationScalesAndHasADisruptionBudget(String overlay) {
        List<HasMetadata> resources = load(overlay);
        for (String app : APPS) {
            assertThat(deployment(resources, app).getSpec().getReplicas())
                    .as(app + ": the autoscaler owns the count")
                    .isNull();
            HorizontalPodAutoscaler hpa = named(resources, HorizontalPodAutoscaler.class, app);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(app);
            if (overlay.equals("local")) {
                assertThat(hpa.getSpec().getMinReplicas()).as(app).isEqualTo(1);
                assertThat(hpa.getSpec().getMaxReplicas()).as(app).isEqualTo(1);
            } else {
                assertThat(hpa.getSpec().getMinReplicas()).as(app).isGreaterThanOrEqualTo(2);
                assertThat(hpa.getSpec().getMaxReplicas())
                        .as(app)
                        .isGreaterThan(hpa.getSpec().getMinReplicas());
            }
            PodDisruptionBudget budget = named(resources, PodDisruptionBudget.class, app);
            assertThat(budget.getSpec().getSelector().getMatchLabels()).containsEntry(NAME, app);
        }
        assertThat(named(resources, Deployment.class, "keycloak").getSpec().getReplicas())
                .isEqualTo(overlay.equals("local") ? 1 : 2);
    }

    /**
     * The four images carry the registry the overlay's images: entry sets, as the Maven build names
     * them; locally by the tag the build gave them, in production by digest only (a reused tag
     * such as a SNAPSHOT could change under a running system). Every other image in production
     * names an exact version (their digests are pinned by Renovate, renovate.json).
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theApplicationImagesCarryTheOverlaysTagLocallyAndADigestInProduction(String overlay) {
        List<HasMetadata> resources = load(overlay);
        Map<String, Object> kustomization = Manifests.yamlFile(
                Manifests.K8S.resolve("overlays").resolve(overlay).resolve("kustomization.yaml"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) kustomization.get("images");
        Map<String, String> expected = new HashMap<>();
        for (Map<String, Object> image : images) {
            if (overlay.equals("production")) {
                assertThat(image).as(image.get("name") + ": by digest, no tag").doesNotContainKey("newTag");
                assertThat(String.valueOf(image.get("digest")))
                        .as(image.get("name") + " digest")
                        .matches("sha256:[0-9a-f]{64}");
                expected.put(image.get("name").toString(), image.get("newName") + "@" + image.get("digest"));
            } else {
                expected.put(image.get("name").toString(), image.get("newName") + ":" + image.get("newTag"));
            }
        }
        assertThat(expected)
                .containsOnlyKeys(APPS.stream().map(a -> "dapp-" + a).toList());
        if (overlay.equals("local")) {
            assertThat(images.stream().map(i -> i.get("newTag")).distinct())
                    .as("one tag for all four")
                    .hasSize(1);
        }
        for (String app : APPS) {
            String image = deployment(resources, app)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getImage();
            assertThat(image)
                    .as(app)
                    .isEqualTo(expected.get("dapp-" + app))
                    .contains("/dapp-" + app + (overlay.equals("local") ? ":" : "@sha256:"));
        }
        if (overlay.equals("production")) {
            for (Workload workload : workloads(resources)) {
                List<Container> containers = new ArrayList<>(workload.spec().getContainers());
                if (workload.spec().getInitContainers() != null) {
                    containers.addAll(workload.spec().getInitContainers());
                }
                for (Container container : containers) {
                    assertThat(container.getImage())
                            .as(workload.name() + " " + container.getName())
                            .matches(".+@sha256:[0-9a-f]{64}|.+:[0-9]+\\.[0-9]+(\\.[0-9]+)?(-[a-z0-9.]+)?");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void keycloakRunsInProductionModeWithTheIssuerTheServicesExpect(String overlay) {
        List<HasMetadata> resources = load(overlay);
        Deployment keycloak = named(resources, Deployment.class, "keycloak");
        Container container =
                keycloak.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getArgs())
                .contains("start", "--optimized", "--import-realm")
                .doesNotContain("start-dev");
        assertThat(keycloak.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getInitContainers()
                        .get(0)
                        .getCommand()
                        .get(2))
                .contains("kc.sh build --db=postgres");
        String hostname =
                named(resources, ConfigMap.class, "keycloak-config").getData().get("KC_HOSTNAME");
        String issuer =
                named(resources, ConfigMap.class, "dapp-config").getData().get("DAPP_KEYCLOAK_ISSUER");
        assertThat(hostname).startsWith("https://");
        assertThat(issuer).isEqualTo(hostname + "/realms/dapp");
        Ingress ingress = named(resources, Ingress.class, "dapp");
        assertThat(ingress.getSpec().getTls())
                .singleElement()
                .satisfies(tls -> assertThat(tls.getHosts())
                        .containsExactlyInAnyOrder(
                                hostname.substring("https://".length()),
                                ingress.getSpec().getRules().get(0).getHost()));
        assertThat(ingress.getSpec().getRules())
                .flatExtracting(rule -> rule.getHttp().getPaths())
                .extracting(path -> path.getBackend().getService().getName())
                .containsOnly("gateway", "keycloak");
        // the web app at the root of the API's host, each browser kept on the replica holding its session
        Ingress web = named(resources, Ingress.class, "dapp-web");
        String host = ingress.getSpec().getRules().get(0).getHost();
        assertThat(web.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo(host);
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/");
                assertThat(path.getBackend().getService().getName()).isEqualTo("web");
            });
        });
        assertThat(web.getSpec().getTls())
                .singleElement()
                .satisfies(tls -> assertThat(tls.getHosts()).containsExactly(host));
        assertThat(web.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/session-cookie-secure", "true");
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths())
                .extracting(path -> path.getPath())
                .containsExactly("/api");
        // the realm: demo users only in local
        JsonNode realm = realmIn(resources);
        List<String> people = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (!u.hasNonNull("serviceAccountClientId")) {
                people.add(u.path("username").asText());
            }
        });
        if (overlay.equals("local")) {
            assertThat(people).contains("demo-offender-manager", "demo-partner-support-worker");
        } else {
            assertThat(people).as("no demo users in production").isEmpty();
            // no password grant at all; the web app's client is confidential with PKCE and an https redirect
            realm.path("clients")
                    .forEach(client -> assertThat(
                                    client.path("directAccessGrantsEnabled").asBoolean(false))
                            .as(client.path("clientId").asText() + " has the password grant")
                            .isFalse());
            JsonNode webClient = null;
            for (JsonNode client : realm.path("clients")) {
                if (client.path("clientId").asText().equals("dapp-web")) {
                    webClient = client;
                }
            }
            assertThat(webClient).as("the web app's client").isNotNull();
            assertThat(webClient.path("publicClient").asBoolean(true)).isFalse();
            assertThat(webClient.path("secret").asText()).isEqualTo("${DAPP_WEB_CLIENT_SECRET}");
            assertThat(webClient
                            .path("attributes")
                            .path("pkce.code.challenge.method")
                            .asText())
                    .isEqualTo("S256");
            assertThat(webClient.path("redirectUris").toString()).isEqualTo("[\"https://${DAPP_PUBLIC_HOST}/*\"]");
            assertThat(realm.toString()).doesNotContain("demo-secret").doesNotContain("\"password\"");
            assertThat(realm.path("groups"))
                    .as("the demo teams are not a partnership's")
                    .isEmpty();
            Set<String> env = env(container).keySet();
            realm.path("clients").forEach(client -> {
                if (client.has("secret")) {
                    String variable =
                            RealmFiles.secretVariable(client.path("clientId").asText());
                    assertThat(client.path("secret").asText()).isEqualTo("${" + variable + "}");
                    assertThat(env)
                            .as("Keycloak gets " + variable + " from a Secret")
                            .contains(variable);
                }
            });
        }
    }

    private static JsonNode realmIn(List<HasMetadata> resources) {
        try {
            return RealmFiles.JSON.readTree(named(resources, ConfigMap.class, "keycloak-realm")
                    .getData()
                    .get("dapp-realm.json"));
        } catch (Exception e) {
            throw new AssertionError("the keycloak-realm ConfigMap holds no valid dapp-realm.json", e);
        }
    }

    /** The overlays' realm copies are what RealmFiles derives from keycloak/dapp-realm.json. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theRealmCopiesFollowTheRealmFile(String overlay) {
        JsonNode expected = RealmFiles.derive(overlay);
        var copy = RealmFiles.copy(overlay);
        if (Boolean.getBoolean("dapp.k8s.syncRealm")) {
            RealmFiles.write(copy, expected);
        }
        if (!RealmFiles.read(copy).equals(expected)) {
            fail(Manifests.ROOT.relativize(copy) + " is out of date with keycloak/dapp-realm.json: run "
                    + "./mvnw -pl k8s test -Ddapp.k8s.syncRealm=true and commit the result");
        }
    }
}
