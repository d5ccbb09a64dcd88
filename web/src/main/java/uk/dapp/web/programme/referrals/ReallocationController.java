package uk.dapp.web.programme.referrals;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.programme.api.EnrolmentApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.programme.participants.ParticipantNames;
import uk.dapp.web.programme.team.TeamCaseManagers;

/**
 * A service manager reallocates an enrolled one-to-one participant to another case manager of the
 * team, with the reason kept in the referral's history. The case managers offered are the case's
 * team's facilitators ({@code GET /teams/{team}/facilitators}: who the service accepts), the current
 * one left out, each with their caseload in the team, which the same answer counts for a service
 * manager. The version read is sent back, so a referral
 * changed meanwhile answers 409; a full caseload or a group participant is the service's 409 too.
 */
@Controller
public class ReallocationController {

    private static final String PATH = "/programme/referrals/{referralId}/reallocation";

    private final ReferralsApi referrals;
    private final EnrolmentApi enrolment;
    private final TeamCaseManagers caseManagers;
    private final ParticipantNames names;

    public ReallocationController(
            ReferralsApi referrals, EnrolmentApi enrolment, TeamCaseManagers caseManagers, ParticipantNames names) {
        this.referrals = referrals;
        this.enrolment = enrolment;
        this.caseManagers = caseManagers;
        this.names = names;
    }

    @GetMapping(PATH)
    String form(@PathVariable UUID referralId, Model model) {
        Referral referral = referrals.getReferral(referralId);
        ReallocationForm form = new ReallocationForm();
        form.setVersion(referral.getVersion());
        model.addAttribute("reallocation", form);
        return show(referral, model);
    }

    @PostMapping(PATH)
    String reallocate(
            @PathVariable UUID referralId,
            @ModelAttribute("reallocation") ReallocationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            Referral moved = enrolment.reallocateReferral(referralId, form.toRequest());
            flash.addFlashAttribute(
                    "success", "Case reallocated to " + moved.getCaseManager() + ". They have been notified.");
            return "redirect:/programme/referrals/" + referralId;
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return show(referrals.getReferral(referralId), model);
        }
    }

    private String show(Referral referral, Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("name", names.nameOrCaseId(referral.getCaseId()));
        List<TeamCaseManagers.CaseManager> others = caseManagers.of(referral.getTeam()).stream()
                .filter(manager -> !manager.username().equals(referral.getCaseManager()))
                .toList();
        model.addAttribute("caseManagers", others);
        return "programme/referrals/reallocate";
    }
}
