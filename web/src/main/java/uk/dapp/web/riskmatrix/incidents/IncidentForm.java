package uk.dapp.web.riskmatrix.incidents;

import org.springframework.validation.BindingResult;
import uk.dapp.client.riskmatrix.model.DashLevel;
import uk.dapp.client.riskmatrix.model.IncidentCreate;
import uk.dapp.client.riskmatrix.model.IncidentType;
import uk.dapp.client.riskmatrix.model.Outcome;
import uk.dapp.web.forms.DateInput;

/** "Add an incident": the fields of the API's IncidentCreate, under the same names. */
public class IncidentForm {

    private DateInput date = new DateInput();
    private IncidentType type;
    private String offenceCode;
    private String victimKey;
    private DashLevel dashLevel;
    private Boolean crime;
    private Outcome outcome;

    /** The request as typed; the service decides what is missing or wrong. */
    IncidentCreate toRequest(BindingResult form) {
        return new IncidentCreate()
                .date(date.toDate(form, "date"))
                .type(type)
                .offenceCode(offenceCode == null || offenceCode.isBlank() ? null : offenceCode)
                .victimKey(victimKey == null || victimKey.isBlank() ? null : victimKey.strip())
                .dashLevel(dashLevel)
                .crime(crime)
                .outcome(outcome);
    }

    public DateInput getDate() {
        return date;
    }

    public void setDate(DateInput date) {
        this.date = date;
    }

    public IncidentType getType() {
        return type;
    }

    public void setType(IncidentType type) {
        this.type = type;
    }

    public String getOffenceCode() {
        return offenceCode;
    }

    public void setOffenceCode(String offenceCode) {
        this.offenceCode = offenceCode;
    }

    public String getVictimKey() {
        return victimKey;
    }

    public void setVictimKey(String victimKey) {
        this.victimKey = victimKey;
    }

    public DashLevel getDashLevel() {
        return dashLevel;
    }

    public void setDashLevel(DashLevel dashLevel) {
        this.dashLevel = dashLevel;
    }

    public Boolean getCrime() {
        return crime;
    }

    public void setCrime(Boolean crime) {
        this.crime = crime;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }
}
