package uk.dapp.web.riskmatrix.routing;

import java.util.ArrayList;
import java.util.List;
import uk.dapp.client.riskmatrix.model.Pathway;
import uk.dapp.client.riskmatrix.model.Recommendation;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.RoutingDecision;

/** "Decide the route": the API's RoutingDecision, under the same names. */
public class DecisionForm {

    private Route route;
    private List<Pathway> pathways = new ArrayList<>();
    private String reason;

    /** Starts from the recommendation: agreeing with it is one click. */
    static DecisionForm of(Recommendation recommendation) {
        DecisionForm form = new DecisionForm();
        if (recommendation != null) {
            form.route = recommendation.getRoute();
            form.pathways = new ArrayList<>(recommendation.getPathways());
        }
        return form;
    }

    /** As chosen: the service says when pathways do not go with the route (none for catch and convict). */
    RoutingDecision toRequest() {
        return new RoutingDecision()
                .route(route)
                .pathways(pathways)
                .reason(reason == null || reason.isBlank() ? null : reason.strip());
    }

    public Route getRoute() {
        return route;
    }

    public void setRoute(Route route) {
        this.route = route;
    }

    public List<Pathway> getPathways() {
        return pathways;
    }

    public void setPathways(List<Pathway> pathways) {
        this.pathways = pathways == null ? new ArrayList<>() : pathways;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
