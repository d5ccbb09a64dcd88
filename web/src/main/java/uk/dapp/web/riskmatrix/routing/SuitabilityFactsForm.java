package uk.dapp.web.riskmatrix.routing;

import uk.dapp.client.riskmatrix.model.RecordedFacts;
import uk.dapp.client.riskmatrix.model.SuitabilityFacts;

/** "Suitability facts": each yes-or-no answer of the API's SuitabilityFacts, under the same names, and notes. */
public class SuitabilityFactsForm {

    private Boolean willingToEngage;
    private Boolean consentsToGpsTag;
    private Boolean drugMisuse;
    private Boolean alcoholMisuse;
    private Boolean housingNeed;
    private Boolean inCustody;
    private Boolean existingOrders;
    private String notes;

    /** The facts recorded before, to change; a blank form when there are none. */
    static SuitabilityFactsForm of(RecordedFacts recorded) {
        SuitabilityFactsForm form = new SuitabilityFactsForm();
        if (recorded != null) {
            SuitabilityFacts facts = recorded.getFacts();
            form.willingToEngage = facts.getWillingToEngage();
            form.consentsToGpsTag = facts.getConsentsToGpsTag();
            form.drugMisuse = facts.getDrugMisuse();
            form.alcoholMisuse = facts.getAlcoholMisuse();
            form.housingNeed = facts.getHousingNeed();
            form.inCustody = facts.getInCustody();
            form.existingOrders = facts.getExistingOrders();
            form.notes = facts.getNotes();
        }
        return form;
    }

    SuitabilityFacts toRequest() {
        return new SuitabilityFacts()
                .willingToEngage(willingToEngage)
                .consentsToGpsTag(consentsToGpsTag)
                .drugMisuse(drugMisuse)
                .alcoholMisuse(alcoholMisuse)
                .housingNeed(housingNeed)
                .inCustody(inCustody)
                .existingOrders(existingOrders)
                .notes(notes == null || notes.isBlank() ? null : notes.strip());
    }

    public Boolean getWillingToEngage() {
        return willingToEngage;
    }

    public void setWillingToEngage(Boolean willingToEngage) {
        this.willingToEngage = willingToEngage;
    }

    public Boolean getConsentsToGpsTag() {
        return consentsToGpsTag;
    }

    public void setConsentsToGpsTag(Boolean consentsToGpsTag) {
        this.consentsToGpsTag = consentsToGpsTag;
    }

    public Boolean getDrugMisuse() {
        return drugMisuse;
    }

    public void setDrugMisuse(Boolean drugMisuse) {
        this.drugMisuse = drugMisuse;
    }

    public Boolean getAlcoholMisuse() {
        return alcoholMisuse;
    }

    public void setAlcoholMisuse(Boolean alcoholMisuse) {
        this.alcoholMisuse = alcoholMisuse;
    }

    public Boolean getHousingNeed() {
        return housingNeed;
    }

    public void setHousingNeed(Boolean housingNeed) {
        this.housingNeed = housingNeed;
    }

    public Boolean getInCustody() {
        return inCustody;
    }

    public void setInCustody(Boolean inCustody) {
        this.inCustody = inCustody;
    }

    public Boolean getExistingOrders() {
        return existingOrders;
    }

    public void setExistingOrders(Boolean existingOrders) {
        this.existingOrders = existingOrders;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
