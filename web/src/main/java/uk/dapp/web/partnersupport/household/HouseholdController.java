package uk.dapp.web.partnersupport.household;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.partnersupport.api.HouseholdApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.model.AgeBand;
import uk.dapp.client.partnersupport.model.Household;
import uk.dapp.client.partnersupport.model.HouseholdUpdate;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.SocialCareInvolvement;
import uk.dapp.client.partnersupport.model.TrackRecordKind;
import uk.dapp.web.gateway.GatewayException.NotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.partnersupport.ConsentToSupport;
import uk.dapp.web.partnersupport.TrackAddress;

/** Recording the children in the household by age band, never by name, and any social care involvement. */
@Controller
public class HouseholdController {

    private static final String HOUSEHOLD = "/partner-support/tracks/{trackId}/household";

    private final PartnerTracksApi tracks;
    private final HouseholdApi households;

    public HouseholdController(PartnerTracksApi tracks, HouseholdApi households) {
        this.tracks = tracks;
        this.households = households;
    }

    @GetMapping(HOUSEHOLD)
    String form(@PathVariable UUID trackId, Model model) {
        Household recorded;
        try {
            recorded = households.getHousehold(trackId);
        } catch (NotFoundException noneYet) {
            recorded = null;
        }
        model.addAttribute("household", HouseholdForm.of(recorded));
        return show(trackId, model);
    }

    @PostMapping(HOUSEHOLD)
    String record(
            @PathVariable UUID trackId,
            @ModelAttribute("household") HouseholdForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        HouseholdUpdate request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                Household saved = households.putHousehold(trackId, request);
                flash.addFlashAttribute(
                        "success",
                        saved.getChildrenCount() == 1
                                ? "1 child recorded."
                                : saved.getChildrenCount() + " children recorded.");
                return "redirect:" + TrackAddress.of(trackId) + "#children";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors, HouseholdForm.FIELD_NAMES);
            }
        }
        return show(trackId, model);
    }

    private String show(UUID trackId, Model model) {
        PartnerTrack track = tracks.getPartnerTrack(trackId);
        model.addAttribute("track", track);
        model.addAttribute("consentNeeded", ConsentToSupport.neededFor(track, TrackRecordKind.HOUSEHOLD));
        model.addAttribute("bands", AgeBand.values());
        model.addAttribute("socialCareOptions", SocialCareInvolvement.values());
        return "partnersupport/household/record";
    }
}
