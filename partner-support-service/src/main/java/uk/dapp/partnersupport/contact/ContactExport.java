package uk.dapp.partnersupport.contact;

import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;
import uk.dapp.partnersupport.track.PartnerExportPart;
import uk.dapp.partnersupport.track.PartnerTrack;

/** Contact attempts, and the safe contact details decrypted: they are the partner's own. */
@Component
class ContactExport implements PartnerExportPart {

    private final ContactAttemptRepository attempts;
    private final SafeContactRepository safeContacts;
    private final SafeContactService safeContact;

    ContactExport(
            ContactAttemptRepository attempts, SafeContactRepository safeContacts, SafeContactService safeContact) {
        this.attempts = attempts;
        this.safeContacts = safeContacts;
        this.safeContact = safeContact;
    }

    @Override
    public void addTo(PartnerTrack track, PartnerSubjectAccessDto export) {
        attempts.findByTrackIdOrderByAttemptedAtAsc(track.trackId())
                .forEach(attempt -> export.addContactAttemptsItem(ContactAttemptController.toDto(attempt)));
        safeContacts
                .findById(track.trackId())
                .ifPresent(stored -> export.safeContact(SafeContactController.toDto(safeContact.view(stored))));
    }
}
