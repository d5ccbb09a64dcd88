package uk.dapp.platform.caseid;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The one identifier every service uses for a perpetrator's journey.
 *
 * <p>18 symbols of Crockford base 32 (no I, L, O or U, so nothing reads as something else),
 * shown as three groups of six: 17 random symbols (85 bits, unique without coordination) and a
 * check symbol. The check is the sum of the symbols weighted by powers of a generator of GF(32):
 * because every weight is non-zero and no two neighbouring weights are equal, any single wrong
 * symbol and any swap of two neighbours changes the sum, so a mistyped ID is refused rather than
 * silently finding nothing. It reveals nothing about the person.
 */
public final class CaseId {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int RANDOM_SYMBOLS = 17;
    static final int LENGTH = RANDOM_SYMBOLS + 1;
    private static final int GROUP = 6;

    private final String canonical;

    private CaseId(String canonical) {
        this.canonical = canonical;
    }

    /** A fresh case ID; pass a {@link java.security.SecureRandom} outside tests. */
    public static CaseId generate(RandomGenerator random) {
        char[] symbols = new char[LENGTH];
        for (int i = 0; i < RANDOM_SYMBOLS; i++) {
            symbols[i] = ALPHABET.charAt(random.nextInt(32));
        }
        symbols[RANDOM_SYMBOLS] = ALPHABET.charAt(checkValue(symbols, RANDOM_SYMBOLS));
        return new CaseId(new String(symbols));
    }

    /**
     * Reads a case ID as a person might type it: any case, with or without hyphens or spaces, and
     * the Crockford look-alikes O (zero) and I, L (one) taken for the digits they resemble.
     *
     * @throws InvalidCaseIdException naming what is wrong
     */
    public static CaseId parse(String text) {
        if (text == null) {
            throw new InvalidCaseIdException(InvalidCaseIdException.Reason.MISSING, "a case ID is required");
        }
        StringBuilder compact = new StringBuilder(LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == '-' || c == ' ') {
                continue;
            }
            c = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(c) < 0) {
                throw new InvalidCaseIdException(
                        InvalidCaseIdException.Reason.FORMAT,
                        "a case ID uses only the digits and the letters A-Z without I, L, O and U");
            }
            compact.append(c);
            if (compact.length() > LENGTH) {
                break;
            }
        }
        if (compact.length() != LENGTH) {
            throw new InvalidCaseIdException(
                    InvalidCaseIdException.Reason.FORMAT,
                    "a case ID has " + LENGTH + " characters (three groups of six)");
        }
        char[] symbols = compact.toString().toCharArray();
        if (checkValue(symbols, LENGTH) != 0) {
            throw new InvalidCaseIdException(
                    InvalidCaseIdException.Reason.CHECK,
                    "the case ID's check character does not match: it has been mistyped");
        }
        return new CaseId(compact.toString());
    }

    /** True when {@link #parse} would accept the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidCaseIdException e) {
            return false;
        }
    }

    /**
     * Horner evaluation of sum(symbol_i * g^(n-1-i)) over GF(32). Over the 17 random symbols,
     * times g, it gives the check value; over all 18 symbols of a valid ID it gives zero.
     */
    private static int checkValue(char[] symbols, int count) {
        int acc = 0;
        for (int i = 0; i < count; i++) {
            acc = Gf32.timesGenerator(acc) ^ ALPHABET.indexOf(symbols[i]);
        }
        return count == RANDOM_SYMBOLS ? Gf32.timesGenerator(acc) : acc;
    }

    /** Upper case, grouped: {@code 7KQM4X-ZP9RTD-2HBWJG}. Stored and returned in this form. */
    public String value() {
        return canonical.substring(0, GROUP)
                + '-'
                + canonical.substring(GROUP, 2 * GROUP)
                + '-'
                + canonical.substring(2 * GROUP);
    }

    @Override
    public String toString() {
        return value();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseId that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(canonical);
    }

    /** Arithmetic in GF(2^5) modulo x^5 + x^2 + 1, whose root x generates the multiplicative group. */
    static final class Gf32 {
        private static final int REDUCTION = 0b100101;

        private Gf32() {}

        static int timesGenerator(int value) {
            int shifted = value << 1;
            return (shifted & 0b100000) != 0 ? shifted ^ REDUCTION : shifted;
        }
    }
}
