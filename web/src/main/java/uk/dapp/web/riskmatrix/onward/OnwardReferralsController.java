package uk.dapp.web.riskmatrix.onward;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.OnwardReferralsApi;
import uk.dapp.client.riskmatrix.model.OnwardReferral;
import uk.dapp.client.riskmatrix.model.OnwardReferralCreate;
import uk.dapp.client.riskmatrix.model.OnwardReferralStatusUpdate;
import uk.dapp.client.riskmatrix.model.OnwardReferralType;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;

/**
 * An engaged nominal's onward referrals (GPS tagging, drug rehabilitation, alcohol treatment, housing,
 * probation): making one, recording what became of it, and the caller's follow-ups due. They are listed on the
 * nominal's page.
 */
@Controller
public class OnwardReferralsController {

    private static final String REFERRALS = "/risk-matrix/nominals/{caseId}/onward-referrals";

    /** The most follow-ups one page lists: those beyond are on each nominal's page. */
    private static final int MOST = 100;

    private final OnwardReferralsApi referrals;
    private final NominalsApi nominals;
    private final Words words;

    public OnwardReferralsController(OnwardReferralsApi referrals, NominalsApi nominals, Words words) {
        this.referrals = referrals;
        this.nominals = nominals;
        this.words = words;
    }

    /** The caller's own open referrals whose follow-up is due within a week or past, overdue first. */
    @GetMapping("/risk-matrix/onward-referrals")
    String followUps(Model model) {
        // their own list, not my-work's: my-work's other lists would record reads of cases never shown here
        model.addAttribute("followUps", referrals.listOnwardReferralFollowUps(MOST));
        return "riskmatrix/onward/follow-ups";
    }

    @GetMapping(REFERRALS + "/new")
    String form(@PathVariable String caseId, Model model) {
        model.addAttribute("referralForm", new OnwardReferralForm());
        return showNew(caseId, model);
    }

    @PostMapping(REFERRALS + "/new")
    String make(
            @PathVariable String caseId,
            @ModelAttribute("referralForm") OnwardReferralForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        OnwardReferralCreate request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                OnwardReferral made = referrals.makeOnwardReferral(caseId, request);
                flash.addFlashAttribute("success", "Onward referral recorded: " + words.of(made.getType()) + ".");
                return "redirect:/risk-matrix/nominals/" + made.getCaseId() + "#onward-referrals";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return showNew(caseId, model);
    }

    private String showNew(String caseId, Model model) {
        model.addAttribute("nominal", nominals.getNominal(caseId));
        model.addAttribute("types", OnwardReferralType.values());
        return "riskmatrix/onward/new";
    }

    @GetMapping(REFERRALS + "/{referralId}")
    String referral(@PathVariable String caseId, @PathVariable String referralId, Model model) {
        model.addAttribute("statusForm", new OnwardReferralStatusForm());
        return showReferral(caseId, referralId, model);
    }

    @PostMapping(REFERRALS + "/{referralId}")
    String record(
            @PathVariable String caseId,
            @PathVariable String referralId,
            @ModelAttribute("statusForm") OnwardReferralStatusForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        OnwardReferralStatusUpdate request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                OnwardReferral moved = referrals.recordOnwardReferralStatus(caseId, referralId, request);
                flash.addFlashAttribute(
                        "success",
                        words.of(moved.getType()) + " referral: "
                                + words.of(moved.getStatus()).toLowerCase(java.util.Locale.ROOT) + ".");
                return "redirect:/risk-matrix/nominals/" + moved.getCaseId() + "#onward-referrals";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return showReferral(caseId, referralId, model);
    }

    private String showReferral(String caseId, String referralId, Model model) {
        OnwardReferral referral = referrals.listOnwardReferrals(caseId).getItems().stream()
                .filter(r -> r.getReferralId().equals(referralId))
                .findFirst()
                .orElseThrow(() -> new PageNotFoundException("no such onward referral on this nominal"));
        model.addAttribute("nominal", nominals.getNominal(caseId));
        model.addAttribute("referral", referral);
        return "riskmatrix/onward/referral";
    }
}
