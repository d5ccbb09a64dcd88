package uk.dapp.web.partnersupport.outcomes;

import org.springframework.validation.BindingResult;
import uk.dapp.client.partnersupport.model.OutcomeMeasures;
import uk.dapp.client.partnersupport.model.OutcomeNew;
import uk.dapp.client.partnersupport.model.OutcomePoint;
import uk.dapp.web.forms.DateInput;

/** Partner-reported outcomes at one point: the API's OutcomeNew, under the same names. */
public class OutcomeForm {

    private OutcomePoint point;
    private DateInput recordedOn = new DateInput();
    private Scores measures = new Scores();

    /** Each measure's score, 1 to 5, or none. */
    public static class Scores {
        private Integer cessationOfAbuse;
        private Integer riskNow;
        private Integer feelingSafe;
        private Integer qualityOfLife;
        private Integer childrensFear;
        private Integer respectfulRelationship;
        private Integer spaceForAction;
        private Integer safetyAndFreedomFromViolence;
        private Integer safeSharedParenting;
        private Integer awarenessOfSelfAndOthers;
        private Integer saferChildhoods;

        OutcomeMeasures toRequest() {
            return new OutcomeMeasures()
                    .cessationOfAbuse(cessationOfAbuse)
                    .riskNow(riskNow)
                    .feelingSafe(feelingSafe)
                    .qualityOfLife(qualityOfLife)
                    .childrensFear(childrensFear)
                    .respectfulRelationship(respectfulRelationship)
                    .spaceForAction(spaceForAction)
                    .safetyAndFreedomFromViolence(safetyAndFreedomFromViolence)
                    .safeSharedParenting(safeSharedParenting)
                    .awarenessOfSelfAndOthers(awarenessOfSelfAndOthers)
                    .saferChildhoods(saferChildhoods);
        }

        public Integer getCessationOfAbuse() {
            return cessationOfAbuse;
        }

        public void setCessationOfAbuse(Integer cessationOfAbuse) {
            this.cessationOfAbuse = cessationOfAbuse;
        }

        public Integer getRiskNow() {
            return riskNow;
        }

        public void setRiskNow(Integer riskNow) {
            this.riskNow = riskNow;
        }

        public Integer getFeelingSafe() {
            return feelingSafe;
        }

        public void setFeelingSafe(Integer feelingSafe) {
            this.feelingSafe = feelingSafe;
        }

        public Integer getQualityOfLife() {
            return qualityOfLife;
        }

        public void setQualityOfLife(Integer qualityOfLife) {
            this.qualityOfLife = qualityOfLife;
        }

        public Integer getChildrensFear() {
            return childrensFear;
        }

        public void setChildrensFear(Integer childrensFear) {
            this.childrensFear = childrensFear;
        }

        public Integer getRespectfulRelationship() {
            return respectfulRelationship;
        }

        public void setRespectfulRelationship(Integer respectfulRelationship) {
            this.respectfulRelationship = respectfulRelationship;
        }

        public Integer getSpaceForAction() {
            return spaceForAction;
        }

        public void setSpaceForAction(Integer spaceForAction) {
            this.spaceForAction = spaceForAction;
        }

        public Integer getSafetyAndFreedomFromViolence() {
            return safetyAndFreedomFromViolence;
        }

        public void setSafetyAndFreedomFromViolence(Integer safetyAndFreedomFromViolence) {
            this.safetyAndFreedomFromViolence = safetyAndFreedomFromViolence;
        }

        public Integer getSafeSharedParenting() {
            return safeSharedParenting;
        }

        public void setSafeSharedParenting(Integer safeSharedParenting) {
            this.safeSharedParenting = safeSharedParenting;
        }

        public Integer getAwarenessOfSelfAndOthers() {
            return awarenessOfSelfAndOthers;
        }

        public void setAwarenessOfSelfAndOthers(Integer awarenessOfSelfAndOthers) {
            this.awarenessOfSelfAndOthers = awarenessOfSelfAndOthers;
        }

        public Integer getSaferChildhoods() {
            return saferChildhoods;
        }

        public void setSaferChildhoods(Integer saferChildhoods) {
            this.saferChildhoods = saferChildhoods;
        }
    }

    static OutcomeForm today() {
        OutcomeForm form = new OutcomeForm();
        form.recordedOn = DateInput.today();
        return form;
    }

    OutcomeNew toRequest(BindingResult form) {
        return new OutcomeNew()
                .point(point)
                .recordedOn(recordedOn.toDate(form, "recordedOn"))
                .measures(measures.toRequest());
    }

    public OutcomePoint getPoint() {
        return point;
    }

    public void setPoint(OutcomePoint point) {
        this.point = point;
    }

    public DateInput getRecordedOn() {
        return recordedOn;
    }

    public void setRecordedOn(DateInput recordedOn) {
        this.recordedOn = recordedOn;
    }

    public Scores getMeasures() {
        return measures;
    }

    public void setMeasures(Scores measures) {
        this.measures = measures;
    }
}
