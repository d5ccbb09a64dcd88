package uk.dapp.platform.privacy;

/** Whether sex is shown. */
public enum SexLevel {
    KEPT("sex shown"),
    SUPPRESSED("sex suppressed");

    private final String description;

    SexLevel(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
