package uk.dapp.web.partnersupport.tracks;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
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
import uk.dapp.client.partnersupport.api.ContactAttemptsApi;
import uk.dapp.client.partnersupport.api.DashApi;
import uk.dapp.client.partnersupport.api.DisclosuresApi;
import uk.dapp.client.partnersupport.api.HouseholdApi;
import uk.dapp.client.partnersupport.api.MaracApi;
import uk.dapp.client.partnersupport.api.OutcomesApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.api.SafetyPlansApi;
import uk.dapp.client.partnersupport.model.Allocation;
import uk.dapp.client.partnersupport.model.CloseReason;
import uk.dapp.client.partnersupport.model.Household;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.web.gateway.GatewayException.NotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.partnersupport.TrackAddress;
import uk.dapp.web.security.SignedInUser;

/**
 * A partner track: its page (every record partner support holds on it, each section with its
 * action), a case's tracks with "open a track", allocating a track to the signed-in worker, and
 * closing a track. Each read is partner support's, audited there.
 */
@Controller
public class TrackController {

    static final String TRACK = "/partner-support/tracks/{trackId}";
    private static final String CASE = "/partner-support/cases/{caseId}";

    private final PartnerTracksApi tracks;
    private final ContactAttemptsApi attempts;
    private final ConsentApi consents;
    private final DashApi dash;
    private final SafetyPlansApi plans;
    private final DisclosuresApi disclosures;
    private final OutcomesApi outcomes;
    private final HouseholdApi households;
    private final MaracApi marac;
    private final Words words;

    public TrackController(
            PartnerTracksApi tracks,
            ContactAttemptsApi attempts,
            ConsentApi consents,
            DashApi dash,
            SafetyPlansApi plans,
            DisclosuresApi disclosures,
            OutcomesApi outcomes,
            HouseholdApi households,
            MaracApi marac,
            Words words) {
        this.tracks = tracks;
        this.attempts = attempts;
        this.consents = consents;
        this.dash = dash;
        this.plans = plans;
        this.disclosures = disclosures;
        this.outcomes = outcomes;
        this.households = households;
        this.marac = marac;
        this.words = words;
    }

    @GetMapping(TRACK)
    String track(@PathVariable UUID trackId, Authentication authentication, Model model) {
        PartnerTrack track = tracks.getPartnerTrack(trackId);
        Household household;
        try {
            household = households.getHousehold(trackId);
        } catch (NotFoundException noneRecorded) {
            household = null;
        }
        model.addAttribute(
                "page",
                new TrackPage(
                        words,
                        track,
                        SignedInUser.of(authentication).username(),
                        attempts.listContactAttempts(trackId),
                        consents.listConsents(trackId),
                        dash.listDashAssessments(trackId),
                        plans.listSafetyPlans(trackId),
                        disclosures.listDisclosures(trackId),
                        disclosures.listRiskAlerts(track.getCaseId()),
                        marac.listMaracReferrals(trackId),
                        outcomes.getOutcomes(trackId),
                        household));
        return "partnersupport/tracks/track";
    }

    /** "Allocate to me", from the work list or the track: the version read there, so a track taken meanwhile is a 409. */
    @PostMapping(TRACK + "/allocation")
    String allocateToMe(
            @PathVariable UUID trackId,
            @RequestParam long version,
            Authentication authentication,
            RedirectAttributes flash) {
        PartnerTrack allocated = tracks.allocatePartnerTrack(
                trackId,
                new Allocation()
                        .allocatedWorker(SignedInUser.of(authentication).username())
                        .version(version));
        flash.addFlashAttribute(
                "success",
                "The track is allocated to you. The first contact is due by "
                        + words.of(allocated.getFirstContactDueOn()) + ".");
        return "redirect:" + TrackAddress.of(allocated.getTrackId());
    }

    @GetMapping(CASE)
    String caseTracks(@PathVariable String caseId, Model model) {
        model.addAttribute("openTrack", new OpenTrackForm());
        return showCase(caseId, model);
    }

    @PostMapping(CASE)
    String open(
            @PathVariable String caseId,
            @ModelAttribute("openTrack") OpenTrackForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            PartnerTrack opened = tracks.openPartnerTrack(caseId, form.toRequest());
            flash.addFlashAttribute(
                    "success",
                    "Track opened and allocated to " + opened.getAllocatedWorker() + ". The first contact is due by "
                            + words.of(opened.getFirstContactDueOn()) + ".");
            return "redirect:" + TrackAddress.of(opened.getTrackId());
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return showCase(caseId, model);
        }
    }

    private String showCase(String caseId, Model model) {
        List<PartnerTrack> ofCase = tracks.listPartnerTracks(caseId);
        model.addAttribute("caseId", caseId);
        model.addAttribute("tracks", ofCase);
        model.addAttribute("relationships", PartnerRelationship.values());
        return "partnersupport/tracks/case";
    }

    @GetMapping(TRACK + "/closure")
    String closeForm(@PathVariable UUID trackId, Model model) {
        PartnerTrack track = tracks.getPartnerTrack(trackId);
        CloseForm form = new CloseForm();
        form.setVersion(track.getVersion());
        model.addAttribute("closure", form);
        return showClose(track, model);
    }

    @PostMapping(TRACK + "/closure")
    String close(
            @PathVariable UUID trackId,
            @ModelAttribute("closure") CloseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            PartnerTrack closed = tracks.closePartnerTrack(trackId, form.toRequest());
            flash.addFlashAttribute("success", "The track is closed: " + words.of(closed.getCloseReason()) + ".");
            return "redirect:" + TrackAddress.of(closed.getTrackId());
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return showClose(tracks.getPartnerTrack(trackId), model);
        }
    }

    private String showClose(PartnerTrack track, Model model) {
        model.addAttribute("track", track);
        model.addAttribute("reasons", CloseReason.values());
        return "partnersupport/tracks/close";
    }
}
