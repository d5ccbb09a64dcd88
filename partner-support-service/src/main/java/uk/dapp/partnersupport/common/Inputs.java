package uk.dapp.partnersupport.common;

import java.util.Collection;
import uk.dapp.platform.problem.RuleViolationException;

/** Checks the generated wire types leave to us: a list may arrive with null items ({@code [null]}). */
public final class Inputs {

    private Inputs() {}

    public static <T extends Collection<?>> T noNullItems(T items, String field) {
        if (items != null && items.stream().anyMatch(java.util.Objects::isNull)) {
            throw new RuleViolationException(field, "NotNull", "the list must not contain empty items");
        }
        return items;
    }
}
