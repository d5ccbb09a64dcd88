package uk.dapp.platform.privacy;

/** How coarsely age is shown, finest first. Each band of a level is a union of bands of the level before. */
public enum AgeLevel {
    FIVE_YEAR(5, "age in 5-year bands"),
    TEN_YEAR(10, "age in 10-year bands"),
    TWENTY_YEAR(20, "age in 20-year bands"),
    SUPPRESSED(0, "age suppressed");

    private final int width;
    private final String description;

    AgeLevel(int width, String description) {
        this.width = width;
        this.description = description;
    }

    int width() {
        return width;
    }

    public String description() {
        return description;
    }
}
