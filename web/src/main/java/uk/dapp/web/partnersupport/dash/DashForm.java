package uk.dapp.web.partnersupport.dash;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.BindingResult;
import uk.dapp.client.partnersupport.model.DashAnswer;
import uk.dapp.client.partnersupport.model.DashAssessmentNew;
import uk.dapp.client.partnersupport.model.ProfessionalJudgement;
import uk.dapp.client.partnersupport.model.RiskLevel;
import uk.dapp.web.forms.DateInput;
import uk.dapp.web.forms.Typed;

/**
 * The DASH checklist: the API's DashAssessmentNew under the same names, an answer per question in
 * the order the service lists them (unanswered ones sent as such: the service says all are needed).
 */
public class DashForm {

    private List<DashAnswer> answers = new ArrayList<>();
    private DateInput completedOn = new DateInput();
    private Integer incidentsInLast12Months;
    private DateInput previousMaracReferralOn = new DateInput();
    private Judgement professionalJudgement = new Judgement();

    /** Professional judgement: a level the checklist's is raised to, and why; no level and no reason is none. */
    public static class Judgement {
        private RiskLevel level;
        private String reason;

        public RiskLevel getLevel() {
            return level;
        }

        public void setLevel(RiskLevel level) {
            this.level = level;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    static DashForm today(int questions) {
        DashForm form = new DashForm();
        form.completedOn = DateInput.today();
        form.answered(questions);
        return form;
    }

    /** One answer (or none yet) per question. */
    void answered(int questions) {
        while (answers.size() < questions) {
            answers.add(null);
        }
    }

    DashAssessmentNew toRequest(BindingResult form, int questions) {
        answered(questions);
        boolean noReason = Typed.given(professionalJudgement.reason) == null;
        ProfessionalJudgement judgement = professionalJudgement.level == null && noReason
                ? null
                : new ProfessionalJudgement()
                        .level(professionalJudgement.level)
                        .reason(noReason ? null : professionalJudgement.reason.strip());
        return new DashAssessmentNew()
                .answers(new ArrayList<>(answers))
                .completedOn(completedOn.toDate(form, "completedOn"))
                .incidentsInLast12Months(incidentsInLast12Months)
                .previousMaracReferralOn(previousMaracReferralOn.toDate(form, "previousMaracReferralOn"))
                .professionalJudgement(judgement);
    }

    /** Whether the question (0-based) is still unanswered, to point at it when the service asks for every answer. */
    public boolean unanswered(int index) {
        return index >= answers.size() || answers.get(index) == null;
    }

    public List<DashAnswer> getAnswers() {
        return answers;
    }

    public void setAnswers(List<DashAnswer> answers) {
        this.answers = answers == null ? new ArrayList<>() : answers;
    }

    public DateInput getCompletedOn() {
        return completedOn;
    }

    public void setCompletedOn(DateInput completedOn) {
        this.completedOn = completedOn;
    }

    public Integer getIncidentsInLast12Months() {
        return incidentsInLast12Months;
    }

    public void setIncidentsInLast12Months(Integer incidentsInLast12Months) {
        this.incidentsInLast12Months = incidentsInLast12Months;
    }

    public DateInput getPreviousMaracReferralOn() {
        return previousMaracReferralOn;
    }

    public void setPreviousMaracReferralOn(DateInput previousMaracReferralOn) {
        this.previousMaracReferralOn = previousMaracReferralOn;
    }

    public Judgement getProfessionalJudgement() {
        return professionalJudgement;
    }

    public void setProfessionalJudgement(Judgement professionalJudgement) {
        this.professionalJudgement = professionalJudgement;
    }
}
