package uk.dapp.web.partnersupport.dash;

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
import uk.dapp.client.partnersupport.api.DashApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.model.DashAnswer;
import uk.dapp.client.partnersupport.model.DashAssessment;
import uk.dapp.client.partnersupport.model.DashAssessmentNew;
import uk.dapp.client.partnersupport.model.DashQuestion;
import uk.dapp.client.partnersupport.model.RiskLevel;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;

/**
 * The DASH risk checklist: the service's questions in its order, answered yes, no or not known,
 * with the incidents of the last 12 months, any previous MARAC referral and professional judgement.
 * The page keeps a running count with JavaScript; without it, and in any case, the service scores
 * the checklist when it is saved, and its answer is what the next page shows.
 */
@Controller
public class DashController {

    private static final String DASH = "/partner-support/tracks/{trackId}/dash";

    private final PartnerTracksApi tracks;
    private final DashApi dash;
    private final Words words;

    public DashController(PartnerTracksApi tracks, DashApi dash, Words words) {
        this.tracks = tracks;
        this.dash = dash;
        this.words = words;
    }

    @GetMapping(DASH)
    String form(@PathVariable UUID trackId, Model model) {
        List<DashQuestion> questions = dash.listDashQuestions();
        model.addAttribute("dash", DashForm.today(questions.size()));
        return show(trackId, questions, false, model);
    }

    @PostMapping(DASH)
    String complete(
            @PathVariable UUID trackId,
            @ModelAttribute("dash") DashForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        List<DashQuestion> questions = dash.listDashQuestions();
        DashAssessmentNew request = form.toRequest(errors, questions.size());
        if (!errors.hasErrors()) {
            try {
                DashAssessment scored = dash.completeDashAssessment(trackId, request);
                flash.addFlashAttribute(
                        "success",
                        "Checklist saved: " + scored.getYesCount() + " yes answers, so "
                                + words.of(scored.getChecklistLevel()).toLowerCase(Locale.ROOT)
                                + " on the checklist; the risk level is "
                                + words.of(scored.getRiskLevel()).toLowerCase(Locale.ROOT) + ".");
                return "redirect:/partner-support/tracks/" + trackId + "/dash/" + scored.getVersion();
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return show(trackId, questions, errors.hasFieldErrors("answers"), model);
    }

    /** A completed checklist as the service scored it, with its answers. */
    @GetMapping(DASH + "/{version}")
    String scored(@PathVariable UUID trackId, @PathVariable int version, Model model) {
        DashAssessment assessment = dash.listDashAssessments(trackId).stream()
                .filter(a -> a.getVersion() == version)
                .findFirst()
                .orElseThrow(() -> new PageNotFoundException("no such checklist version on this track"));
        model.addAttribute("track", tracks.getPartnerTrack(trackId));
        model.addAttribute("assessment", assessment);
        model.addAttribute("questions", dash.listDashQuestions());
        return "partnersupport/dash/scored";
    }

    private String show(UUID trackId, List<DashQuestion> questions, boolean markUnanswered, Model model) {
        model.addAttribute("track", tracks.getPartnerTrack(trackId));
        model.addAttribute("questions", questions);
        model.addAttribute("markUnanswered", markUnanswered);
        model.addAttribute("dashAnswers", DashAnswer.values());
        model.addAttribute("judgementLevels", List.of(RiskLevel.MEDIUM, RiskLevel.HIGH));
        java.util.Map<String, String> levelWords = new java.util.HashMap<>();
        for (RiskLevel level : RiskLevel.values()) {
            levelWords.put(level.name(), words.of(level));
        }
        model.addAttribute("levelWords", levelWords);
        model.addAttribute("highFrom", DashThresholds.HIGH_FROM);
        model.addAttribute("mediumFrom", DashThresholds.MEDIUM_FROM);
        return "partnersupport/dash/checklist";
    }
}
