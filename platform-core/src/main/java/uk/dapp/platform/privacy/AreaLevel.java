package uk.dapp.platform.privacy;

/** How coarsely the area is shown, finest first. */
public enum AreaLevel {
    AREA("area shown"),
    REGION("area widened to region"),
    ALL("area suppressed");

    private final String description;

    AreaLevel(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
