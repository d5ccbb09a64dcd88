package uk.dapp.web.programme.referrals;

import static uk.dapp.web.forms.Typed.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.BindingResult;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.web.programme.participants.IdentityFields;

/**
 * "Refer someone to a programme": the API's ReferralCreate under the same names, with who the
 * person is ({@code participant}) and their partners ({@code partners}, passed on to partner
 * support with the referral and never shown again).
 */
public class ReferralForm {

    private String caseId;
    private String programmeCode;
    private ReferralSource source;
    private Boolean mandated;
    private RiskLevel riskLevel;
    private String responsibleProbationOfficer;
    private String team;
    private IdentityFields participant = new IdentityFields();
    private List<PartnerFields> partners = PartnerFields.rows();

    /** The request, and where the API's field names sit on this form where they differ. */
    record Request(ReferralCreate body, Map<String, String> fieldNames) {}

    Request toRequest(BindingResult form) {
        PartnerFields.Sent sent = PartnerFields.of(partners);
        Map<String, String> fieldNames = new HashMap<>(sent.fieldNames());
        // the programme's eligibility reads the participant's sex and date of birth (the contract's top-level
        // fields, left out here, fall back to them) and names its own fields
        fieldNames.put("sex", "participant.sex");
        fieldNames.put("dateOfBirth", "participant.dateOfBirth");
        ReferralCreate body = new ReferralCreate()
                .caseId(given(caseId))
                .programmeCode(programmeCode)
                .source(source)
                .mandated(mandated)
                .riskLevel(riskLevel)
                .responsibleProbationOfficer(given(responsibleProbationOfficer))
                .team(given(team))
                .participant(participant.isEmpty() ? null : participant.toIdentity(form, "participant"))
                .partners(sent.partners().isEmpty() ? null : sent.partners());
        return new Request(body, fieldNames);
    }

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = caseId;
    }

    public String getProgrammeCode() {
        return programmeCode;
    }

    public void setProgrammeCode(String programmeCode) {
        this.programmeCode = programmeCode;
    }

    public ReferralSource getSource() {
        return source;
    }

    public void setSource(ReferralSource source) {
        this.source = source;
    }

    public Boolean getMandated() {
        return mandated;
    }

    public void setMandated(Boolean mandated) {
        this.mandated = mandated;
    }

    public RiskLevel getRiskLevel() {
        return riskLevel;
    }

    public void setRiskLevel(RiskLevel riskLevel) {
        this.riskLevel = riskLevel;
    }

    public String getResponsibleProbationOfficer() {
        return responsibleProbationOfficer;
    }

    public void setResponsibleProbationOfficer(String responsibleProbationOfficer) {
        this.responsibleProbationOfficer = responsibleProbationOfficer;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public IdentityFields getParticipant() {
        return participant;
    }

    public void setParticipant(IdentityFields participant) {
        this.participant = participant;
    }

    public List<PartnerFields> getPartners() {
        return partners;
    }

    public void setPartners(List<PartnerFields> partners) {
        this.partners = partners;
    }
}
