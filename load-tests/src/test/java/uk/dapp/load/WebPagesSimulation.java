package uk.dapp.load;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web app's pages of an offender manager's working day (issue 20, item 2): the start page, the
 * cohort, a case page, the nominal's page and the disruption tasks, over the demo population's cases,
 * in three models of "50 practitioners" and the saturation point.
 * <ol>
 * <li><b>Without pause</b>: 50 virtual practitioners each sign in as a person does (the web app's
 * redirect to Keycloak's login form, the demo login, authorization code flow, the session cookie
 * kept), then read page after page with no pause, for {@code seconds} once all 50 have signed in: 50
 * pages always in flight, a stress far harsher than 50 people at work. A warm-up by 8 comes first.
 * <li><b>At work</b>: the same 50 signed-in sessions, each reading a page and then working on it
 * for {@code thinkSeconds} on average (uniformly between half and one and a half times it, so the
 * 50 do not move in step) before the next, for {@code atWorkSeconds}: the p95 of this phase against
 * the 300 ms bar is the figure for 50 people at work.
 * <li><b>Ramp</b>: an open ramp of arrivals, from 1 to {@code maxRate} pages a second over
 * {@code rampSeconds}, each arrival one page of the working day in one of the signed-in sessions:
 * the saturation point is the arrival rate at which the p99 of 5-second windows first passes 1 s and
 * stays past it in the next window (a single window's p99 is one slow page on a shared machine),
 * printed as "practitioners served by one machine" at one page every {@code thinkSeconds} each.
 * </ol>
 * The sign-ins are timed apart. Every practitioner is the same demo user, so the web app must call
 * a gateway with the per-user rate limit raised ({@code load-tests/second-web.sh}).
 * <pre>
 * ./mvnw -B -Pload-tests -pl load-tests gatling:test -Dgatling.simulationClass=uk.dapp.load.WebPagesSimulation \
 *     -Dweb=http://127.0.0.1:8094 -Dgateway=http://127.0.0.1:8084 -Dkeycloak=http://127.0.0.1:8180 \
 *     [-Dseconds=60 -DthinkSeconds=10 -DatWorkSeconds=120 -DmaxRate=60 -DrampSeconds=120]
 * </pre>
 */
public class WebPagesSimulation extends Simulation {

    private static final String WEB = Target.property("web", "http://127.0.0.1:8090");
    private static final String WEB_HOST = URI.create(WEB).getHost();
    private static final String SESSION_COOKIE = "DAPP_SESSION";
    private static final String USER = "demo-offender-manager";
    private static final String KEYCLOAK_HOST = URI.create(Target.KEYCLOAK).getHost();
    private static final String KEYCLOAK_PATH = "/realms/dapp/";
    private static final int SECONDS = Target.intProperty("seconds", 60);
    private static final int WARM_UP_SECONDS = Target.intProperty("warmUpSeconds", 20);
    /**
     * The assumption of the "at work" phase and of "practitioners served": a practitioner at work
     * opens one page every 10 s on average. Reading a cohort of 25, a nominal's score explained
     * incident by incident or a case page, and acting on it, takes most people far longer; 10 s is a
     * practitioner clicking through their work quickly, so the figure leans to the harsh side (the
     * composed case view's run assumes one case page every 30 s).
     */
    private static final int THINK_SECONDS = Target.intProperty("thinkSeconds", 10);

    private static final int AT_WORK_SECONDS = Target.intProperty("atWorkSeconds", 120);
    private static final int MAX_RATE = Target.intProperty("maxRate", 60);
    private static final int RAMP_SECONDS = Target.intProperty("rampSeconds", 120);
    private static final int PRACTITIONERS = 50;
    private static final int SIGN_IN_SPACING_SECONDS = Target.intProperty("signInSpacingSeconds", 1);
    /** The pages of the working day, in the order a practitioner moves through them. */
    private static final List<String> PAGES =
            List.of("start page", "cohort", "case page", "nominal", "disruption tasks");

    private static final List<String> PATHS = List.of(
            "/",
            "/risk-matrix/cohort",
            "/cases/#{caseId}",
            "/risk-matrix/nominals/#{caseId}",
            "/risk-matrix/disruption-tasks");
    private static final String WITHOUT_PAUSE = "";
    private static final String AT_WORK = "at work: ";
    private static final String RAMP = "ramp: ";

    private final Recorder recorder = new Recorder();
    private final List<String> cases =
            Target.caseIds(Target.GATEWAY + "/api/risk-matrix/cohort?size=200", Target.token(USER));
    private final HttpProtocolBuilder web = http.baseUrl(WEB)
            .acceptHeader("text/html")
            .disableCaching(); // every page is Cache-Control: no-store anyway
    /** The 50 practitioners' sign-ins that have ended, well or not; their page times count from the last. */
    private final AtomicInteger signInsEnded = new AtomicInteger();

    private final AtomicLong measuredFrom = new AtomicLong();
    /** The 50 practitioners' web sessions, which the later phases read in (a sign-in is not what they measure). */
    private final List<String> sessions = new CopyOnWriteArrayList<>();

    private final AtomicInteger nextSession = new AtomicInteger();
    private volatile long rampStartedAt;
    /**
     * Sign-ins one at a time: with brute-force detection on, Keycloak 26 refuses a login of a user
     * while another login of the same user is in progress (and locks the user for a minute), and
     * every practitioner here is the same demo user. Waiting is a pause, never a blocked thread.
     */
    private final AtomicBoolean signingIn = new AtomicBoolean();

    private ChainBuilder signIn(String label) {
        return asLongAs(session -> !signingIn.compareAndSet(false, true))
                .on(pause(Duration.ofMillis(50)))
                .exec(http(label + ": to Keycloak's form")
                        .get("/")
                        .check(
                                status().is(200),
                                css("#kc-form-login", "action").saveAs("loginAction"),
                                headerRegex("Set-Cookie", "AUTH_SESSION_ID=([^;]+)")
                                        .saveAs("authSession"),
                                headerRegex("Set-Cookie", "KC_RESTART=([^;]+)")
                                        .optional()
                                        .saveAs("restart")))
                // Keycloak marks its login cookies Secure, and Gatling sends a Secure cookie over
                // https only (a browser treats http://127.0.0.1 as secure): given back as plain ones
                .exec(addCookie(Cookie("AUTH_SESSION_ID", "#{authSession}")
                        .withDomain(KEYCLOAK_HOST)
                        .withPath(KEYCLOAK_PATH)))
                .exec(doIf(session -> session.contains("restart"))
                        .then(exec(addCookie(Cookie("KC_RESTART", "#{restart}")
                                .withDomain(KEYCLOAK_HOST)
                                .withPath(KEYCLOAK_PATH)))))
                .exec(http(label + ": signed in")
                        .post("#{loginAction}")
                        .formParam("username", USER)
                        .formParam("password", Target.PASSWORD)
                        .formParam("credentialId", "")
                        .check(
                                status().saveAs("status"),
                                responseTimeInMillis().saveAs("millis"),
                                status().is(200),
                                css("#kc-form-login").notExists(),
                                substring("Sign out").exists()))
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

    /** Reads one page; {@code phase} is null for the warm-up, whose times are not kept. */
    private ChainBuilder page(String phase, int page) {
        String label = phase == null ? "warm-up" : phase + PAGES.get(page);
        return exec(http(label)
                        .get(PATHS.get(page))
                        .check(
                                status().saveAs("status"),
                                responseTimeInMillis().saveAs("millis"),
                                status().is(200),
                                css("#kc-form-login").notExists()))
                .exec(session -> {
                    // without pause, a page counts once all 50 are signed in and reading, and only in the measured
                    // window
                    boolean measured = phase == null || !phase.equals(WITHOUT_PAUSE) || measuredFrom.get() > 0;
                    if (measured && session.getInt("status") == 200 && !session.isFailed()) {
                        recorder.ok(label, session.getInt("millis"));
                        if (phase != null) {
                            recorder.ok(phase + "every page", session.getInt("millis"));
                        }
                    } else if (measured) {
                        recorder.failed(label);
                        if (phase != null) {
                            recorder.failed(phase + "every page");
                        }
                    }
                    return session.markAsSucceeded();
                });
    }

    private ChainBuilder randomCase() {
        return exec(session ->
                session.set("caseId", cases.get(ThreadLocalRandom.current().nextInt(cases.size()))));
    }

    /** The five pages one after another, with {@code thinking} between them (none without pause). */
    private ChainBuilder workingDay(String phase, boolean thinking) {
        ChainBuilder day = randomCase();
        for (int page = 0; page < PAGES.size(); page++) {
            day = day.exec(page(phase, page));
            if (thinking) {
                day = day.pause(Duration.ofMillis(THINK_SECONDS * 500L), Duration.ofMillis(THINK_SECONDS * 1500L));
            }
        }
        return day;
    }

    /** Takes one of the 50 practitioners' signed-in sessions, in turn. */
    private ChainBuilder signedInSession() {
        return exec(session -> session.set(
                        "webSession", sessions.get(Math.floorMod(nextSession.getAndIncrement(), sessions.size()))))
                .exec(addCookie(Cookie(SESSION_COOKIE, "#{webSession}")
                        .withDomain(WEB_HOST)
                        .withPath("/")));
    }

    private boolean measuring() {
        long from = measuredFrom.get();
        return from == 0 || System.currentTimeMillis() < from + SECONDS * 1000L;
    }

    {
        setUp(scenario("warm-up")
                .exec(signIn("warm-up sign-in"))
                .exitHereIfFailed()
                .during(Duration.ofSeconds(WARM_UP_SECONDS))
                .on(workingDay(null, false))
                .injectOpen(rampUsers(8).during(Duration.ofSeconds(8 * SIGN_IN_SPACING_SECONDS)))
                .protocols(web)
                .andThen(scenario("50 practitioners without pause")
                        .exec(signIn("sign-in"))
                        .exec(session -> {
                            if (signInsEnded.incrementAndGet() == PRACTITIONERS) {
                                measuredFrom.set(System.currentTimeMillis());
                            }
                            return session;
                        })
                        .exitHereIfFailed()
                        .exec(getCookieValue(
                                CookieKey(SESSION_COOKIE).withDomain(WEB_HOST).saveAs("signedIn")))
                        .exec(session -> {
                            sessions.add(session.getString("signedIn"));
                            return session;
                        })
                        .asLongAs(session -> measuring())
                        .on(workingDay(WITHOUT_PAUSE, false))
                        .injectOpen(rampUsers(PRACTITIONERS)
                                .during(Duration.ofSeconds(PRACTITIONERS * SIGN_IN_SPACING_SECONDS)))
                        .protocols(web))
                .andThen(scenario("50 practitioners at work")
                        .exec(signedInSession())
                        // each starts somewhere in their first think time, so the 50 are spread out from the start
                        .pause(Duration.ZERO, Duration.ofSeconds(THINK_SECONDS))
                        .during(Duration.ofSeconds(AT_WORK_SECONDS))
                        .on(workingDay(AT_WORK, true))
                        .injectOpen(atOnceUsers(PRACTITIONERS))
                        .protocols(web))
                .andThen(scenario("ramp")
                        .exec(session -> {
                            if (rampStartedAt == 0) {
                                rampStartedAt = System.currentTimeMillis();
                            }
                            return session;
                        })
                        .exec(signedInSession())
                        .exec(randomCase())
                        // one of the five pages, each as likely
                        .uniformRandomSwitch()
                        .on(page(RAMP, 0), page(RAMP, 1), page(RAMP, 2), page(RAMP, 3), page(RAMP, 4))
                        .injectOpen(rampUsersPerSec(1).to(MAX_RATE).during(Duration.ofSeconds(RAMP_SECONDS)))
                        .protocols(web)));
    }

    @Override
    public void after() {
        System.out.printf(
                "%n== Web app pages of an offender manager's working day at %s over %d cases%n", WEB, cases.size());
        System.out.println("== " + recorder.figures("sign-in"));
        System.out.printf(
                "== %d practitioners reading without pause for %d s after all signed in:%n", PRACTITIONERS, SECONDS);
        for (String name : PAGES) {
            System.out.println("==   " + recorder.figures(WITHOUT_PAUSE + name));
        }
        Recorder.Figures all = recorder.figures(WITHOUT_PAUSE + "every page");
        System.out.println("==   " + all);
        System.out.printf(
                "== %d practitioners without pause: p95 of every page %d ms (bar 300 ms)%n", PRACTITIONERS, all.p95());

        System.out.printf(
                "== %d practitioners at work, one page every %d s each on average (%.1f to %.1f s), for %d s:%n",
                PRACTITIONERS, THINK_SECONDS, THINK_SECONDS * 0.5, THINK_SECONDS * 1.5, AT_WORK_SECONDS);
        for (String name : PAGES) {
            System.out.println("==   " + recorder.figures(AT_WORK + name));
        }
        Recorder.Figures atWork = recorder.figures(AT_WORK + "every page");
        System.out.println("==   " + atWork);
        System.out.printf(
                "== %d practitioners at work: p95 of every page %d ms (bar 300 ms)%n", PRACTITIONERS, atWork.p95());

        // saturated: two windows in a row past 1 s (one window's p99 is a single slow page on a shared machine)
        double saturation = recorder.saturation(RAMP + "every page", rampStartedAt, RAMP_SECONDS, MAX_RATE, 2);
        for (String name : PAGES) {
            System.out.println("==   " + recorder.figures(RAMP + name));
        }
        System.out.println("==   " + recorder.figures(RAMP + "every page"));
        if (saturation < 0) {
            System.out.printf(
                    "== p99 stayed under 1 s up to %d pages/s: saturation above that; at least %,d practitioners "
                            + "served by one machine (one page every %d s each)%n",
                    MAX_RATE, MAX_RATE * THINK_SECONDS, THINK_SECONDS);
        } else {
            System.out.printf(
                    "== saturation (p99 past 1 s) at about %.0f pages/s: about %,.0f practitioners served by one "
                            + "machine, assuming each opens a page every %d s while at work%n",
                    saturation, saturation * THINK_SECONDS, THINK_SECONDS);
        }
    }
}
