package uk.dapp.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The composed case view (issue 20, item 2), {@code GET /api/cases/{caseId}} through the gateway
 * over the demo population's cases, as an offender manager sees it (the risk matrix and partner
 * support parts; the programme part is not the offender manager's). A view with a part marked
 * unavailable counts as failed. First 50 practitioners at
 * once, each reading case after case with no pause (harsher than 50 people at work) for the
 * phase: p95 against the 300 ms bar. Then an open ramp of arrivals, from 1 to {@code maxRate}
 * requests a second: the saturation point is the arrival rate at which the p99 of a 5-second
 * window first passes 1 s, printed as "practitioners served by one machine" under the stated
 * assumption. Needs a gateway with the rate limit raised (README, "Performance").
 * <pre>
 * ./mvnw -B -Pload-tests -pl load-tests gatling:test -Dgatling.simulationClass=uk.dapp.load.CaseViewSimulation \
 *     -Dgateway=http://127.0.0.1:8084 -Dkeycloak=http://127.0.0.1:8180 [-Dseconds=60 -DmaxRate=120 -DrampSeconds=120]
 * </pre>
 */
public class CaseViewSimulation extends Simulation {

    private static final int SECONDS = Target.intProperty("seconds", 60);
    private static final int MAX_RATE = Target.intProperty("maxRate", 120);
    private static final int RAMP_SECONDS = Target.intProperty("rampSeconds", 120);
    private static final int PRACTITIONERS = 50;
    /** The assumption behind "practitioners served": one case page opened every 30 s while at work. */
    private static final double CASE_VIEWS_PER_PRACTITIONER_PER_SECOND = 1.0 / 30;

    private final Recorder recorder = new Recorder();
    private final String token = Target.token("demo-offender-manager");
    private final List<String> cases = Target.caseIds(Target.GATEWAY + "/api/risk-matrix/cohort?size=200", token);
    private final HttpProtocolBuilder gateway = http.baseUrl(Target.GATEWAY)
            .acceptHeader("application/json")
            .authorizationHeader("Bearer " + token)
            .shareConnections();
    private long rampStartedAt;

    private ChainBuilder readCaseView(String label) {
        return exec(session -> session.set(
                        "caseId", cases.get(ThreadLocalRandom.current().nextInt(cases.size()))))
                .exec(http(label)
                        .get("/api/cases/#{caseId}")
                        .check(
                                status().saveAs("status"),
                                responseTimeInMillis().saveAs("millis"),
                                bodyString().saveAs("body"),
                                status().is(200),
                                substring("\"UNAVAILABLE\"").notExists()))
                .exec(session -> {
                    // a view with a part marked unavailable (a service timed out or its breaker is
                    // open) answers 200 but is a failure here: it did not do the work
                    if (session.getInt("status") == 200
                            && !session.getString("body").contains("\"UNAVAILABLE\"")) {
                        recorder.ok(label, session.getInt("millis"));
                    } else {
                        recorder.failed(label);
                    }
                    return session;
                });
    }

    {
        setUp(scenario("warm-up")
                .during(Duration.ofSeconds(20))
                .on(readCaseView("warm-up"))
                .injectOpen(atOnceUsers(8))
                .protocols(gateway)
                .andThen(scenario("50 practitioners")
                        .during(Duration.ofSeconds(SECONDS))
                        .on(readCaseView("case view, 50 users"))
                        .injectOpen(atOnceUsers(PRACTITIONERS))
                        .protocols(gateway))
                .andThen(scenario("ramp")
                        .exec(session -> {
                            if (rampStartedAt == 0) {
                                rampStartedAt = System.currentTimeMillis();
                            }
                            return session;
                        })
                        .exec(readCaseView("case view, ramp"))
                        .injectOpen(rampUsersPerSec(1).to(MAX_RATE).during(Duration.ofSeconds(RAMP_SECONDS)))
                        .protocols(gateway)));
    }

    @Override
    public void after() {
        System.out.printf(
                "%n== Composed case view: GET /api/cases/{caseId} through %s over %d cases%n",
                Target.GATEWAY, cases.size());
        Recorder.Figures fifty = recorder.figures("case view, 50 users");
        System.out.println("== " + fifty);
        System.out.printf("== 50 practitioners without pause: p95 %d ms (bar 300 ms)%n", fifty.p95());
        double saturation = recorder.saturation("case view, ramp", rampStartedAt, RAMP_SECONDS, MAX_RATE, 1);
        Recorder.Figures all = recorder.figures("case view, ramp");
        System.out.println("== " + all);
        if (saturation < 0) {
            System.out.printf(
                    "== p99 stayed under 1 s up to %d arrivals/s: saturation above that; at least %,.0f practitioners "
                            + "served by one machine (one case page every 30 s each)%n",
                    MAX_RATE, MAX_RATE / CASE_VIEWS_PER_PRACTITIONER_PER_SECOND);
        } else {
            System.out.printf(
                    "== saturation (p99 past 1 s) at about %.0f case views/s: about %,.0f practitioners served by "
                            + "one machine, assuming each opens a case page every 30 s while at work%n",
                    saturation, saturation / CASE_VIEWS_PER_PRACTITIONER_PER_SECOND);
        }
    }
}
