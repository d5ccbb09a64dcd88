package uk.dapp.web.partnersupport.consent;

import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.partnersupport.api.ConsentApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.model.Consent;
import uk.dapp.client.partnersupport.model.ConsentNew;
import uk.dapp.client.partnersupport.model.ConsentType;
import uk.dapp.client.partnersupport.model.ConsentWithdrawal;
import uk.dapp.client.partnersupport.model.SharingScope;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.partnersupport.TrackAddress;

/** Recording a consent to support or to information sharing (with its scope), and withdrawing one. */
@Controller
public class ConsentController {

    private static final String CONSENTS = "/partner-support/tracks/{trackId}/consents";
    private static final String WITHDRAWAL = CONSENTS + "/{consentId}/withdrawal";

    private final PartnerTracksApi tracks;
    private final ConsentApi consents;
    private final Words words;

    public ConsentController(PartnerTracksApi tracks, ConsentApi consents, Words words) {
        this.tracks = tracks;
        this.consents = consents;
        this.words = words;
    }

    @GetMapping(CONSENTS)
    String form(@PathVariable UUID trackId, Model model) {
        ConsentForm form = new ConsentForm();
        form.setGivenOn(uk.dapp.web.forms.DateInput.today());
        model.addAttribute("consent", form);
        return show(trackId, model);
    }

    @PostMapping(CONSENTS)
    String record(
            @PathVariable UUID trackId,
            @ModelAttribute("consent") ConsentForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        ConsentNew request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                Consent recorded = consents.recordConsent(trackId, request);
                flash.addFlashAttribute(
                        "success",
                        "Consent to " + words.of(recorded.getType()).toLowerCase(Locale.ROOT) + " recorded"
                                + (recorded.getScope().isEmpty() ? "" : ": " + words.of(recorded.getScope())) + ".");
                return "redirect:" + TrackAddress.of(trackId) + "#consent";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return show(trackId, model);
    }

    private String show(UUID trackId, Model model) {
        model.addAttribute("track", tracks.getPartnerTrack(trackId));
        model.addAttribute("types", ConsentType.values());
        model.addAttribute("scopes", SharingScope.values());
        return "partnersupport/consent/record";
    }

    @GetMapping(WITHDRAWAL)
    String withdrawForm(@PathVariable UUID trackId, @PathVariable UUID consentId, Model model) {
        model.addAttribute("withdrawal", new WithdrawalForm());
        return showWithdrawal(trackId, consentId, model);
    }

    @PostMapping(WITHDRAWAL)
    String withdraw(
            @PathVariable UUID trackId,
            @PathVariable UUID consentId,
            @ModelAttribute("withdrawal") WithdrawalForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            Consent withdrawn = consents.withdrawConsent(trackId, consentId, form.toRequest());
            flash.addFlashAttribute(
                    "success",
                    "Consent to " + words.of(withdrawn.getType()).toLowerCase(Locale.ROOT)
                            + " withdrawn. It stopped at once.");
            return "redirect:" + TrackAddress.of(trackId) + "#consent";
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return showWithdrawal(trackId, consentId, model);
        }
    }

    private String showWithdrawal(UUID trackId, UUID consentId, Model model) {
        model.addAttribute("track", tracks.getPartnerTrack(trackId));
        model.addAttribute(
                "given",
                consents.listConsents(trackId).stream()
                        .filter(consent -> consent.getConsentId().equals(consentId))
                        .findFirst()
                        .orElseThrow(() -> new PageNotFoundException("no such consent on this track")));
        return "partnersupport/consent/withdraw";
    }

    /** Withdrawing: an optional note, as the API's ConsentWithdrawal. */
    public static class WithdrawalForm {
        private String note;

        ConsentWithdrawal toRequest() {
            return new ConsentWithdrawal().note(note == null || note.isBlank() ? null : note.strip());
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }
}
