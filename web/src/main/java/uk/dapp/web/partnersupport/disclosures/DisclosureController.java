package uk.dapp.web.partnersupport.disclosures;

import java.time.LocalDate;
import java.util.Locale;
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
import uk.dapp.client.partnersupport.api.ConsentApi;
import uk.dapp.client.partnersupport.api.DisclosuresApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.model.AbuseCategory;
import uk.dapp.client.partnersupport.model.ConsentType;
import uk.dapp.client.partnersupport.model.Disclosure;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.RiskAlert;
import uk.dapp.client.partnersupport.model.RiskLevel;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.partnersupport.TrackAddress;

/**
 * Recording a disclosure, in two steps: the form, then a check page that shows exactly what the
 * programme's risk alert will carry (the case ID, the level, the category and the date, as the
 * contract's RiskAlert has them, and nothing else) beside what stays here, before anything is saved.
 * Whether the alert is sent is partner support's decision; the page states its rule and the
 * partner's information-sharing consents as recorded, and the track page shows what it decided.
 */
@Controller
public class DisclosureController {

    private static final String DISCLOSURES = "/partner-support/tracks/{trackId}/disclosures";

    private final PartnerTracksApi tracks;
    private final DisclosuresApi disclosures;
    private final ConsentApi consents;
    private final Words words;

    public DisclosureController(PartnerTracksApi tracks, DisclosuresApi disclosures, ConsentApi consents, Words words) {
        this.tracks = tracks;
        this.disclosures = disclosures;
        this.consents = consents;
        this.words = words;
    }

    @GetMapping(DISCLOSURES)
    String form(@PathVariable UUID trackId, Model model) {
        model.addAttribute("disclosure", DisclosureForm.today());
        return showForm(tracks.getPartnerTrack(trackId), model);
    }

    /** "check" shows what will be shared, "change" goes back to the form, "save" records it. */
    @PostMapping(DISCLOSURES)
    String post(
            @PathVariable UUID trackId,
            @ModelAttribute("disclosure") DisclosureForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "check") String step,
            Model model,
            RedirectAttributes flash) {
        PartnerTrack track = tracks.getPartnerTrack(trackId);
        if (step.equals("change")) {
            return showForm(track, model);
        }
        var request = form.toRequest(errors);
        if (errors.hasErrors()) {
            return showForm(track, model);
        }
        if (!step.equals("save")) {
            return showCheck(track, request.getDisclosedOn(), model);
        }
        try {
            Disclosure recorded = disclosures.recordDisclosure(trackId, request);
            RiskAlert alert = disclosures.listRiskAlerts(track.getCaseId()).stream()
                    .filter(a -> a.getAlertId().equals(recorded.getAlertId()))
                    .findFirst()
                    .orElse(null);
            flash.addFlashAttribute(
                    "success",
                    "Disclosure recorded."
                            + (alert == null
                                    ? ""
                                    : " The risk alert for the programme: "
                                            + words.of(alert.getStatus()).toLowerCase(Locale.ROOT) + "."));
            return "redirect:" + TrackAddress.of(trackId) + "#disclosures";
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return showForm(track, model);
        }
    }

    private String showForm(PartnerTrack track, Model model) {
        model.addAttribute("track", track);
        model.addAttribute("categories", AbuseCategory.values());
        model.addAttribute("levels", RiskLevel.values());
        return "partnersupport/disclosures/record";
    }

    private String showCheck(PartnerTrack track, LocalDate disclosedOn, Model model) {
        model.addAttribute("track", track);
        model.addAttribute("disclosedOn", disclosedOn);
        model.addAttribute(
                "sharingConsents",
                consents.listConsents(track.getTrackId()).stream()
                        .filter(consent -> consent.getType() == ConsentType.INFORMATION_SHARING)
                        .toList());
        return "partnersupport/disclosures/check";
    }
}
