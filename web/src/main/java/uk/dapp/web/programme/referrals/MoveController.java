package uk.dapp.web.programme.referrals;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.programme.participants.ParticipantNames;

/**
 * A move a person asks for on a referral (withdraw, resume, or an exit: complete, drop out,
 * exclude, transfer, breach), one of those the referral lists as allowed now. Every move needs a
 * reason; an exit also the end-of-programme outcome. The version read is sent back, so a referral
 * changed meanwhile answers 409 ("this could not be saved", and a reload).
 */
@Controller
public class MoveController {

    private static final String PATH = "/programme/referrals/{referralId}/moves/{move}";

    private final ReferralsApi referrals;
    private final ParticipantNames names;
    private final Words words;

    public MoveController(ReferralsApi referrals, ParticipantNames names, Words words) {
        this.referrals = referrals;
        this.names = names;
        this.words = words;
    }

    @GetMapping(PATH)
    String form(@PathVariable UUID referralId, @PathVariable String move, Model model) {
        Referral referral = referrals.getReferral(referralId);
        if (referral.getAllowedMoves() == null || !referral.getAllowedMoves().contains(move)) {
            throw new PageNotFoundException("the referral does not offer this move now");
        }
        MoveForm form = new MoveForm();
        form.setVersion(referral.getVersion());
        model.addAttribute("moveForm", form);
        return show(referral, move, model);
    }

    @PostMapping(PATH)
    String move(
            @PathVariable UUID referralId,
            @PathVariable String move,
            @ModelAttribute("moveForm") MoveForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            Referral moved =
                    referrals.moveReferral(referralId, form.toRequest(move, ReferralPage.EXITS.contains(move)));
            flash.addFlashAttribute(
                    "success",
                    "Done: the referral is now " + words.of(moved.getStatus()).toLowerCase(java.util.Locale.UK) + ".");
            return "redirect:/programme/referrals/" + moved.getReferralId();
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return show(referrals.getReferral(referralId), move, model);
        }
    }

    private String show(Referral referral, String move, Model model) {
        model.addAttribute("referral", referral);
        model.addAttribute("name", names.nameOrCaseId(referral.getCaseId()));
        model.addAttribute("move", move);
        model.addAttribute("exit", ReferralPage.EXITS.contains(move));
        model.addAttribute("riskLevels", RiskLevel.values());
        return "programme/referrals/move";
    }
}
