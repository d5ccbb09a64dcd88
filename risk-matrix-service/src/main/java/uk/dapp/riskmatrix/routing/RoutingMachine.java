package uk.dapp.riskmatrix.routing;

import static uk.dapp.riskmatrix.values.RoutingStatus.AWAITING_DECISION;
import static uk.dapp.riskmatrix.values.RoutingStatus.AWAITING_REROUTING;
import static uk.dapp.riskmatrix.values.RoutingStatus.CATCH_AND_CONVICT;
import static uk.dapp.riskmatrix.values.RoutingStatus.ENGAGED;

import uk.dapp.platform.status.StatusMachine;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.RoutingStatus;

/** The routing decision's status machine, declared once (also described in the contract's RoutingStatus). */
public final class RoutingMachine {

    public static final String DECIDE_ENGAGE = "decide-engage";
    public static final String DECIDE_CATCH_AND_CONVICT = "decide-catch-and-convict";
    public static final String ENGAGEMENT_FAILED = "engagement-failed";
    public static final String AGREES_TO_ENGAGE = "agrees-to-engage";
    /** A programme exit for non-compliance (the system's move). */
    public static final String PROGRAMME_EXIT = "programme-exit";
    /** A programme refused, or could not take, an ENGAGE referral (the system's move). */
    public static final String REFERRAL_REFUSED = "referral-refused";
    /** Assessed not suitable, the onward route back to the matrix for disruption (the system's move). */
    public static final String RETURNED_FOR_DISRUPTION = "returned-for-disruption";

    public static final StatusMachine<RoutingStatus> MACHINE = StatusMachine.of("routing decision", RoutingStatus.class)
            .allow(AWAITING_DECISION, DECIDE_ENGAGE, ENGAGED)
            .allow(AWAITING_DECISION, DECIDE_CATCH_AND_CONVICT, CATCH_AND_CONVICT)
            .allow(AWAITING_REROUTING, DECIDE_ENGAGE, ENGAGED)
            .allow(AWAITING_REROUTING, DECIDE_CATCH_AND_CONVICT, CATCH_AND_CONVICT)
            .allow(ENGAGED, ENGAGEMENT_FAILED, AWAITING_REROUTING)
            .system(ENGAGED, PROGRAMME_EXIT, AWAITING_REROUTING)
            .system(ENGAGED, REFERRAL_REFUSED, AWAITING_REROUTING)
            .system(ENGAGED, RETURNED_FOR_DISRUPTION, AWAITING_REROUTING)
            .allow(CATCH_AND_CONVICT, AGREES_TO_ENGAGE, AWAITING_REROUTING)
            .build();

    private RoutingMachine() {}

    public static String decisionMove(Route route) {
        return route == Route.ENGAGE ? DECIDE_ENGAGE : DECIDE_CATCH_AND_CONVICT;
    }
}
