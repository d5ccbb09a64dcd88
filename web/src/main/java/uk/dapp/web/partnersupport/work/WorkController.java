package uk.dapp.web.partnersupport.work;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.api.SafetyPlansApi;
import uk.dapp.client.partnersupport.api.WorkApi;
import uk.dapp.web.security.SignedInUser;

/**
 * The partner support worker's work: the four lists partner support gives (each audited per case by
 * the service, each of the worker's teams only): tracks waiting for a worker, first contacts overdue
 * in working days, partners to contact after a programme exit, safety plan reviews overdue, and the
 * MARAC meetings of open referrals.
 * "Only mine" keeps the rows allocated to the signed-in worker.
 */
@Controller
public class WorkController {

    private final PartnerTracksApi tracks;
    private final SafetyPlansApi safetyPlans;
    private final WorkApi work;

    public WorkController(PartnerTracksApi tracks, SafetyPlansApi safetyPlans, WorkApi work) {
        this.tracks = tracks;
        this.safetyPlans = safetyPlans;
        this.work = work;
    }

    @GetMapping("/partner-support")
    String work(@RequestParam(defaultValue = "false") boolean mine, Authentication authentication, Model model) {
        SignedInUser user = SignedInUser.of(authentication);
        model.addAttribute(
                "page",
                WorkPage.of(
                        user.username(),
                        mine,
                        tracks.listUnallocatedTracks(),
                        tracks.listOverdueFirstContacts(),
                        tracks.listExitContactPrompts(),
                        safetyPlans.listOverdueSafetyPlanReviews(),
                        work.listMaracMeetings()));
        return "partnersupport/work/work";
    }
}
