package uk.dapp.web.riskmatrix.tasks;

import java.util.ArrayList;
import java.util.List;
import uk.dapp.client.riskmatrix.model.DisruptionTaskKind;
import uk.dapp.client.riskmatrix.model.DisruptionTasksOpen;

/** "Open disruption tasks": the API's DisruptionTasksOpen, under the same names. */
public class OpenTasksForm {

    private List<DisruptionTaskKind> kinds = new ArrayList<>();

    DisruptionTasksOpen toRequest() {
        return new DisruptionTasksOpen().kinds(kinds);
    }

    public List<DisruptionTaskKind> getKinds() {
        return kinds;
    }

    public void setKinds(List<DisruptionTaskKind> kinds) {
        this.kinds = kinds == null ? new ArrayList<>() : kinds;
    }
}
