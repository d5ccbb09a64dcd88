package uk.dapp.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Gateway cost (issue 20, item 1): the same read, one case's referrals, sent direct to the
 * programme service and through the gateway, with the same token, at the same time, by the same
 * number of users each (16, then 64), after a warm-up. Each user reads in a loop for the phase's
 * length on its own kept-alive connection. Prints throughput through/direct and the p99 the
 * gateway adds. The gateway's per-user rate limit (10 requests a second) stops one user's loop at
 * once: point {@code -Dgateway} at a gateway started with the limit raised (README, "Performance").
 * <pre>
 * ./mvnw -B -Pload-tests -pl load-tests gatling:test -Dgatling.simulationClass=uk.dapp.load.GatewayCostSimulation \
 *     -Dgateway=http://127.0.0.1:8084 -Dprogramme=http://127.0.0.1:8082 -Dkeycloak=http://127.0.0.1:8180 [-Dseconds=60]
 * </pre>
 */
public class GatewayCostSimulation extends Simulation {

    private static final int SECONDS = Target.intProperty("seconds", 60);
    private static final int WARM_UP_SECONDS = Target.intProperty("warmUpSeconds", 20);
    private static final List<Integer> CONCURRENCY = List.of(16, 64);

    private final Recorder recorder = new Recorder();
    private final String token = Target.token("demo-facilitator");
    private final List<String> cases = Target.caseIds(Target.PROGRAMME + "/caseload", token);

    private final HttpProtocolBuilder direct =
            http.baseUrl(Target.PROGRAMME).acceptHeader("application/json").authorizationHeader("Bearer " + token);
    private final HttpProtocolBuilder gateway = http.baseUrl(Target.GATEWAY + "/api/programme")
            .acceptHeader("application/json")
            .authorizationHeader("Bearer " + token);

    private ChainBuilder readReferrals(String label, int seconds) {
        return exec(session -> session.set(
                        "caseId", cases.get(ThreadLocalRandom.current().nextInt(cases.size()))))
                .during(Duration.ofSeconds(seconds))
                .on(exec(session -> session.set(
                                "caseId", cases.get(ThreadLocalRandom.current().nextInt(cases.size()))))
                        .exec(http(label)
                                .get("/cases/#{caseId}/referrals")
                                .check(status().saveAs("status"))
                                .check(responseTimeInMillis().saveAs("millis"))
                                .check(status().is(200)))
                        .exec(session -> {
                            if (session.getInt("status") == 200) {
                                recorder.ok(label, session.getInt("millis"));
                            } else {
                                recorder.failed(label);
                            }
                            return session;
                        }));
    }

    private PopulationBuilder path(String name, HttpProtocolBuilder protocol) {
        PopulationBuilder chain = scenario(name + " warm-up")
                .exec(readReferrals(name + " warm-up", WARM_UP_SECONDS))
                .injectOpen(atOnceUsers(8))
                .protocols(protocol);
        for (int users : CONCURRENCY) {
            chain = chain.andThen(scenario(name + " " + users)
                    .exec(readReferrals(name + " " + users, SECONDS))
                    .injectOpen(atOnceUsers(users))
                    .protocols(protocol));
        }
        return chain;
    }

    {
        setUp(path("direct", direct), path("gateway", gateway));
    }

    private static List<String> phases() {
        return Stream.concat(Stream.of("warm-up"), CONCURRENCY.stream().map(String::valueOf))
                .toList();
    }

    @Override
    public void after() {
        System.out.printf(
                "%n== Gateway cost: GET /cases/{caseId}/referrals over %d cases, %d s per phase, "
                        + "direct %s and through %s side by side%n",
                cases.size(), SECONDS, Target.PROGRAMME, Target.GATEWAY);
        // every request each path sent, warm-up included: what load-tests/gateway-cpu.sh divides CPU time by
        long direct = 0;
        long through = 0;
        for (String phase : phases()) {
            Recorder.Figures d = recorder.figures("direct " + phase);
            Recorder.Figures g = recorder.figures("gateway " + phase);
            direct += d.ok() + d.failed();
            through += g.ok() + g.failed();
        }
        System.out.printf("== requests sent, warm-up included: direct %d, through the gateway %d%n", direct, through);
        for (int users : CONCURRENCY) {
            Recorder.Figures d = recorder.figures("direct " + users);
            Recorder.Figures g = recorder.figures("gateway " + users);
            System.out.println("== " + d);
            System.out.println("== " + g);
            System.out.printf(
                    "== %d users: throughput through/direct %.2f (bar 0.85), added p99 %d ms (bar 3 ms), "
                            + "added p50 %d ms%n",
                    users, g.perSecond() / d.perSecond(), g.p99() - d.p99(), g.p50() - d.p50());
        }
    }
}
