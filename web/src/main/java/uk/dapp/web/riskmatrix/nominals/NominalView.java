package uk.dapp.web.riskmatrix.nominals;

import java.util.List;
import uk.dapp.client.riskmatrix.model.DisruptionTask;
import uk.dapp.client.riskmatrix.model.Incident;
import uk.dapp.client.riskmatrix.model.IncidentContribution;
import uk.dapp.client.riskmatrix.model.Nominal;
import uk.dapp.client.riskmatrix.model.OnwardReferral;
import uk.dapp.client.riskmatrix.model.Routing;
import uk.dapp.client.riskmatrix.model.Score;
import uk.dapp.client.riskmatrix.model.StatusChange;
import uk.dapp.web.layout.Rows;
import uk.dapp.web.layout.Rows.Row;

/** The nominal page's view model: what the five risk-matrix reads say, arranged for the page. */
public record NominalView(
        Nominal nominal, Score score, List<Incident> incidents, Routing routing, List<OnwardReferral> onwardReferrals) {

    public String title() {
        return nominal.getGivenName() + " " + nominal.getFamilyName();
    }

    public List<Row> details() {
        return new Rows()
                .add("Case ID", nominal.getCaseId())
                .add("Date of birth", nominal.getDateOfBirth())
                .add("Police identifier", nominal.getPoliceId())
                .add("Probation reference", nominal.getProbationId())
                .add("Area", nominal.getArea())
                .add("Routing status", nominal.getRoutingStatus())
                .list();
    }

    /** Each RFGV component: what was measured, the points, and the band or rule that gave them. */
    public List<Row> scoreComponents() {
        if (score == null) {
            return List.of();
        }
        return new Rows()
                .add("Recency", component(score.getRecency()))
                .add("Frequency", component(score.getFrequency()))
                .add("Gravity", component(score.getGravity()))
                .add("Victims", component(score.getVictims()))
                .add("Total", score.getTotal() + " points")
                .add("Harm", score.getHarmDays() + " days (Crime Harm Index style)")
                .add(
                        "Serial perpetrator",
                        score.getSerial() ? "Yes: " + score.getSerialBasis() : "No: " + score.getSerialBasis())
                .add("Window", score.getWindowMonths() + " months")
                .add("Scored as of", score.getAsOf())
                .add("Weights version", score.getReferenceVersion())
                .list();
    }

    /** The points and the service's own words for what was measured and which band gave them. */
    private static String component(uk.dapp.client.riskmatrix.model.ScoreComponent component) {
        return component.getPoints() + " points (" + component.getBasis() + ")";
    }

    public List<IncidentContribution> contributions() {
        return score == null ? List.of() : score.getIncidents();
    }

    public List<StatusChange> history() {
        return routing.getHistory().reversed();
    }

    public List<DisruptionTask> tasks() {
        return routing.getTasks();
    }

    public boolean may(String move) {
        return routing.getAllowedMoves().contains(move);
    }
}
