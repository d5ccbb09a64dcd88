package uk.dapp.platform.privacy;

/**
 * How much harm a field could do if it reached someone outside the casework, and so whether it may
 * leave a service in an anonymised extract. See docs/privacy.md.
 */
public enum SensitivityLabel {

    /** Names, dates of birth, addresses, case IDs, police or court numbers: never exported. */
    DIRECT_IDENTIFIER(false),

    /**
     * Harmless alone but identifying in combination (age band, sex, area, month): exported only
     * after the k-anonymity plan has generalised or suppressed it.
     */
    QUASI_IDENTIFIER(true),

    /** What the evaluation is about (risk, harm scores, outcomes): exported, never on its own keyed to a person. */
    SENSITIVE(true),

    /** Neither identifying nor sensitive (a programme code, a count of sessions). */
    SAFE(true),

    /**
     * Anything a person typed (notes, reasons, disclosures): it can hold names and places no
     * check can find, so it is never exported, whatever it usually contains.
     */
    FREE_TEXT(false);

    private final boolean exportable;

    SensitivityLabel(boolean exportable) {
        this.exportable = exportable;
    }

    /** False for the labels that may never reach an extract. */
    public boolean exportable() {
        return exportable;
    }
}
