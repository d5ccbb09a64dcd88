package uk.dapp.web.riskmatrix.routing;

import uk.dapp.client.riskmatrix.model.Reroute;

/** "Return for a new decision": the API's Reroute, under the same names. */
public class RerouteForm {

    private Reroute.KindEnum kind;
    private String reason;

    Reroute toRequest() {
        return new Reroute().kind(kind).reason(reason == null || reason.isBlank() ? null : reason.strip());
    }

    public Reroute.KindEnum getKind() {
        return kind;
    }

    public void setKind(Reroute.KindEnum kind) {
        this.kind = kind;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
