package uk.dapp.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keycloak's database is replicated in production (a CloudNativePG cluster, not one pod), both
 * databases are backed up on a schedule, and k8s/README.md says how to restore each.
 */
class DatabasesAndBackupsTest {

    private static List<HasMetadata> load(String source) {
        if (!source.equals("base")) {
            Assumptions.assumeTrue(
                    Manifests.kubectlPresent(), "kubectl is not on the PATH: " + source + " not rendered");
        }
        return Manifests.of(source);
    }

    private static GenericKubernetesResource operatorResource(List<HasMetadata> resources, String kind, String name) {
        return Manifests.all(resources, GenericKubernetesResource.class).stream()
                .filter(r ->
                        r.getKind().equals(kind) && r.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(GenericKubernetesResource resource, String... path) {
        Object node = resource.getAdditionalProperties();
        for (String key : path) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return (T) node;
    }

    @Test
    void keycloaksDatabaseIsAReplicatedClusterInProduction() {
        List<HasMetadata> resources = load("production");
        assertThat(Manifests.all(resources, StatefulSet.class))
                .extracting(s -> s.getMetadata().getName())
                .doesNotContain("keycloak-postgres");
        GenericKubernetesResource cluster = operatorResource(resources, "Cluster", "keycloak-db");
        assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(cluster.getMetadata().getNamespace()).isEqualTo("dapp");
        assertThat((Integer) at(cluster, "spec", "instances")).isGreaterThanOrEqualTo(3);
        assertThat((Integer) at(cluster, "spec", "postgresql", "synchronous", "number"))
                .as("a synchronous standby")
                .isGreaterThanOrEqualTo(1);
        assertThat((String) at(cluster, "spec", "affinity", "podAntiAffinityType"))
                .isEqualTo("required");
        assertThat((String) at(cluster, "spec", "affinity", "topologyKey")).isEqualTo("kubernetes.io/hostname");
        assertThat((String) at(cluster, "spec", "bootstrap", "initdb", "secret", "name"))
                .isEqualTo("keycloak-postgres");
        assertThat((String) at(cluster, "spec", "bootstrap", "initdb", "database"))
                .isEqualTo("keycloak");
        assertThat((String) at(cluster, "spec", "imageName"))
                .matches(".+:[0-9]+\\.[0-9]+(-[a-z0-9.-]+)?|.+@sha256:[0-9a-f]{64}");
        assertThat((String) at(cluster, "spec", "inheritedMetadata", "labels", "app.kubernetes.io/name"))
                .as("the pods' label, which the network policies select on")
                .isEqualTo("keycloak-db");
        // Keycloak talks to the primary through the cluster's read-write Service
        ConfigMap config = Manifests.all(resources, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("keycloak-config-"))
                .findFirst()
                .orElseThrow();
        assertThat(config.getData().get("KC_DB_URL")).isEqualTo("jdbc:postgresql://keycloak-db-rw:5432/keycloak");
    }

    @Test
    void keycloaksDatabaseArchivesItsWalAndIsBackedUpNightlyOutsideTheCluster() {
        List<HasMetadata> resources = load("production");
        GenericKubernetesResource cluster = operatorResource(resources, "Cluster", "keycloak-db");
        List<Map<String, Object>> plugins = at(cluster, "spec", "plugins");
        assertThat(plugins).singleElement().satisfies(plugin -> {
            assertThat(plugin.get("name")).isEqualTo("barman-cloud.cloudnative-pg.io");
            assertThat(plugin.get("isWALArchiver")).isEqualTo(true);
            assertThat(((Map<?, ?>) plugin.get("parameters")).get("barmanObjectName"))
                    .isEqualTo("keycloak-db-backups");
        });
        GenericKubernetesResource store = operatorResource(resources, "ObjectStore", "keycloak-db-backups");
        assertThat((String) at(store, "spec", "retentionPolicy")).matches("[0-9]+[dwm]");
        assertThat((String) at(store, "spec", "configuration", "destinationPath"))
                .startsWith("s3://");
        assertThat((String) at(store, "spec", "configuration", "s3Credentials", "secretAccessKey", "name"))
                .isEqualTo("keycloak-db-backup-credentials");
        GenericKubernetesResource nightly = operatorResource(resources, "ScheduledBackup", "keycloak-db-nightly");
        assertThat((String) at(nightly, "spec", "cluster", "name")).isEqualTo("keycloak-db");
        assertThat((String) at(nightly, "spec", "method")).isEqualTo("plugin");
        assertThat((String) at(nightly, "spec", "pluginConfiguration", "name"))
                .isEqualTo("barman-cloud.cloudnative-pg.io");
        // six fields (seconds first), once a day
        assertThat((String) at(nightly, "spec", "schedule")).matches("[0-9]+ [0-9]+ [0-9]+ \\* \\* \\*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "local", "production"})
    void mongodbIsDumpedNightlyToItsBackupVolume(String source) {
        List<HasMetadata> resources = load(source);
        CronJob backup = Manifests.all(resources, CronJob.class).stream()
                .filter(c -> c.getMetadata().getName().equals("mongodb-backup"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CronJob mongodb-backup"));
        assertThat(backup.getSpec().getSchedule()).matches("[0-9]+ [0-9]+ \\* \\* \\*");
        assertThat(backup.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        PodSpec pod = backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Container dump = pod.getContainers().get(0);
        String script = String.join(" ", dump.getCommand());
        assertThat(script)
                .contains("mongodump", "--oplog", "--gzip", "--archive=", "replicaSet=rs0", "readPreference=secondary");
        assertThat(script)
                .as("the password stays off the command line")
                .doesNotContain("$MONGODB_ROOT_PASSWORD@")
                .contains("--config=");
        assertThat(dump.getEnv())
                .filteredOn(e -> e.getName().equals("MONGODB_ROOT_PASSWORD"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.getValueFrom().getSecretKeyRef().getName()).startsWith("mongodb-root"));
        String claim = pod.getVolumes().stream()
                .filter(v -> v.getPersistentVolumeClaim() != null)
                .findFirst()
                .orElseThrow()
                .getPersistentVolumeClaim()
                .getClaimName();
        assertThat(dump.getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/backup"));
        assertThat(Manifests.all(resources, PersistentVolumeClaim.class))
                .extracting(c -> c.getMetadata().getName())
                .contains(claim);
    }

    @Test
    void theReadmeSaysHowToRestoreEachDatabase() throws Exception {
        String readme = Files.readString(Manifests.K8S.resolve("README.md"));
        assertThat(readme)
                .contains(
                        "### Restore MongoDB",
                        "### Restore Keycloak's database",
                        "mongodb-backups",
                        "keycloak-db-backups",
                        "bootstrap:",
                        "recovery:",
                        "mongorestore",
                        "targetTime");
    }
}
