package uk.dapp.platform.privacy;

import java.util.Locale;

/** Sex is shown as recorded (upper case) or suppressed; there is nothing in between. */
public final class SexLadder {

    private SexLadder() {}

    /** Upper case and trimmed; null or blank is {@value Ladders#UNKNOWN}. */
    public static String canonical(String sex) {
        return sex == null || sex.isBlank() ? Ladders.UNKNOWN : sex.strip().toUpperCase(Locale.ROOT);
    }

    public static String generalise(String sex, SexLevel level) {
        return level == SexLevel.SUPPRESSED ? Ladders.SUPPRESSED : canonical(sex);
    }
}
