package uk.dapp.web.programme.referrals;

import java.util.Arrays;
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
import uk.dapp.client.programme.api.ProgrammesApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.model.ContactMethod;
import uk.dapp.client.programme.model.PartnerDetails;
import uk.dapp.client.programme.model.PartnersPassOn;
import uk.dapp.client.programme.model.PartnersPassedOn;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.programme.participants.ParticipantNames;

/**
 * Referring someone to a programme (from any source but the risk matrix, whose referrals arrive by
 * themselves) with who the person is and their partners, and passing on partners learnt of later.
 * Partners go to partner support in the request and are never shown again: the pages after say
 * how many were passed on, never who.
 */
@Controller
public class NewReferralController {

    private static final String PARTNERS = "/programme/referrals/{referralId}/partners";

    private final ReferralsApi referrals;
    private final ProgrammesApi programmes;
    private final ParticipantNames names;

    public NewReferralController(ReferralsApi referrals, ProgrammesApi programmes, ParticipantNames names) {
        this.referrals = referrals;
        this.programmes = programmes;
        this.names = names;
    }

    @GetMapping("/programme/referrals/new")
    String form(@RequestParam(required = false) String caseId, Model model) {
        ReferralForm form = new ReferralForm();
        form.setCaseId(caseId);
        model.addAttribute("referral", form);
        return show(model);
    }

    @PostMapping("/programme/referrals/new")
    String refer(
            @ModelAttribute("referral") ReferralForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        ReferralForm.Request request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                Referral made = referrals.createReferral(request.body());
                int partners = request.body().getPartners() == null
                        ? 0
                        : request.body().getPartners().size();
                flash.addFlashAttribute(
                        "success", "Referral made. Their case ID is " + made.getCaseId() + "." + passedOn(partners));
                return "redirect:/programme/referrals/" + made.getReferralId();
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors, request.fieldNames());
            }
        }
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("programmes", programmes.listProgrammes());
        // a referral from the risk matrix is made by the offender manager's routing decision, not here
        model.addAttribute(
                "sources",
                Arrays.stream(ReferralSource.values())
                        .filter(s -> s != ReferralSource.RISK_MATRIX)
                        .toList());
        model.addAttribute("riskLevels", RiskLevel.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("contactMethods", ContactMethod.values());
        model.addAttribute("relationships", PartnerDetails.RelationshipEnum.values());
        return "programme/referrals/new";
    }

    @GetMapping(PARTNERS)
    String partnersForm(@PathVariable UUID referralId, Model model) {
        model.addAttribute("partnersForm", new PartnersForm());
        return showPartners(referralId, model);
    }

    @PostMapping(PARTNERS)
    String passOn(
            @PathVariable UUID referralId,
            @ModelAttribute("partnersForm") PartnersForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        PartnerFields.Sent sent = PartnerFields.of(form.getPartners());
        try {
            PartnersPassedOn passed =
                    referrals.passOnPartners(referralId, new PartnersPassOn().partners(sent.partners()));
            flash.addFlashAttribute(
                    "success", passedOn(passed.getPartnersPassedOn()).strip());
            return "redirect:/programme/referrals/" + passed.getReferralId();
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors, sent.fieldNames());
            return showPartners(referralId, model);
        }
    }

    private String showPartners(UUID referralId, Model model) {
        Referral referral = referrals.getReferral(referralId);
        model.addAttribute("referral", referral);
        model.addAttribute("name", names.nameOrCaseId(referral.getCaseId()));
        model.addAttribute("relationships", PartnerDetails.RelationshipEnum.values());
        return "programme/referrals/partners";
    }

    private static String passedOn(int partners) {
        return partners == 0
                ? ""
                : " " + partners + (partners == 1 ? " partner" : " partners")
                        + " passed on to partner support, who will contact them. Their details are not kept here.";
    }

    /** "Pass on partners": the API's PartnersPassOn, as rows. */
    public static class PartnersForm {
        private java.util.List<PartnerFields> partners = PartnerFields.rows();

        public java.util.List<PartnerFields> getPartners() {
            return partners;
        }

        public void setPartners(java.util.List<PartnerFields> partners) {
            this.partners = partners;
        }
    }
}
