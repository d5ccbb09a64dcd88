package uk.dapp.web.forms;

/**
 * What was typed in a text box, as a request carries it: a box left empty (or only spaces) is no
 * value, so the service answers "missing" rather than "too short". Reading, not a rule.
 */
public final class Typed {

    private Typed() {
    }

    public static String orNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed;
    }
}
