package uk.dapp.web.partnersupport.contact;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.partnersupport.api.ContactAttemptsApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.model.ContactAttempt;
import uk.dapp.client.partnersupport.model.ContactAttemptNew;
import uk.dapp.client.partnersupport.model.ContactMethod;
import uk.dapp.client.partnersupport.model.ContactOutcome;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.partnersupport.TrackAddress;

/**
 * Logging a contact attempt. The form is also on the page that shows the safe contact details (so
 * the safe times and code word are in view while calling); here it stands alone and shows none of
 * them: after a refusal the details are asked for again, never carried over.
 */
@Controller
public class ContactAttemptController {

    private static final String ATTEMPTS = "/partner-support/tracks/{trackId}/contact-attempts";

    private final PartnerTracksApi tracks;
    private final ContactAttemptsApi attempts;
    private final Words words;

    public ContactAttemptController(PartnerTracksApi tracks, ContactAttemptsApi attempts, Words words) {
        this.tracks = tracks;
        this.attempts = attempts;
        this.words = words;
    }

    @GetMapping(ATTEMPTS)
    String form(@PathVariable UUID trackId, Model model) {
        model.addAttribute("attempt", ContactAttemptForm.now());
        return show(trackId, model);
    }

    @PostMapping(ATTEMPTS)
    String log(
            @PathVariable UUID trackId,
            @ModelAttribute("attempt") ContactAttemptForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        ContactAttemptNew request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                ContactAttempt logged = attempts.logContactAttempt(trackId, request);
                flash.addFlashAttribute("success", "Contact attempt logged: " + words.of(logged.getOutcome()) + ".");
                return "redirect:" + TrackAddress.of(trackId) + "#contact";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return show(trackId, model);
    }

    private String show(UUID trackId, Model model) {
        model.addAttribute("track", tracks.getPartnerTrack(trackId));
        model.addAttribute("methods", ContactMethod.values());
        model.addAttribute("outcomes", ContactOutcome.values());
        return "partnersupport/contact/attempt";
    }
}
