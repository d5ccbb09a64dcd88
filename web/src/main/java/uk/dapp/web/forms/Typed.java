package uk.dapp.web.forms;

/** What was typed in a box, as the API is sent it: without surrounding spaces, and a blank box as not given (null). */
public final class Typed {

    private Typed() {}

    public static String given(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
