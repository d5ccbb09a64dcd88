package uk.dapp.web.riskmatrix.routing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.Pathway;
import uk.dapp.client.riskmatrix.model.Reroute;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.Routing;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;

/**
 * Routing a nominal: the suitability facts, the recommendation beside the decision form (a
 * decision other than the recommendation needs a reason: the service says so, the page shows it
 * beside the reason), and returning a decided nominal for a new decision.
 */
@Controller
public class RoutingController {

    private static final String NOMINAL = "/risk-matrix/nominals/{caseId}";

    private final NominalsApi nominals;
    private final RoutingApi routing;
    private final Words words;

    public RoutingController(NominalsApi nominals, RoutingApi routing, Words words) {
        this.nominals = nominals;
        this.routing = routing;
        this.words = words;
    }

    @GetMapping(NOMINAL + "/suitability-facts")
    String factsForm(@PathVariable String caseId, Model model) {
        Routing current = routing.getRouting(caseId);
        model.addAttribute("facts", SuitabilityFactsForm.of(current.getFacts()));
        return showFacts(caseId, model);
    }

    @PostMapping(NOMINAL + "/suitability-facts")
    String recordFacts(
            @PathVariable String caseId,
            @ModelAttribute("facts") SuitabilityFactsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            Routing recorded = routing.recordSuitabilityFacts(caseId, form.toRequest());
            flash.addFlashAttribute(
                    "success",
                    "Suitability facts recorded. The recommendation is " + recommendationWords(recorded) + ".");
            return "redirect:/risk-matrix/nominals/" + recorded.getCaseId() + "/decision";
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return showFacts(caseId, model);
        }
    }

    private String showFacts(String caseId, Model model) {
        model.addAttribute("nominal", nominals.getNominal(caseId));
        return "riskmatrix/routing/facts";
    }

    @GetMapping(NOMINAL + "/decision")
    String decisionForm(@PathVariable String caseId, Model model) {
        Routing current = routing.getRouting(caseId);
        model.addAttribute("decision", DecisionForm.of(current.getRecommendation()));
        return showDecision(caseId, current, model);
    }

    @PostMapping(NOMINAL + "/decision")
    String decide(
            @PathVariable String caseId,
            @ModelAttribute("decision") DecisionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            Routing decided = routing.decideRouting(caseId, form.toRequest());
            flash.addFlashAttribute(
                    "success",
                    "Decision recorded: " + words.of(decided.getDecidedRoute())
                            + (decided.getDecidedPathways().isEmpty()
                                    ? ""
                                    : " (" + words.of(decided.getDecidedPathways()) + ")")
                            + ".");
            return "redirect:/risk-matrix/nominals/" + decided.getCaseId();
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return showDecision(caseId, routing.getRouting(caseId), model);
        }
    }

    private String showDecision(String caseId, Routing current, Model model) {
        model.addAttribute("nominal", nominals.getNominal(caseId));
        model.addAttribute("routing", current);
        model.addAttribute("routes", Route.values());
        model.addAttribute("pathways", Pathway.values());
        return "riskmatrix/routing/decision";
    }

    @GetMapping(NOMINAL + "/reroute")
    String rerouteForm(@PathVariable String caseId, Model model) {
        model.addAttribute("reroute", new RerouteForm());
        return showReroute(caseId, model);
    }

    @PostMapping(NOMINAL + "/reroute")
    String reroute(
            @PathVariable String caseId,
            @ModelAttribute("reroute") RerouteForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            Routing rerouted = routing.rerouteNominal(caseId, form.toRequest());
            flash.addFlashAttribute("success", "Returned for a new routing decision.");
            return "redirect:/risk-matrix/nominals/" + rerouted.getCaseId();
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return showReroute(caseId, model);
        }
    }

    private String showReroute(String caseId, Model model) {
        model.addAttribute("nominal", nominals.getNominal(caseId));
        model.addAttribute("routing", routing.getRouting(caseId));
        model.addAttribute("kinds", Reroute.KindEnum.values());
        return "riskmatrix/routing/reroute";
    }

    private String recommendationWords(Routing routing) {
        if (routing.getRecommendation() == null) {
            return "not made yet";
        }
        String route = words.of(routing.getRecommendation().getRoute());
        return routing.getRecommendation().getPathways().isEmpty()
                ? route
                : route + " (" + words.of(routing.getRecommendation().getPathways()) + ")";
    }
}
