package uk.dapp.web.partnersupport.contact;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.api.SafeContactApi;
import uk.dapp.client.partnersupport.model.ContactMethod;
import uk.dapp.client.partnersupport.model.ContactOutcome;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.SafeContact;
import uk.dapp.web.gateway.GatewayException.NotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.partnersupport.TrackAddress;

/**
 * Safe contact details, the most sensitive data of the system. They are read from partner support
 * (which audits every read) only when the worker presses "Show safe contact details": a POST, so
 * that no link, prefetch, crawler or reload of an address shows them. The answer is rendered straight
 * into that one response (every page is {@code Cache-Control: no-store}) and kept nowhere: not in the
 * session, not in a flash message, not in any other page. Recording them is a form that is never
 * filled in with the stored details.
 */
@Controller
public class SafeContactController {

    private static final String SAFE_CONTACT = "/partner-support/tracks/{trackId}/safe-contact";

    private final PartnerTracksApi tracks;
    private final SafeContactApi safeContacts;

    public SafeContactController(PartnerTracksApi tracks, SafeContactApi safeContacts) {
        this.tracks = tracks;
        this.safeContacts = safeContacts;
    }

    /** The address itself shows nothing: only the button that reads them. */
    @GetMapping(SAFE_CONTACT)
    String ask(@PathVariable UUID trackId, Model model) {
        model.addAttribute("track", tracks.getPartnerTrack(trackId));
        return "partnersupport/contact/show";
    }

    /** The deliberate "show": one audited read, rendered into this response only, with the attempt form beside it. */
    @PostMapping(SAFE_CONTACT)
    String show(@PathVariable UUID trackId, Model model) {
        PartnerTrack track = tracks.getPartnerTrack(trackId);
        SafeContact details;
        try {
            details = safeContacts.getSafeContact(trackId);
        } catch (NotFoundException noneRecorded) {
            details = null;
        }
        model.addAttribute("track", track);
        model.addAttribute("details", details);
        model.addAttribute("attempt", ContactAttemptForm.now());
        model.addAttribute("methods", ContactMethod.values());
        model.addAttribute("outcomes", ContactOutcome.values());
        return "partnersupport/contact/revealed";
    }

    /** Recording or replacing them: an empty form, with the version last read (0 for the first record). */
    @GetMapping(SAFE_CONTACT + "/edit")
    String form(@PathVariable UUID trackId, @RequestParam(defaultValue = "0") long version, Model model) {
        SafeContactForm form = new SafeContactForm();
        form.setVersion(version);
        model.addAttribute("safeContact", form);
        model.addAttribute("track", tracks.getPartnerTrack(trackId));
        return "partnersupport/contact/edit";
    }

    @PostMapping(SAFE_CONTACT + "/edit")
    String save(
            @PathVariable UUID trackId,
            @ModelAttribute("safeContact") SafeContactForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            safeContacts.putSafeContact(trackId, form.toRequest());
            flash.addFlashAttribute("success", "The safe contact details are saved.");
            return "redirect:" + TrackAddress.of(trackId) + "#contact";
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            model.addAttribute("track", tracks.getPartnerTrack(trackId));
            return "partnersupport/contact/edit";
        }
    }
}
