package uk.dapp.platform.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.dapp.platform.problem.ConflictException;

/** A move the status machine does not allow from where the record stands: 409 naming the status and the allowed moves. */
public class IllegalTransitionException extends ConflictException {

    public IllegalTransitionException(String machine, String currentStatus, String move, Set<String> allowedMoves) {
        super(
                "A " + machine + " in status " + currentStatus + " cannot " + move
                        + (allowedMoves.isEmpty()
                                ? "; no move is allowed from there"
                                : "; allowed: " + String.join(", ", allowedMoves)),
                Map.of("currentStatus", currentStatus, "allowedMoves", List.copyOf(allowedMoves)));
    }
}
