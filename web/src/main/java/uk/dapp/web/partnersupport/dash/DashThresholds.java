package uk.dapp.web.partnersupport.dash;

/**
 * The DASH checklist's thresholds as partner support's contract states them
 * (partner-support-service.yaml, completeDashAssessment: 14 or more yes is HIGH, 10 to 13 MEDIUM,
 * fewer STANDARD). The service decides the level when the checklist is saved; the page only says
 * the thresholds and keeps a running count with them while the answers are given. The contract
 * does not serve them, so they are written here once: a change in the service needs one here.
 */
public final class DashThresholds {

    public static final int HIGH_FROM = 14;
    public static final int MEDIUM_FROM = 10;

    private DashThresholds() {}
}
