package uk.dapp.platform.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A status machine kept as data (docs/architecture.md): every allowed move is declared once, here,
 * as (from, move, to); a move not declared from the current status is refused with an
 * {@link IllegalTransitionException} (answered 409) naming the current status and the moves
 * allowed from it. Moves the system makes itself (for example on-programme at the first attended
 * session) are marked so and cannot be asked for by a person.
 *
 * @param <S> the status enum
 */
public final class StatusMachine<S extends Enum<S>> {

    /** Who asks for a move: a person through the API, or the system reacting to an event. */
    public enum Actor {
        PERSON,
        SYSTEM
    }

    /** One declared move. */
    public record Transition<S>(S from, String move, S to, boolean systemOnly) {}

    private final String name;
    private final Map<S, Map<String, Transition<S>>> moves;
    private final List<Transition<S>> transitions;

    private StatusMachine(String name, Map<S, Map<String, Transition<S>>> moves, List<Transition<S>> transitions) {
        this.name = name;
        this.moves = moves;
        this.transitions = List.copyOf(transitions);
    }

    public static <S extends Enum<S>> Builder<S> of(String name, Class<S> statuses) {
        return new Builder<>(name, statuses);
    }

    /**
     * The status a move leads to.
     *
     * @throws IllegalTransitionException when the move is not declared from {@code current}, or is the system's and a person asked
     */
    public S next(S current, String move, Actor actor) {
        Transition<S> transition = moves.getOrDefault(current, Map.of()).get(move);
        if (transition == null || (transition.systemOnly() && actor == Actor.PERSON)) {
            throw new IllegalTransitionException(name, current.name(), move, allowedMoves(current, actor));
        }
        return transition.to();
    }

    /** The moves the actor may make from the status, in a stable order (returned with every record). */
    public Set<String> allowedMoves(S current, Actor actor) {
        Set<String> allowed = new TreeSet<>();
        moves.getOrDefault(current, Map.of()).values().forEach(t -> {
            if (actor == Actor.SYSTEM || !t.systemOnly()) {
                allowed.add(t.move());
            }
        });
        return Collections.unmodifiableSet(allowed);
    }

    /** Every declared move, in declaration order: for the API docs and exhaustive tests. */
    public List<Transition<S>> transitions() {
        return transitions;
    }

    public String name() {
        return name;
    }

    public static final class Builder<S extends Enum<S>> {
        private final String name;
        private final Map<S, Map<String, Transition<S>>> moves;
        private final List<Transition<S>> transitions = new ArrayList<>();

        private Builder(String name, Class<S> statuses) {
            this.name = name;
            this.moves = new EnumMap<>(statuses);
        }

        /** A person (or the system) may make {@code move} from {@code from}, leading to {@code to}. */
        public Builder<S> allow(S from, String move, S to) {
            return add(new Transition<>(from, move, to, false));
        }

        /** Only the system makes this move, in reaction to an event. */
        public Builder<S> system(S from, String move, S to) {
            return add(new Transition<>(from, move, to, true));
        }

        private Builder<S> add(Transition<S> transition) {
            Objects.requireNonNull(transition.from());
            Objects.requireNonNull(transition.to());
            Map<String, Transition<S>> from = moves.computeIfAbsent(transition.from(), s -> new LinkedHashMap<>());
            if (from.putIfAbsent(transition.move(), transition) != null) {
                throw new IllegalStateException(
                        name + ": move " + transition.move() + " declared twice from " + transition.from());
            }
            transitions.add(transition);
            return this;
        }

        public StatusMachine<S> build() {
            return new StatusMachine<>(name, moves, transitions);
        }
    }
}
