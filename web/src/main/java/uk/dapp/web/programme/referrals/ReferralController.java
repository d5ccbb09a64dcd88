package uk.dapp.web.programme.referrals;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uk.dapp.client.programme.api.ProgrammesApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.api.SuitabilityApi;
import uk.dapp.client.programme.api.ViewsApi;
import uk.dapp.client.programme.model.Programme;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.web.gateway.GatewayException.NotFoundException;
import uk.dapp.web.programme.participants.ParticipantNames;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

/**
 * The referral page: status, details, what may be done next (the allowed moves as buttons, and
 * the recording that moves it on; a service manager's reallocation of a one-to-one case), its
 * suitability assessments and its history as a timeline. A
 * referral of another team is "Page not found", as the service answers (ADR 0012).
 */
@Controller
public class ReferralController {

    private final ReferralsApi referrals;
    private final ProgrammesApi programmes;
    private final SuitabilityApi suitability;
    private final ViewsApi views;
    private final ParticipantNames names;

    public ReferralController(
            ReferralsApi referrals,
            ProgrammesApi programmes,
            SuitabilityApi suitability,
            ViewsApi views,
            ParticipantNames names) {
        this.referrals = referrals;
        this.programmes = programmes;
        this.suitability = suitability;
        this.views = views;
        this.names = names;
    }

    @GetMapping("/programme/referrals/{referralId}")
    String referral(@PathVariable UUID referralId, Authentication user, Model model) {
        Referral referral = referrals.getReferral(referralId);
        ReferralPage page = new ReferralPage(
                referral,
                programme(referral.getProgrammeCode()),
                names.find(referral.getCaseId()).orElse(null),
                suitability.listAssessments(referralId),
                views.getTimeline(referralId),
                referrals.getReferralStatusMachine());
        model.addAttribute("page", page);
        // a service manager's task (the service refuses others), offered where the service would take it
        model.addAttribute("mayReallocate", SignedInUser.of(user).has(Role.SERVICE_MANAGER) && page.onCaseload());
        return "programme/referrals/referral";
    }

    /** The referral's programme; one taken out of the catalogue since is shown by its code alone. */
    Programme programme(String code) {
        try {
            return programmes.getProgramme(code);
        } catch (NotFoundException gone) {
            return null;
        }
    }
}
