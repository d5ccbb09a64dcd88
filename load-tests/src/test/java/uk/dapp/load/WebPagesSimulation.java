package uk.dapp.load;

import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web app's pages of an offender manager's working day (issue 20, item 2): each virtual
 * practitioner signs in as a person does, through the web app's redirect to Keycloak's login form
 * (the demo login, authorization code flow, the session cookie kept), then reads page after page
 * with no pause: the start page, the cohort, a case page, the nominal's page and the disruption
 * tasks, over the demo population's cases. First a warm-up by 8 practitioners, then 50, signing in
 * a second apart: their page times count only once all 50 have signed in, for {@code seconds} from
 * then (p95 against the 300 ms bar). The sign-ins are timed apart. Every practitioner is the same demo user, so the web
 * app must call a gateway with the per-user rate limit raised ({@code load-tests/second-web.sh}).
 * <pre>
 * ./mvnw -B -Pload-tests -pl load-tests gatling:test -Dgatling.simulationClass=uk.dapp.load.WebPagesSimulation \
 *     -Dweb=http://127.0.0.1:8094 -Dgateway=http://127.0.0.1:8084 -Dkeycloak=http://127.0.0.1:8180 [-Dseconds=60]
 * </pre>
 */
public class WebPagesSimulation extends Simulation {

    private static final String WEB = Target.property("web", "http://127.0.0.1:8090");
    private static final String USER = "demo-offender-manager";
    private static final String KEYCLOAK_HOST = URI.create(Target.KEYCLOAK).getHost();
    private static final String KEYCLOAK_PATH = "/realms/dapp/";
    private static final int SECONDS = Target.intProperty("seconds", 60);
    private static final int WARM_UP_SECONDS = Target.intProperty("warmUpSeconds", 20);
    private static final int PRACTITIONERS = 50;
    private static final int SIGN_IN_SPACING_SECONDS = Target.intProperty("signInSpacingSeconds", 1);
    /** The pages of the working day, in the order a practitioner moves through them. */
    private static final List<String> PAGES = List.of("start page", "cohort", "case page", "nominal", "disruption tasks");

    private final Recorder recorder = new Recorder();
    private final List<String> cases = Target.caseIds(Target.GATEWAY + "/api/risk-matrix/cohort?size=200", Target.token(USER));
    private final HttpProtocolBuilder web = http.baseUrl(WEB).acceptHeader("text/html")
            .disableCaching(); // every page is Cache-Control: no-store anyway
    /** The 50 practitioners' sign-ins that have ended, well or not; their page times count from the last. */
    private final AtomicInteger signInsEnded = new AtomicInteger();
    private final AtomicLong measuredFrom = new AtomicLong();
    /**
     * Sign-ins one at a time: with brute-force detection on, Keycloak 26 refuses a login of a user
     * while another login of the same user is in progress (and locks the user for a minute), and
     * every practitioner here is the same demo user. Waiting is a pause, never a blocked thread.
     */
    private final AtomicBoolean signingIn = new AtomicBoolean();

    private ChainBuilder signIn(String label) {
        return asLongAs(session -> !signingIn.compareAndSet(false, true)).on(pause(Duration.ofMillis(50)))
                .exec(http(label + ": to Keycloak's form").get("/")
                .check(status().is(200), css("#kc-form-login", "action").saveAs("loginAction"),
                        headerRegex("Set-Cookie", "AUTH_SESSION_ID=([^;]+)").saveAs("authSession"),
                        headerRegex("Set-Cookie", "KC_RESTART=([^;]+)").optional().saveAs("restart")))
                // Keycloak marks its login cookies Secure, and Gatling sends a Secure cookie over
                // https only (a browser treats http://127.0.0.1 as secure): given back as plain ones
                .exec(addCookie(Cookie("AUTH_SESSION_ID", "#{authSession}").withDomain(KEYCLOAK_HOST).withPath(KEYCLOAK_PATH)))
                .exec(doIf(session -> session.contains("restart")).then(
                        exec(addCookie(Cookie("KC_RESTART", "#{restart}").withDomain(KEYCLOAK_HOST).withPath(KEYCLOAK_PATH)))))
                .exec(http(label + ": signed in").post("#{loginAction}")
                        .formParam("username", USER).formParam("password", Target.PASSWORD).formParam("credentialId", "")
                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("millis"), status().is(200),
                                css("#kc-form-login").notExists(), substring("Sign out").exists()))
                .exec(session -> {
                    signingIn.set(false);
                    if (!session.isFailed()) {
                        recorder.ok(label, session.getInt("millis"));
                    } else {
                        recorder.failed(label);
                    }
                    return session;
                });
    }

    private ChainBuilder page(String name, String path, boolean counted) {
        String label = counted ? name : "warm-up";
        return exec(http(label).get(path)
                .check(status().saveAs("status"), responseTimeInMillis().saveAs("millis"), status().is(200),
                        css("#kc-form-login").notExists()))
                .exec(session -> {
                    // a page counts once all 50 are signed in and reading, and only in the measured window
                    boolean measured = !counted || measuredFrom.get() > 0;
                    if (measured && session.getInt("status") == 200 && !session.isFailed()) {
                        recorder.ok(label, session.getInt("millis"));
                        if (counted) {
                            recorder.ok("every page", session.getInt("millis"));
                        }
                    } else if (measured) {
                        recorder.failed(label);
                        if (counted) {
                            recorder.failed("every page");
                        }
                    }
                    return session.markAsSucceeded();
                });
    }

    private ChainBuilder workingDay(boolean counted) {
        return exec(session -> session.set("caseId", cases.get(ThreadLocalRandom.current().nextInt(cases.size()))))
                .exec(page(PAGES.get(0), "/", counted))
                .exec(page(PAGES.get(1), "/risk-matrix/cohort", counted))
                .exec(page(PAGES.get(2), "/cases/#{caseId}", counted))
                .exec(page(PAGES.get(3), "/risk-matrix/nominals/#{caseId}", counted))
                .exec(page(PAGES.get(4), "/risk-matrix/disruption-tasks", counted));
    }

    private boolean measuring() {
        long from = measuredFrom.get();
        return from == 0 || System.currentTimeMillis() < from + SECONDS * 1000L;
    }

    {
        setUp(scenario("warm-up").exec(signIn("warm-up sign-in")).exitHereIfFailed()
                .during(Duration.ofSeconds(WARM_UP_SECONDS)).on(workingDay(false))
                .injectOpen(rampUsers(8).during(Duration.ofSeconds(8 * SIGN_IN_SPACING_SECONDS))).protocols(web)
                .andThen(scenario("50 practitioners").exec(signIn("sign-in")).exec(session -> {
                            if (signInsEnded.incrementAndGet() == PRACTITIONERS) {
                                measuredFrom.set(System.currentTimeMillis());
                            }
                            return session;
                        }).exitHereIfFailed()
                        .asLongAs(session -> measuring()).on(workingDay(true))
                        .injectOpen(rampUsers(PRACTITIONERS).during(Duration.ofSeconds(PRACTITIONERS * SIGN_IN_SPACING_SECONDS)))
                        .protocols(web)));
    }

    @Override
    public void after() {
        System.out.printf("%n== Web app pages of an offender manager's working day at %s over %d cases, %d practitioners "
                + "reading without pause for %d s after all signed in%n", WEB, cases.size(), PRACTITIONERS, SECONDS);
        System.out.println("== " + recorder.figures("sign-in"));
        for (String name : PAGES) {
            System.out.println("== " + recorder.figures(name));
        }
        Recorder.Figures all = recorder.figures("every page");
        System.out.println("== " + all);
        System.out.printf("== %d practitioners without pause: p95 of every page %d ms (bar 300 ms)%n", PRACTITIONERS, all.p95());
    }
}
