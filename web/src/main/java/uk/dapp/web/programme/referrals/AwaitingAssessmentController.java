package uk.dapp.web.programme.referrals;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.dapp.client.programme.api.WorkApi;
import uk.dapp.client.programme.model.AwaitingAssessmentPage;
import uk.dapp.web.layout.Pagination;

/**
 * The whole queue of referrals waiting for a suitability assessment in the caller's teams (new, or
 * back after motivational work), longest waiting first, as the programme's
 * {@code GET /referrals/awaiting-assessment} pages it: my work shows only its first few.
 */
@Controller
public class AwaitingAssessmentController {

    static final int PAGE_SIZE = 25;

    private final WorkApi work;

    public AwaitingAssessmentController(WorkApi programmeWorkApi) {
        this.work = programmeWorkApi;
    }

    @GetMapping("/programme/referrals/awaiting-assessment")
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        AwaitingAssessmentPage queue = work.listReferralsAwaitingAssessment(Math.max(0, page), PAGE_SIZE);
        model.addAttribute("queue", queue);
        model.addAttribute("pagination", Pagination.of(queue.getPage(), queue.getTotalPages()));
        return "programme/referrals/awaiting-assessment";
    }
}
