package uk.dapp.programme.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.status.IllegalTransitionException;
import uk.dapp.platform.status.StatusMachine.Actor;

/**
 * The referral status machine, exhaustively: every status x every move x both actors against a
 * table written out here independently of the declaration.
 */
class ReferralMachineTest {

    private static final List<String> MOVES = List.of(
            "assessed-suitable",
            "assessed-motivational-work",
            "assessed-not-suitable",
            "enrolled",
            "wait-listed",
            "first-attendance",
            "non-compliance",
            "withdraw",
            "resume",
            "complete",
            "drop-out",
            "exclude",
            "transfer",
            "breach",
            "refer",
            "no-such-move");

    /** status -> move -> "TO" for a person move, "TO*" for a system-only move. */
    private static final Map<ReferralStatus, Map<String, String>> EXPECTED = new HashMap<>();

    static {
        for (ReferralStatus s : ReferralStatus.values()) {
            EXPECTED.put(s, new HashMap<>());
        }
        for (ReferralStatus s : List.of(ReferralStatus.REFERRED, ReferralStatus.MOTIVATIONAL_WORK)) {
            EXPECTED.get(s)
                    .putAll(Map.of(
                            "assessed-suitable",
                            "SUITABLE*",
                            "assessed-motivational-work",
                            "MOTIVATIONAL_WORK*",
                            "assessed-not-suitable",
                            "NOT_SUITABLE*",
                            "withdraw",
                            "WITHDRAWN"));
        }
        EXPECTED.get(ReferralStatus.SUITABLE)
                .putAll(Map.of("enrolled", "ENROLLED*", "wait-listed", "WAITING_LIST*", "withdraw", "WITHDRAWN"));
        EXPECTED.get(ReferralStatus.WAITING_LIST).putAll(Map.of("enrolled", "ENROLLED*", "withdraw", "WITHDRAWN"));
        Map<String, String> exits = Map.of(
                "drop-out", "DROPPED_OUT", "exclude", "EXCLUDED", "transfer", "TRANSFERRED", "breach", "BREACHED");
        EXPECTED.get(ReferralStatus.ENROLLED).putAll(exits);
        EXPECTED.get(ReferralStatus.ENROLLED)
                .putAll(Map.of("first-attendance", "ON_PROGRAMME*", "non-compliance", "COMPLIANCE_REVIEW*"));
        EXPECTED.get(ReferralStatus.ON_PROGRAMME).putAll(exits);
        EXPECTED.get(ReferralStatus.ON_PROGRAMME)
                .putAll(Map.of("non-compliance", "COMPLIANCE_REVIEW*", "complete", "COMPLETED"));
        EXPECTED.get(ReferralStatus.COMPLIANCE_REVIEW).putAll(exits);
        EXPECTED.get(ReferralStatus.COMPLIANCE_REVIEW).put("resume", "ON_PROGRAMME");
    }

    @Test
    void everyStatusTimesEveryMoveTimesEachActorIsAsTabled() {
        int checked = 0;
        for (ReferralStatus status : ReferralStatus.values()) {
            for (String move : MOVES) {
                String expected = EXPECTED.get(status).get(move);
                for (Actor actor : Actor.values()) {
                    checked++;
                    boolean allowed = expected != null && (actor == Actor.SYSTEM || !expected.endsWith("*"));
                    if (allowed) {
                        assertThat(ReferralMachine.MACHINE
                                        .next(status, move, actor)
                                        .name())
                                .as(status + " " + move + " by " + actor)
                                .isEqualTo(expected.replace("*", ""));
                    } else {
                        assertThatThrownBy(() -> ReferralMachine.MACHINE.next(status, move, actor))
                                .as(status + " " + move + " by " + actor)
                                .isInstanceOf(IllegalTransitionException.class)
                                .hasMessageContaining(status.name());
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(ReferralStatus.values().length * MOVES.size() * 2);
        int declared = EXPECTED.values().stream().mapToInt(Map::size).sum();
        assertThat(ReferralMachine.MACHINE.transitions()).hasSize(declared);
    }

    @Test
    void closedStatusesHaveNoMovesAndFreeTheOpenSlot() {
        for (ReferralStatus status : ReferralStatus.values()) {
            boolean noMoves =
                    ReferralMachine.MACHINE.allowedMoves(status, Actor.SYSTEM).isEmpty();
            assertThat(noMoves).as(status.name()).isEqualTo(!status.isOpen());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIllegalMoveNamesTheCurrentStatusAndTheAllowedMoves() {
        assertThatThrownBy(() -> ReferralMachine.MACHINE.next(ReferralStatus.ON_PROGRAMME, "withdraw", Actor.PERSON))
                .isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> {
                    Map<String, Object> facts = ((IllegalTransitionException) e).facts();
                    assertThat(facts.get("currentStatus")).isEqualTo("ON_PROGRAMME");
                    assertThat((List<Object>) facts.get("allowedMoves"))
                            .containsExactly("breach", "complete", "drop-out", "exclude", "transfer");
                });
    }

    @Test
    void aMoveAppendsWhoWhenAndWhyAndClosingFreesTheSlot() {
        Referral referral = new Referral(
                "r-1",
                "CASE",
                new ReferralRequest(null, "CHANGE-GROUP", ReferralSource.POLICE, false, RiskLevel.HIGH, null),
                "fac",
                "test-team",
                Instant.parse("2026-01-01T00:00:00Z"));
        referral.move("withdraw", Actor.PERSON, "fac-2", Instant.parse("2026-01-02T00:00:00Z"), "moved away");
        assertThat(referral.status()).isEqualTo(ReferralStatus.WITHDRAWN);
        assertThat(referral.openSlot()).isEqualTo("r-1");
        assertThat(referral.history()).hasSize(2);
        assertThat(referral.history().get(1)).satisfies(change -> {
            assertThat(change.from()).isEqualTo("REFERRED");
            assertThat(change.to()).isEqualTo("WITHDRAWN");
            assertThat(change.by()).isEqualTo("fac-2");
            assertThat(change.reason()).isEqualTo("moved away");
        });
    }

    /** The table in the contract's description is the machine, no more and no less. */
    @Test
    void theContractPublishesExactlyTheDeclaredTransitions() throws Exception {
        String spec;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/programme-service.yaml")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher row = Pattern.compile("\\| ([A-Z_]+) \\| ([a-z-]+)( \\*\\(system\\)\\*)? \\| ([A-Z_]+) \\|")
                .matcher(spec);
        Set<String> published = new TreeSet<>();
        while (row.find()) {
            published.add(
                    row.group(1) + " " + row.group(2) + (row.group(3) != null ? " system" : "") + " " + row.group(4));
        }
        Set<String> declared = new TreeSet<>();
        ReferralMachine.MACHINE
                .transitions()
                .forEach(t ->
                        declared.add(t.from() + " " + t.move() + (t.systemOnly() ? " system" : "") + " " + t.to()));
        assertThat(published).isEqualTo(declared);
        assertThat(new ArrayList<>(published)).isNotEmpty();
    }
}
