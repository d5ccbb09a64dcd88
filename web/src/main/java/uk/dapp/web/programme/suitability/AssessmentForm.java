package uk.dapp.web.programme.suitability;

import uk.dapp.client.programme.model.AssessmentCreate;
import uk.dapp.client.programme.model.MentalHealth;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.programme.model.SubstanceMisuse;

/** "Record a suitability assessment": the API's AssessmentCreate under the same names. */
public class AssessmentForm {

    private Integer motivation;
    private Integer accountability;
    private Integer awareness;
    private MentalHealth mentalHealth;
    private SubstanceMisuse substanceMisuse;
    private RiskLevel riskPosed;
    private Boolean groupWorkSuitable;

    AssessmentCreate toRequest() {
        return new AssessmentCreate()
                .motivation(motivation)
                .accountability(accountability)
                .awareness(awareness)
                .mentalHealth(mentalHealth)
                .substanceMisuse(substanceMisuse)
                .riskPosed(riskPosed)
                .groupWorkSuitable(groupWorkSuitable);
    }

    public Integer getMotivation() {
        return motivation;
    }

    public void setMotivation(Integer motivation) {
        this.motivation = motivation;
    }

    public Integer getAccountability() {
        return accountability;
    }

    public void setAccountability(Integer accountability) {
        this.accountability = accountability;
    }

    public Integer getAwareness() {
        return awareness;
    }

    public void setAwareness(Integer awareness) {
        this.awareness = awareness;
    }

    public MentalHealth getMentalHealth() {
        return mentalHealth;
    }

    public void setMentalHealth(MentalHealth mentalHealth) {
        this.mentalHealth = mentalHealth;
    }

    public SubstanceMisuse getSubstanceMisuse() {
        return substanceMisuse;
    }

    public void setSubstanceMisuse(SubstanceMisuse substanceMisuse) {
        this.substanceMisuse = substanceMisuse;
    }

    public RiskLevel getRiskPosed() {
        return riskPosed;
    }

    public void setRiskPosed(RiskLevel riskPosed) {
        this.riskPosed = riskPosed;
    }

    public Boolean getGroupWorkSuitable() {
        return groupWorkSuitable;
    }

    public void setGroupWorkSuitable(Boolean groupWorkSuitable) {
        this.groupWorkSuitable = groupWorkSuitable;
    }
}
