package uk.dapp.web.programme.participants;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.programme.api.ParticipantsApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.model.ContactMethod;
import uk.dapp.client.programme.model.Participant;
import uk.dapp.client.programme.model.ParticipantPage;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Pagination;

/**
 * Finding a participant (by name or case ID, among the cases of the user's teams), the
 * participant's programme page (who they are, their referrals), and who they are in full with
 * every correction, and correcting it.
 */
@Controller
public class ParticipantController {

    private static final String CASE = "/programme/cases/{caseId}";

    private final ParticipantsApi participants;
    private final ReferralsApi referrals;
    private final ParticipantNames names;

    public ParticipantController(ParticipantsApi participants, ReferralsApi referrals, ParticipantNames names) {
        this.participants = participants;
        this.referrals = referrals;
        this.names = names;
    }

    @GetMapping("/programme/participants")
    String search(
            @ModelAttribute("search") ParticipantSearch search,
            BindingResult errors,
            HttpServletRequest request,
            Model model) {
        boolean asked = request.getParameterMap().containsKey("name")
                || request.getParameterMap().containsKey("caseId");
        if (asked && !errors.hasErrors()) {
            try {
                ParticipantPage page =
                        participants.searchParticipants(search.getName(), search.getCaseId(), search.getPage(), 25);
                model.addAttribute("results", page);
                model.addAttribute("pagination", Pagination.of(page.getPage(), page.getTotalPages()));
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return "programme/participants/search";
    }

    /** The participant's programme page; a case the user's teams hold nothing of is "Page not found", as the services answer. */
    @GetMapping(CASE)
    String programmeCase(@PathVariable String caseId, Model model) {
        Optional<Participant> participant = names.find(caseId);
        List<Referral> held = referrals.listCaseReferrals(caseId);
        if (participant.isEmpty() && held.isEmpty()) {
            throw new PageNotFoundException("no participant or referral of this case for the user's teams");
        }
        model.addAttribute(
                "caseId",
                participant
                        .map(Participant::getCaseId)
                        .orElseGet(() -> held.getFirst().getCaseId()));
        model.addAttribute("participant", participant.orElse(null));
        model.addAttribute("referrals", held);
        return "programme/participants/case";
    }

    @GetMapping(CASE + "/participant")
    String identity(@PathVariable String caseId, Model model) {
        Participant participant = participantOrNone(caseId);
        model.addAttribute("caseId", participant == null ? caseId : participant.getCaseId());
        model.addAttribute("participant", participant);
        return "programme/participants/identity";
    }

    @GetMapping(CASE + "/participant/correct")
    String correctForm(@PathVariable String caseId, Model model) {
        Participant participant = participantOrNone(caseId);
        model.addAttribute("correction", CorrectionForm.of(participant));
        return showCorrection(caseId, participant, model);
    }

    @PostMapping(CASE + "/participant/correct")
    String correct(
            @PathVariable String caseId,
            @ModelAttribute("correction") CorrectionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        var request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                Participant corrected = participants.correctParticipant(caseId, request);
                flash.addFlashAttribute(
                        "success",
                        corrected.getHistory().isEmpty()
                                ? "Who the person is is recorded."
                                : "Correction saved. What it replaced is kept in the history below.");
                return "redirect:/programme/cases/" + corrected.getCaseId() + "/participant";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return showCorrection(caseId, participantOrNone(caseId), model);
    }

    private String showCorrection(String caseId, Participant participant, Model model) {
        model.addAttribute("caseId", participant == null ? caseId : participant.getCaseId());
        model.addAttribute("participant", participant);
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("contactMethods", ContactMethod.values());
        return "programme/participants/correct";
    }

    /** The case's participant, or null when none is recorded yet for a case the user's teams hold; otherwise not found. */
    private Participant participantOrNone(String caseId) {
        Optional<Participant> participant = names.find(caseId);
        if (participant.isEmpty() && referrals.listCaseReferrals(caseId).isEmpty()) {
            throw new PageNotFoundException("no participant or referral of this case for the user's teams");
        }
        return participant.orElse(null);
    }
}
