package uk.dapp.web.programme.referrals;

import static uk.dapp.web.forms.Typed.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dapp.client.programme.model.PartnerDetails;

/**
 * One row of partners' details as typed (the API's PartnerDetails). They go to partner support
 * with the request and are never shown again: no page reads them back.
 */
public class PartnerFields {

    /** Rows offered on a form; the API takes up to 10 in one request. */
    static final int ROWS = 3;

    private PartnerDetails.RelationshipEnum relationship;
    private String name;
    private String phone;

    static List<PartnerFields> rows() {
        List<PartnerFields> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new PartnerFields());
        }
        return rows;
    }

    /** A row left empty is no partner; anything typed in it is sent, for the service to judge. */
    boolean isEmpty() {
        return relationship == null && given(name) == null && given(phone) == null;
    }

    PartnerDetails toDetails() {
        return new PartnerDetails().relationship(relationship).name(given(name)).phone(given(phone));
    }

    /** The rows filled in, as the API's list, and where each of its items sits on the form. */
    record Sent(List<PartnerDetails> partners, Map<String, String> fieldNames) {}

    /**
     * The rows filled in, in order; {@code fieldNames} maps the API's {@code partners[i]…} to the
     * form's row, so the service's errors land beside the row they are about.
     */
    static Sent of(List<PartnerFields> rows) {
        List<PartnerDetails> partners = new ArrayList<>();
        Map<String, String> fieldNames = new LinkedHashMap<>();
        for (int row = 0; row < rows.size(); row++) {
            if (!rows.get(row).isEmpty()) {
                int sent = partners.size();
                partners.add(rows.get(row).toDetails());
                for (String part : new String[] {"", ".relationship", ".name", ".phone"}) {
                    fieldNames.put(
                            "partners[" + sent + "]" + part,
                            "partners[" + row + "]" + (part.isEmpty() ? ".name" : part));
                }
            }
        }
        // a rule about the whole list (at least one, at most ten) is shown beside the first row
        fieldNames.put("partners", "partners[0].name");
        return new Sent(partners, fieldNames);
    }

    public PartnerDetails.RelationshipEnum getRelationship() {
        return relationship;
    }

    public void setRelationship(PartnerDetails.RelationshipEnum relationship) {
        this.relationship = relationship;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
