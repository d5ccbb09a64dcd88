package uk.dapp.web.partnersupport.tracks;

import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.PartnerTrackOpen;
import uk.dapp.web.forms.Typed;

/** "Open a track" on a case: the fields of the API's PartnerTrackOpen, under the same names. */
public class OpenTrackForm {

    private PartnerRelationship relationship;
    private String partnerName;
    private String team;

    PartnerTrackOpen toRequest() {
        return new PartnerTrackOpen()
                .relationship(relationship)
                .partnerName(Typed.given(partnerName))
                .team(Typed.given(team));
    }

    public PartnerRelationship getRelationship() {
        return relationship;
    }

    public void setRelationship(PartnerRelationship relationship) {
        this.relationship = relationship;
    }

    public String getPartnerName() {
        return partnerName;
    }

    public void setPartnerName(String partnerName) {
        this.partnerName = partnerName;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }
}
