package uk.dapp.web.riskmatrix.rescoring;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.riskmatrix.api.RescoringApi;
import uk.dapp.client.riskmatrix.model.RescoringJob;
import uk.dapp.web.gateway.GatewayException.ConflictException;

/**
 * Bulk rescoring: start it, then watch it. The job's page refreshes itself without JavaScript (a
 * meta refresh inside noscript while it runs, and a "Check progress" link); with JavaScript the
 * page's script polls {@code .../progress} and updates the figures in place.
 */
@Controller
public class RescoringController {

    private final RescoringApi rescoring;

    public RescoringController(RescoringApi rescoring) {
        this.rescoring = rescoring;
    }

    @GetMapping("/risk-matrix/rescoring")
    String start() {
        return "riskmatrix/rescoring/start";
    }

    @PostMapping("/risk-matrix/rescoring")
    String startJob(RedirectAttributes flash) {
        try {
            return "redirect:/risk-matrix/rescoring/"
                    + rescoring.startRescoring().getJobId();
        } catch (ConflictException alreadyRunning) {
            String running = alreadyRunning.problem().properties().get("runningJobId");
            if (running == null) {
                throw alreadyRunning;
            }
            flash.addFlashAttribute("success", "A rescoring was already running: this is its progress.");
            return "redirect:/risk-matrix/rescoring/" + running;
        }
    }

    @GetMapping("/risk-matrix/rescoring/{jobId}")
    String job(@PathVariable String jobId, Model model) {
        RescoringJob job = rescoring.getRescoringJob(jobId);
        model.addAttribute("job", job);
        if (job.getStatus() == RescoringJob.StatusEnum.RUNNING) {
            model.addAttribute("autoRefreshSeconds", 5);
        }
        return "riskmatrix/rescoring/job";
    }

    /** The figures the page's script shows while the job runs. */
    @GetMapping(path = "/risk-matrix/rescoring/{jobId}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Progress progress(@PathVariable String jobId) {
        RescoringJob job = rescoring.getRescoringJob(jobId);
        return new Progress(job.getStatus().getValue(), job.getPercent(), job.getProcessed(), job.getTotal());
    }

    record Progress(String status, int percent, long processed, long total) {}
}
