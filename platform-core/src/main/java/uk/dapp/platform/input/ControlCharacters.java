package uk.dapp.platform.input;

/** Which control characters (Unicode category Cc: C0, DEL, C1) a value may hold. */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** Free text may hold tab, line feed and carriage return, and no other control character. */
    public static boolean inText(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** Identifiers, search terms and other single values in a path, query or header hold none at all. */
    public static boolean inValue(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
