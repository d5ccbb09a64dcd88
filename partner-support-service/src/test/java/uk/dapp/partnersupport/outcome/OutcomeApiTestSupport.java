package uk.dapp.partnersupport.outcome;

/** An intake outcome body for tests outside this package. */
public final class OutcomeApiTestSupport {

    private OutcomeApiTestSupport() {}

    public static String intake() {
        return OutcomeApiTest.outcome("INTAKE", 3, "");
    }
}
