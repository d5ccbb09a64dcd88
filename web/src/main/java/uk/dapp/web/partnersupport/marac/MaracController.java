package uk.dapp.web.partnersupport.marac;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import uk.dapp.client.partnersupport.api.MaracApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.model.MaracAction;
import uk.dapp.client.partnersupport.model.MaracOutcome;
import uk.dapp.client.partnersupport.model.MaracReferral;
import uk.dapp.client.partnersupport.model.MaracReferralUpdate;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.TrackRecordKind;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.partnersupport.ConsentToSupport;
import uk.dapp.web.partnersupport.TrackAddress;

/**
 * A track's MARAC referral: referring (the service works out the criteria from the records), the
 * meeting and its outcome, an action agreed there, and an action done. The API takes the meeting,
 * the actions and the outcome as one revision with the version last read, so each form sends what
 * the referral holds with its one change, and a referral changed meanwhile is the service's 409.
 */
@Controller
public class MaracController {

    private static final String REFER = "/partner-support/tracks/{trackId}/marac-referrals/new";
    private static final String REFERRAL = "/partner-support/tracks/{trackId}/marac-referrals/{maracReferralId}";
    private static final String MEETING = REFERRAL + "/meeting";
    private static final String NEW_ACTION = REFERRAL + "/actions/new";
    private static final String ACTION_DONE = REFERRAL + "/actions/{index}/done";

    private final PartnerTracksApi tracks;
    private final MaracApi marac;
    private final Words words;

    public MaracController(PartnerTracksApi tracks, MaracApi marac, Words words) {
        this.tracks = tracks;
        this.marac = marac;
        this.words = words;
    }

    @GetMapping(REFER)
    String referForm(@PathVariable UUID trackId, Model model) {
        model.addAttribute("referral", MaracReferralForm.today());
        return showRefer(trackId, model);
    }

    @PostMapping(REFER)
    String refer(
            @PathVariable UUID trackId,
            @ModelAttribute("referral") MaracReferralForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        var request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                MaracReferral referred = marac.referToMarac(trackId, request);
                flash.addFlashAttribute(
                        "success",
                        "Referred to the MARAC: "
                                + words.of(referred.getCriteria()).toLowerCase(Locale.ROOT) + ". The meeting is due by "
                                + words.of(referred.getMeetingDueBy()) + ".");
                return "redirect:" + TrackAddress.of(trackId) + "#marac";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return showRefer(trackId, model);
    }

    private String showRefer(UUID trackId, Model model) {
        PartnerTrack track = tracks.getPartnerTrack(trackId);
        model.addAttribute("track", track);
        model.addAttribute("consentNeeded", ConsentToSupport.neededFor(track, TrackRecordKind.MARAC_REFERRAL));
        return "partnersupport/marac/refer";
    }

    @GetMapping(MEETING)
    String meetingForm(@PathVariable UUID trackId, @PathVariable UUID maracReferralId, Model model) {
        MaracReferral referral = find(trackId, maracReferralId);
        model.addAttribute("meeting", MaracMeetingForm.of(referral));
        return showMeeting(trackId, referral, model);
    }

    @PostMapping(MEETING)
    String recordMeeting(
            @PathVariable UUID trackId,
            @PathVariable UUID maracReferralId,
            @ModelAttribute("meeting") MaracMeetingForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        MaracReferral current = find(trackId, maracReferralId);
        MaracReferralUpdate request = form.toRequest(current, errors);
        if (!errors.hasErrors()) {
            try {
                MaracReferral recorded = marac.updateMaracReferral(maracReferralId, request);
                flash.addFlashAttribute("success", meetingWords(recorded));
                return "redirect:" + TrackAddress.of(trackId) + "#marac";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return showMeeting(trackId, current, model);
    }

    private String meetingWords(MaracReferral recorded) {
        String meeting = recorded.getMeetingOn() == null
                ? "No meeting date is set"
                : "The MARAC meeting is recorded for " + words.of(recorded.getMeetingOn());
        return meeting
                + (recorded.getOutcome() == null
                        ? "; no outcome yet."
                        : ". Outcome: " + words.of(recorded.getOutcome()) + ".");
    }

    private String showMeeting(UUID trackId, MaracReferral referral, Model model) {
        model.addAttribute("track", tracks.getPartnerTrack(trackId));
        model.addAttribute("maracReferral", referral);
        model.addAttribute("outcomes", MaracOutcome.values());
        return "partnersupport/marac/meeting";
    }

    @GetMapping(NEW_ACTION)
    String actionForm(@PathVariable UUID trackId, @PathVariable UUID maracReferralId, Model model) {
        MaracReferral referral = find(trackId, maracReferralId);
        model.addAttribute("action", MaracActionForm.of(referral));
        return showAction(trackId, referral, model);
    }

    @PostMapping(NEW_ACTION)
    String addAction(
            @PathVariable UUID trackId,
            @PathVariable UUID maracReferralId,
            @ModelAttribute("action") MaracActionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        MaracReferral current = find(trackId, maracReferralId);
        MaracReferralUpdate request = form.toRequest(current, errors);
        if (!errors.hasErrors()) {
            try {
                MaracReferral revised = marac.updateMaracReferral(maracReferralId, request);
                MaracAction added = revised.getActions().getLast();
                flash.addFlashAttribute(
                        "success",
                        "Action added: " + added.getDescription() + ", owned by " + added.getOwner() + ", due by "
                                + words.of(added.getDueOn()) + ".");
                return "redirect:" + TrackAddress.of(trackId) + "#marac";
            } catch (RejectedRequestException rejected) {
                String at = MaracActionForm.at(current);
                rejected.problem()
                        .addTo(
                                errors,
                                Map.of(
                                        at + "description",
                                        "description",
                                        at + "owner",
                                        "owner",
                                        at + "dueOn",
                                        "dueOn"));
            }
        }
        return showAction(trackId, current, model);
    }

    private String showAction(UUID trackId, MaracReferral referral, Model model) {
        model.addAttribute("track", tracks.getPartnerTrack(trackId));
        model.addAttribute("maracReferral", referral);
        return "partnersupport/marac/action";
    }

    /** "Mark as done" from the track page's table of actions, with the version the page was read at. */
    @PostMapping(ACTION_DONE)
    String actionDone(
            @PathVariable UUID trackId,
            @PathVariable UUID maracReferralId,
            @PathVariable int index,
            @RequestParam long version,
            RedirectAttributes flash) {
        MaracReferral current = find(trackId, maracReferralId);
        if (index < 0 || index >= current.getActions().size()) {
            throw new PageNotFoundException("no such action on this MARAC referral");
        }
        List<MaracAction> actions = new ArrayList<>();
        for (int i = 0; i < current.getActions().size(); i++) {
            MaracAction action = current.getActions().get(i);
            actions.add(
                    i != index
                            ? action
                            : new MaracAction()
                                    .description(action.getDescription())
                                    .owner(action.getOwner())
                                    .dueOn(action.getDueOn())
                                    .done(true));
        }
        MaracReferral revised = marac.updateMaracReferral(
                maracReferralId,
                new MaracReferralUpdate()
                        .meetingOn(current.getMeetingOn())
                        .actions(actions)
                        .outcome(current.getOutcome())
                        .outcomeNote(current.getOutcomeNote())
                        .version(version));
        flash.addFlashAttribute(
                "success", "Action done: " + revised.getActions().get(index).getDescription() + ".");
        return "redirect:" + TrackAddress.of(trackId) + "#marac";
    }

    private MaracReferral find(UUID trackId, UUID maracReferralId) {
        return marac.listMaracReferrals(trackId).stream()
                .filter(referral -> referral.getMaracReferralId().equals(maracReferralId))
                .findFirst()
                .orElseThrow(() -> new PageNotFoundException("no such MARAC referral on this track"));
    }
}
