package uk.dapp.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The realm each overlay imports, derived from the one realm file, {@code keycloak/dapp-realm.json}.
 * Kustomize reads no file outside an overlay's folder, so each overlay holds a copy; the test
 * compares the copies with what this class derives, and rewrites them when run with
 * {@code -Ddapp.k8s.syncRealm=true}.
 *
 * <ul>
 * <li>local: the realm file unchanged (demo users, demo client secrets, password grant).</li>
 * <li>production: no users but the clients' service accounts; no teams (the demo's north and south
 * groups: a partnership creates its own, each with its {@code area} attribute); no client with the password grant
 * (the development realm's {@code dapp-cli}, for scripts and tests, is dropped); each confidential
 * client's secret becomes a placeholder {@code ${..._CLIENT_SECRET}} that Keycloak resolves from
 * its environment at import (a Secret); a browser client's ({@code dapp-web}, {@code dapp-api-docs}) redirect URIs
 * become {@code https://${DAPP_PUBLIC_HOST}/*} and its web origins that host only; TLS is required for external requests; names
 * and descriptions no longer speak of demo values.</li>
 * </ul>
 */
final class RealmFiles {

    static final Path SOURCE = Manifests.ROOT.resolve("keycloak/dapp-realm.json");
    static final ObjectMapper JSON = new ObjectMapper();

    private RealmFiles() {}

    static Path copy(String overlay) {
        return Manifests.K8S.resolve("overlays").resolve(overlay).resolve("realm/dapp-realm.json");
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode derive(String overlay) {
        JsonNode realm = read(SOURCE);
        return overlay.equals("production")
                ? ProductionSignIn.apply((ObjectNode) production((ObjectNode) realm.deepCopy()))
                : realm;
    }

    static void write(Path file, JsonNode realm) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The placeholder a confidential client's secret becomes: svc-risk-matrix is SVC_RISK_MATRIX_CLIENT_SECRET. */
    static String secretVariable(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_CLIENT_SECRET";
    }

    private static JsonNode production(ObjectNode realm) {
        realm.put("displayName", "DAPP");
        realm.put("sslRequired", "external");
        ArrayNode users = JSON.createArrayNode();
        for (JsonNode user : realm.path("users")) {
            if (user.hasNonNull("serviceAccountClientId")) {
                users.add(user);
            }
        }
        realm.set("users", users);
        // the demo teams (north, south) and their areas are the demo partnership's; a partnership creates its own
        realm.set("groups", JSON.createArrayNode());
        ArrayNode clients = JSON.createArrayNode();
        for (JsonNode node : realm.path("clients")) {
            ObjectNode client = (ObjectNode) node;
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                continue; // the password grant is for development only
            }
            if (client.has("secret")) {
                String variable = secretVariable(client.path("clientId").asText());
                client.put("secret", "${" + variable + "}");
                client.put(
                        "description",
                        client.path("standardFlowEnabled").asBoolean(false)
                                ? "Confidential client of the web app: authorization code flow with PKCE; its secret is "
                                        + variable + " in Keycloak's environment (the keycloak-clients Secret)."
                                : "Confidential client for service-to-service calls; its secret is " + variable
                                        + " in Keycloak's environment (the keycloak-clients Secret).");
            }
            if (client.path("standardFlowEnabled").asBoolean(false)) {
                client.set("redirectUris", JSON.createArrayNode().add("https://${DAPP_PUBLIC_HOST}/*"));
                if (client.has("webOrigins")) {
                    // the browser's calls to Keycloak (the API documentation's token request) from the public host only
                    client.set("webOrigins", JSON.createArrayNode().add("+"));
                }
            }
            clients.add(client);
        }
        realm.set("clients", clients);
        return realm;
    }
}
