package uk.dapp.web.outcomes.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The extract through the running web app (its real server, Tomcat), an evaluator signed in by the
 * authorization code flow against a stand-in Keycloak, with a stand-in gateway that writes the
 * extract as the test directs:
 * <ul>
 * <li>the statement page reads the gateway's headers and closes the answer: the gateway could write
 * only a small part of a 256 MB extract before the web app let go of it;</li>
 * <li>the download reaches the browser while the gateway is still writing it (the gateway holds the
 * rest back until the browser has the first part: a web app that held the extract whole would never
 * pass it on);</li>
 * <li>a gateway that breaks off mid-way leaves the browser with a broken download, never a response
 * that ends as if whole, and nothing added to the file.</li>
 * </ul>
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dapp.web.secure-cookies=false")
class ExtractStreamingTest {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/dapp";
    private static final String HEADER_LINE = "pseudonym,ageBand,sex,area,period\r\n";
    private static final String ROW = "psn_0123456789abcdefghjkm,18-27,MALE,NORTHSHIRE,2026-Q3\r\n";

    private static HttpServer fake;
    private static RSAKey key;
    private static final AtomicReference<String> nonce = new AtomicReference<>();
    private static final AtomicReference<Behaviour> extract = new AtomicReference<>();
    private static final AtomicReference<String> tokenSeen = new AtomicReference<>();

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    int port;

    /** How the stand-in gateway writes the extract's body, after the headers. */
    interface Behaviour {
        void write(OutputStream body) throws IOException;
    }

    @BeforeAll
    static void startTheStandIns() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/realms/dapp/protocol/openid-connect/token", ExtractStreamingTest::token);
        fake.createContext(
                "/realms/dapp/protocol/openid-connect/certs",
                exchange -> answer(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        fake.createContext("/api/outcomes/extract", ExtractStreamingTest::extract);
        fake.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        fake.start();
    }

    @AfterAll
    static void stopTheStandIns() {
        fake.stop(0);
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + fake.getAddress().getPort();
        registry.add("dapp.web.gateway-url", () -> base);
        registry.add("dapp.web.keycloak.issuer", () -> ISSUER);
        registry.add("dapp.web.keycloak.backchannel-url", () -> base + "/realms/dapp");
    }

    @BeforeEach
    void signInAsTheEvaluator() throws Exception {
        HttpResponse<String> toKeycloak = get("/oauth2/authorization/keycloak");
        var query = UriComponentsBuilder.fromUriString(
                        toKeycloak.headers().firstValue("Location").orElseThrow())
                .build()
                .getQueryParams();
        nonce.set(query.getFirst("nonce"));
        HttpResponse<String> back = get("/login/oauth2/code/keycloak?code=a-code&state=" + query.getFirst("state"));
        assertThat(back.statusCode()).as("signed in: " + back.headers().map()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    @Test
    void theStatementIsReadFromTheHeadersAndTheRestIsNeverFetched() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        extract.set(body -> {
            byte[] rows = ROW.repeat(1024).getBytes(StandardCharsets.US_ASCII);
            try {
                body.write(HEADER_LINE.getBytes(StandardCharsets.US_ASCII));
                while (written.get() < 256L * 1024 * 1024) {
                    body.write(rows);
                    body.flush();
                    written.addAndGet(rows.length);
                }
            } finally {
                done.countDown();
            }
        });

        HttpResponse<String> page = get("/outcomes/extract/statement?format=csv");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body())
                        .selectFirst(".dapp-extract-released")
                        .text())
                .isEqualTo("37");
        assertThat(tokenSeen.get()).isEqualTo("Bearer evaluator-access-token");
        assertThat(done.await(60, TimeUnit.SECONDS))
                .as("the gateway's writing ended: the web app closed the answer")
                .isTrue();
        assertThat(written.get())
                .as("bytes of the extract the gateway could write before the web app let go")
                .isLessThan(32L * 1024 * 1024);
    }

    @Test
    void theDownloadReachesTheBrowserWhileTheGatewayIsStillWritingIt() throws Exception {
        CountDownLatch browserHasTheFirstPart = new CountDownLatch(1);
        AtomicBoolean restWritten = new AtomicBoolean();
        String first = HEADER_LINE + ROW.repeat(2000);
        String rest = ROW.repeat(3000);
        extract.set(body -> {
            body.write(first.getBytes(StandardCharsets.US_ASCII));
            body.flush();
            try {
                browserHasTheFirstPart.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            restWritten.set(true);
            body.write(rest.getBytes(StandardCharsets.US_ASCII));
        });

        HttpResponse<InputStream> download =
                browser.send(request(downloadHref()), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment;");
        assertThat(download.headers().firstValue("Content-Length"))
                .as("streamed: its length is not known ahead")
                .isEmpty();
        try (InputStream in = download.body()) {
            byte[] firstPart = in.readNBytes(first.length());
            assertThat(restWritten.get())
                    .as("the first part arrived before the gateway wrote the rest")
                    .isFalse();
            assertThat(new String(firstPart, StandardCharsets.US_ASCII)).isEqualTo(first);
            browserHasTheFirstPart.countDown();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(rest);
        }
    }

    @Test
    void aGatewayThatBreaksOffLeavesABrokenDownloadNeverAWholeLookingOne() throws Exception {
        String first = HEADER_LINE + ROW.repeat(500);
        extract.set(body -> {
            body.write(first.getBytes(StandardCharsets.US_ASCII));
            body.flush();
            throw new IllegalStateException("the stand-in gateway breaks off here");
        });

        HttpResponse<InputStream> download =
                browser.send(request(downloadHref()), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(download.statusCode()).isEqualTo(200);
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        try (InputStream in = download.body()) {
            assertThatThrownBy(() -> in.transferTo(received))
                    .as("the download does not end as if whole")
                    .isInstanceOf(IOException.class);
        }
        assertThat(received.toString(StandardCharsets.US_ASCII))
                .as("what arrived is the extract's start, nothing added")
                .isEqualTo(first.substring(0, received.size()))
                .doesNotContain("<html");
    }

    /** The statement page's download link (its snapshot and the statement's digest). */
    private String downloadHref() throws Exception {
        Behaviour download = extract.get();
        extract.set(body -> body.write(HEADER_LINE.getBytes(StandardCharsets.US_ASCII)));
        String href = Jsoup.parse(get("/outcomes/extract/statement?format=csv").body())
                .selectFirst("a.govuk-button")
                .attr("href");
        extract.set(download);
        return href;
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    // the stand-ins

    private static void token(HttpExchange exchange) throws IOException {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .subject("evaluator-subject")
                    .audience("dapp-web")
                    .claim("azp", "dapp-web")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("nonce", nonce.get())
                    .claim("preferred_username", "demo-evaluator")
                    .claim("name", "Demo Evaluator")
                    .claim("realm_access", Map.of("roles", List.of("evaluator")))
                    .build();
            SignedJWT idToken = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            idToken.sign(new RSASSASigner(key));
            answer(exchange, 200, "application/json", """
                    {"access_token":"evaluator-access-token","token_type":"Bearer","expires_in":300,
                     "refresh_token":"a-refresh-token","id_token":"%s","scope":"openid profile"}""".formatted(idToken.serialize()));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IOException(e);
        }
    }

    private static void extract(HttpExchange exchange) throws IOException {
        tokenSeen.set(exchange.getRequestHeaders().getFirst("Authorization"));
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/csv;charset=UTF-8");
        headers.set(
                "X-Extract-Statement",
                "k-anonymity with k = 5 on age, sex, area and period: nothing generalised; "
                        + "3 of 40 rows (7.5%) suppressed as in classes smaller than 5.");
        headers.set("X-Extract-K", "5");
        headers.set("X-Extract-Total-Rows", "40");
        headers.set("X-Extract-Suppressed-Rows", "3");
        headers.set("X-Extract-Generalised", "");
        exchange.sendResponseHeaders(200, 0); // chunked: the length is not known ahead
        OutputStream body = exchange.getResponseBody();
        try {
            extract.get().write(body);
        } catch (IOException clientWentAway) {
            // the web app closed the answer: what the statement page does
        }
        body.close();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
