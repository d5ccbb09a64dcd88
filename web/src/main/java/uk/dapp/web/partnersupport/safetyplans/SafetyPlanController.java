package uk.dapp.web.partnersupport.safetyplans;

import java.util.List;
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
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.api.SafetyPlansApi;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.SafetyAction;
import uk.dapp.client.partnersupport.model.SafetyPlan;
import uk.dapp.client.partnersupport.model.SafetyPlanContent;
import uk.dapp.client.partnersupport.model.SafetyPlanUpdate;
import uk.dapp.client.partnersupport.model.TrackRecordKind;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.partnersupport.ConsentToSupport;
import uk.dapp.web.partnersupport.TrackAddress;

/**
 * Making and revising a safety plan: its actions (what, who, by when, done) and its review date.
 * "Add another action" shows the form again with one more empty row (it works without JavaScript)
 * and saves nothing.
 */
@Controller
public class SafetyPlanController {

    private static final String NEW_PLAN = "/partner-support/tracks/{trackId}/safety-plans/new";
    private static final String PLAN = "/partner-support/tracks/{trackId}/safety-plans/{planId}";

    private final PartnerTracksApi tracks;
    private final SafetyPlansApi plans;
    private final Words words;

    public SafetyPlanController(PartnerTracksApi tracks, SafetyPlansApi plans, Words words) {
        this.tracks = tracks;
        this.plans = plans;
        this.words = words;
    }

    @GetMapping(NEW_PLAN)
    String newPlan(@PathVariable UUID trackId, Model model) {
        model.addAttribute("plan", SafetyPlanForm.empty());
        return show(trackId, null, model);
    }

    @PostMapping(NEW_PLAN)
    String make(
            @PathVariable UUID trackId,
            @ModelAttribute("plan") SafetyPlanForm form,
            BindingResult errors,
            @RequestParam(required = false) String addAction,
            Model model,
            RedirectAttributes flash) {
        if (addAction != null) {
            form.addRows(1);
            return show(trackId, null, model);
        }
        List<SafetyAction> actions = form.toActions(errors);
        SafetyPlanContent request = new SafetyPlanContent()
                .actions(actions)
                .reviewOn(form.getReviewOn().toDate(errors, "reviewOn"));
        if (!errors.hasErrors()) {
            try {
                SafetyPlan made = plans.createSafetyPlan(trackId, request);
                flash.addFlashAttribute(
                        "success",
                        "Safety plan made, with " + actionWords(made) + ". Review it by " + words.of(made.getReviewOn())
                                + ".");
                return "redirect:" + TrackAddress.of(trackId) + "#safety-plans";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        form.addRows(1);
        return show(trackId, null, model);
    }

    @GetMapping(PLAN)
    String revision(@PathVariable UUID trackId, @PathVariable UUID planId, Model model) {
        model.addAttribute("plan", SafetyPlanForm.of(find(trackId, planId)));
        return show(trackId, planId, model);
    }

    @PostMapping(PLAN)
    String revise(
            @PathVariable UUID trackId,
            @PathVariable UUID planId,
            @ModelAttribute("plan") SafetyPlanForm form,
            BindingResult errors,
            @RequestParam(required = false) String addAction,
            Model model,
            RedirectAttributes flash) {
        if (addAction != null) {
            form.addRows(1);
            return show(trackId, planId, model);
        }
        List<SafetyAction> actions = form.toActions(errors);
        SafetyPlanUpdate request = new SafetyPlanUpdate()
                .actions(actions)
                .reviewOn(form.getReviewOn().toDate(errors, "reviewOn"))
                .version(form.getVersion());
        if (!errors.hasErrors()) {
            try {
                SafetyPlan revised = plans.updateSafetyPlan(planId, request);
                flash.addFlashAttribute(
                        "success",
                        "Safety plan revised, with " + actionWords(revised) + ". Review it by "
                                + words.of(revised.getReviewOn()) + ".");
                return "redirect:" + TrackAddress.of(trackId) + "#safety-plans";
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        form.addRows(1);
        return show(trackId, planId, model);
    }

    private SafetyPlan find(UUID trackId, UUID planId) {
        return plans.listSafetyPlans(trackId).stream()
                .filter(plan -> plan.getPlanId().equals(planId))
                .findFirst()
                .orElseThrow(() -> new PageNotFoundException("no such safety plan on this track"));
    }

    private static String actionWords(SafetyPlan plan) {
        return plan.getActions().size() == 1 ? "1 action" : plan.getActions().size() + " actions";
    }

    private String show(UUID trackId, UUID planId, Model model) {
        PartnerTrack track = tracks.getPartnerTrack(trackId);
        model.addAttribute("track", track);
        model.addAttribute("consentNeeded", ConsentToSupport.neededFor(track, TrackRecordKind.SAFETY_PLAN));
        model.addAttribute("planId", planId);
        return "partnersupport/safetyplans/plan";
    }
}
