package uk.dapp.web.programme.participants;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.dapp.client.programme.model.ParticipantIdentity;
import uk.dapp.client.programme.model.PreferredContact;
import uk.dapp.web.layout.Rows;
import uk.dapp.web.layout.Rows.Row;

/**
 * An identity as summary list rows (only the parts recorded), and the parts' names as a page
 * says them; templates write {@code ${@identityRows.of(identity)}}.
 */
@Component("identityRows")
public class IdentityRows {

    private static final Map<String, String> LABELS = Map.of(
            "givenName",
            "Given name",
            "familyName",
            "Family name",
            "dateOfBirth",
            "Date of birth",
            "sex",
            "Sex",
            "preferredContact",
            "Preferred contact",
            "probationReference",
            "Probation reference",
            "interpreterLanguage",
            "Interpreter needed for",
            "accessibilityNeeds",
            "Accessibility needs");

    public List<Row> of(ParticipantIdentity identity) {
        Rows rows = new Rows()
                .add(LABELS.get("givenName"), identity.getGivenName())
                .add(LABELS.get("familyName"), identity.getFamilyName())
                .add(LABELS.get("dateOfBirth"), identity.getDateOfBirth())
                .add(LABELS.get("sex"), identity.getSex());
        PreferredContact contact = identity.getPreferredContact();
        if (contact != null) {
            rows.add(LABELS.get("preferredContact"), contact.getMethod())
                    .add("Phone", contact.getPhone())
                    .add("Email", contact.getEmail())
                    .add("Address", contact.getAddress())
                    .add("Safe times to contact", contact.getSafeTimes());
        }
        return rows.add(LABELS.get("probationReference"), identity.getProbationReference())
                .add(LABELS.get("interpreterLanguage"), identity.getInterpreterLanguage())
                .add(LABELS.get("accessibilityNeeds"), identity.getAccessibilityNeeds())
                .list();
    }

    /** The parts a correction changed, as the service names them, in words: "Date of birth, Sex". */
    public String parts(List<String> names) {
        return names.stream().map(name -> LABELS.getOrDefault(name, name)).collect(Collectors.joining(", "));
    }
}
