package uk.dapp.partnersupport.consent;

import uk.dapp.platform.status.StatusMachine;

public enum ConsentStatus {
    GIVEN,
    WITHDRAWN;

    static final String WITHDRAW = "withdraw";

    /** Given consent may be withdrawn; withdrawn consent stays withdrawn (a new consent is a new record). */
    static final StatusMachine<ConsentStatus> MACHINE = StatusMachine.of("consent", ConsentStatus.class)
            .allow(GIVEN, WITHDRAW, WITHDRAWN)
            .build();
}
