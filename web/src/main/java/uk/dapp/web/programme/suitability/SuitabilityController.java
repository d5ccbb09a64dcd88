package uk.dapp.web.programme.suitability;

import java.util.List;
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
import uk.dapp.client.programme.api.ProgrammesApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.api.SuitabilityApi;
import uk.dapp.client.programme.model.Assessment;
import uk.dapp.client.programme.model.MentalHealth;
import uk.dapp.client.programme.model.MiSession;
import uk.dapp.client.programme.model.MiSessionCreate;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.programme.model.SubstanceMisuse;
import uk.dapp.client.programme.model.SuitabilityOutcome;
import uk.dapp.web.forms.DateInput;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.programme.participants.ParticipantNames;

/**
 * The suitability assessment (a new version each time: the service decides the outcome from the
 * scales and the motivational sessions held) and the motivational-interviewing sessions held
 * while a referral needs motivational work, up to the programme's cap.
 */
@Controller
public class SuitabilityController {

    private static final String ASSESSMENT = "/programme/referrals/{referralId}/assessment";
    private static final String MI_SESSION = "/programme/referrals/{referralId}/motivational-sessions/new";

    /** The scales' points, as the contract defines them: 1 (none) to 5 (strong). */
    static final List<Integer> SCALE = List.of(1, 2, 3, 4, 5);

    private final SuitabilityApi suitability;
    private final ReferralsApi referrals;
    private final ProgrammesApi programmes;
    private final ParticipantNames names;
    private final Words words;

    public SuitabilityController(
            SuitabilityApi suitability,
            ReferralsApi referrals,
            ProgrammesApi programmes,
            ParticipantNames names,
            Words words) {
        this.suitability = suitability;
        this.referrals = referrals;
        this.programmes = programmes;
        this.names = names;
        this.words = words;
    }

    @GetMapping(ASSESSMENT)
    String assessmentForm(@PathVariable UUID referralId, Model model) {
        model.addAttribute("assessment", new AssessmentForm());
        return showAssessment(referralId, model);
    }

    @PostMapping(ASSESSMENT)
    String assess(
            @PathVariable UUID referralId,
            @ModelAttribute("assessment") AssessmentForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                Assessment recorded = suitability.recordAssessment(referralId, form.toRequest());
                flash.addFlashAttribute("success", outcomeWords(recorded));
                return "redirect:/programme/referrals/" + referralId;
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return showAssessment(referralId, model);
    }

    private String outcomeWords(Assessment assessment) {
        StringBuilder words = new StringBuilder("Assessment version " + assessment.getVersion() + " recorded: "
                + this.words.of(assessment.getOutcome()).toLowerCase(Locale.UK));
        if (assessment.getReason() != null) {
            words.append(" (")
                    .append(this.words.code(assessment.getReason()).toLowerCase(Locale.UK))
                    .append(")");
        }
        if (assessment.getOnwardRoute() != null) {
            words.append(". Onward: ")
                    .append(this.words.of(assessment.getOnwardRoute()).toLowerCase(Locale.UK));
        }
        if (assessment.getOutcome() == SuitabilityOutcome.NEEDS_MOTIVATIONAL_WORK) {
            words.append(". ")
                    .append(assessment.getMiSessionsUsed())
                    .append(" of ")
                    .append(assessment.getMiSessionCap())
                    .append(" motivational sessions held so far");
        }
        return words.append(".").toString();
    }

    private String showAssessment(UUID referralId, Model model) {
        Referral referral = referrals.getReferral(referralId);
        model.addAttribute("referral", referral);
        model.addAttribute("name", name(referral));
        model.addAttribute("previous", suitability.listAssessments(referralId));
        model.addAttribute("scale", SCALE);
        model.addAttribute("concerns", MentalHealth.values());
        model.addAttribute("substanceConcerns", SubstanceMisuse.values());
        model.addAttribute("riskLevels", RiskLevel.values());
        return "programme/suitability/assessment";
    }

    @GetMapping(MI_SESSION)
    String miSessionForm(@PathVariable UUID referralId, Model model) {
        MiSessionForm form = new MiSessionForm();
        form.setHeldOn(DateInput.of(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))));
        model.addAttribute("miSession", form);
        return showMiSession(referralId, model);
    }

    @PostMapping(MI_SESSION)
    String recordMiSession(
            @PathVariable UUID referralId,
            @ModelAttribute("miSession") MiSessionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        MiSessionCreate request = new MiSessionCreate().heldOn(form.getHeldOn().toDate(errors, "heldOn"));
        if (!errors.hasErrors()) {
            try {
                MiSession held = suitability.recordMiSession(referralId, request);
                flash.addFlashAttribute(
                        "success",
                        "Motivational session " + held.getNumber() + " of " + held.getCap()
                                + " recorded. Reassess when you are ready.");
                return "redirect:/programme/referrals/" + referralId;
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return showMiSession(referralId, model);
    }

    private String showMiSession(UUID referralId, Model model) {
        Referral referral = referrals.getReferral(referralId);
        model.addAttribute("referral", referral);
        model.addAttribute("name", name(referral));
        model.addAttribute("programme", programmes.getProgramme(referral.getProgrammeCode()));
        return "programme/suitability/mi-session";
    }

    private String name(Referral referral) {
        return names.nameOrCaseId(referral.getCaseId());
    }

    /** "Record a motivational session": the API's MiSessionCreate. */
    public static class MiSessionForm {
        private DateInput heldOn = new DateInput();

        public DateInput getHeldOn() {
            return heldOn;
        }

        public void setHeldOn(DateInput heldOn) {
            this.heldOn = heldOn;
        }
    }
}
