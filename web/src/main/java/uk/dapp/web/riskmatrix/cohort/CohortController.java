package uk.dapp.web.riskmatrix.cohort;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.dapp.client.riskmatrix.api.CohortApi;
import uk.dapp.client.riskmatrix.model.CohortPage;
import uk.dapp.client.riskmatrix.model.RoutingStatus;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Pagination;

/** The ranked cohort with its filters and the cohort's harm now against before the decisions. */
@Controller
public class CohortController {

    static final int PAGE_SIZE = 25;

    private final CohortApi cohort;

    public CohortController(CohortApi cohort) {
        this.cohort = cohort;
    }

    @GetMapping("/risk-matrix/cohort")
    String cohort(@ModelAttribute("filters") CohortFilters filters, BindingResult errors, Model model) {
        model.addAttribute("statuses", RoutingStatus.values());
        model.addAttribute("harm", cohort.getCohortHarm());
        if (errors.hasErrors()) {
            return "riskmatrix/cohort/cohort";
        }
        try {
            CohortPage page = cohort.getCohort(
                    filters.getThreshold(),
                    null,
                    filters.getArea(),
                    filters.getSerial(),
                    filters.getRoutingStatus() == null
                            ? null
                            : filters.getRoutingStatus().getValue(),
                    filters.getPage(),
                    PAGE_SIZE);
            model.addAttribute("cohort", page);
            model.addAttribute("pagination", Pagination.of(page.getPage(), page.getTotalPages()));
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
        }
        return "riskmatrix/cohort/cohort";
    }
}
