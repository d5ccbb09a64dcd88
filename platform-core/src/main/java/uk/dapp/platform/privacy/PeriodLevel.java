package uk.dapp.platform.privacy;

/** How coarsely a date is shown, finest first (never finer than a month in an extract). */
public enum PeriodLevel {
    MONTH("dates by month"),
    QUARTER("dates widened to quarter"),
    YEAR("dates widened to year");

    private final String description;

    PeriodLevel(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
