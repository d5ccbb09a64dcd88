package uk.dapp.web.riskmatrix.routing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.dapp.client.riskmatrix.api.CohortApi;
import uk.dapp.client.riskmatrix.model.CohortPage;
import uk.dapp.client.riskmatrix.model.RoutingStatus;
import uk.dapp.web.layout.Pagination;

/**
 * The re-routing queue: nominals awaiting a new decision (an engagement that failed, a programme
 * exit for non-compliance, a catch-and-convict nominal who agrees to engage), highest score first:
 * the cohort filtered by that status.
 */
@Controller
public class ReroutingQueueController {

    private final CohortApi cohort;

    public ReroutingQueueController(CohortApi cohort) {
        this.cohort = cohort;
    }

    @GetMapping("/risk-matrix/rerouting")
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        CohortPage queue = cohort.getCohort(
                null, null, null, null, RoutingStatus.AWAITING_REROUTING.getValue(), Math.max(0, page), 25);
        model.addAttribute("queue", queue);
        model.addAttribute("pagination", Pagination.of(queue.getPage(), queue.getTotalPages()));
        return "riskmatrix/routing/rerouting";
    }
}
