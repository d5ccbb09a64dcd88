package uk.dapp.web.partnersupport.outcomes;

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
import uk.dapp.client.partnersupport.api.OutcomesApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.model.OutcomeNew;
import uk.dapp.client.partnersupport.model.OutcomePoint;
import uk.dapp.client.partnersupport.model.OutcomeRecord;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.TrackRecordKind;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.partnersupport.ConsentToSupport;
import uk.dapp.web.partnersupport.TrackAddress;

/**
 * Recording the partner-reported outcomes at intake, midway or exit (once per point: a second time
 * is the service's 409). The track page shows each point and the change the service works out.
 */
@Controller
public class OutcomeController {

    private static final String OUTCOMES = "/partner-support/tracks/{trackId}/outcomes";

    private final PartnerTracksApi tracks;
    private final OutcomesApi outcomes;
    private final Words words;

    public OutcomeController(PartnerTracksApi tracks, OutcomesApi outcomes, Words words) {
        this.tracks = tracks;
        this.outcomes = outcomes;
        this.words = words;
    }

    @GetMapping(OUTCOMES)
    String form(@PathVariable UUID trackId, Model model) {
        model.addAttribute("outcome", OutcomeForm.today());
        return show(trackId, model);
    }

    @PostMapping(OUTCOMES)
    String record(
            @PathVariable UUID trackId,
            @ModelAttribute("outcome") OutcomeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        OutcomeNew request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                OutcomeRecord recorded = outcomes.recordOutcome(trackId, request);
                flash.addFlashAttribute(
                        "success",
                        "Outcomes at " + words.of(recorded.getPoint()).toLowerCase(Locale.ROOT) + " recorded.");
                return "redirect:" + TrackAddress.of(trackId) + "#outcomes";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return show(trackId, model);
    }

    private String show(UUID trackId, Model model) {
        PartnerTrack track = tracks.getPartnerTrack(trackId);
        model.addAttribute("track", track);
        model.addAttribute("consentNeeded", ConsentToSupport.neededFor(track, TrackRecordKind.PARTNER_OUTCOME));
        model.addAttribute("points", OutcomePoint.values());
        model.addAttribute("measures", Measure.ALL);
        return "partnersupport/outcomes/record";
    }
}
