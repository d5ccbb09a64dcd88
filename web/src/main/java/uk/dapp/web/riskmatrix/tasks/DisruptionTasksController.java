package uk.dapp.web.riskmatrix.tasks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.riskmatrix.api.DisruptionTasksApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.DisruptionTask;
import uk.dapp.client.riskmatrix.model.DisruptionTaskKind;
import uk.dapp.client.riskmatrix.model.DisruptionTaskPage;
import uk.dapp.client.riskmatrix.model.DisruptionTaskUpdate;
import uk.dapp.client.riskmatrix.model.Routing;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Pagination;

/**
 * The open disruption tasks (soonest due first, or only the overdue), opening them for a nominal (catch and
 * convict, or engaged at high risk: the service decides), and updating one.
 */
@Controller
public class DisruptionTasksController {

    private static final String TASK = "/risk-matrix/nominals/{caseId}/disruption-tasks/{taskId}";

    private final DisruptionTasksApi tasks;
    private final RoutingApi routing;
    private final NominalsApi nominals;

    public DisruptionTasksController(DisruptionTasksApi tasks, RoutingApi routing, NominalsApi nominals) {
        this.tasks = tasks;
        this.routing = routing;
        this.nominals = nominals;
    }

    @GetMapping("/risk-matrix/disruption-tasks")
    String list(
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        DisruptionTaskPage open = tasks.listDisruptionTasks(overdue ? Boolean.TRUE : null, null, Math.max(0, page), 25);
        model.addAttribute("tasks", open);
        model.addAttribute("overdue", overdue);
        model.addAttribute("pagination", Pagination.of(open.getPage(), open.getTotalPages()));
        return "riskmatrix/tasks/list";
    }

    @GetMapping("/risk-matrix/nominals/{caseId}/disruption-tasks/new")
    String openForm(@PathVariable String caseId, Model model) {
        model.addAttribute("openForm", new OpenTasksForm());
        return showOpen(caseId, model);
    }

    @PostMapping("/risk-matrix/nominals/{caseId}/disruption-tasks/new")
    String open(
            @PathVariable String caseId,
            @ModelAttribute("openForm") OpenTasksForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            Routing opened = tasks.openDisruptionTasks(caseId, form.toRequest());
            flash.addFlashAttribute("success", "Disruption tasks opened.");
            return "redirect:/risk-matrix/nominals/" + opened.getCaseId() + "#tasks";
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return showOpen(caseId, model);
        }
    }

    private String showOpen(String caseId, Model model) {
        model.addAttribute("nominal", nominals.getNominal(caseId));
        model.addAttribute("kinds", DisruptionTaskKind.values());
        return "riskmatrix/tasks/open";
    }

    @GetMapping(TASK)
    String form(@PathVariable String caseId, @PathVariable String taskId, Model model) {
        DisruptionTask task = find(caseId, taskId);
        model.addAttribute("taskForm", TaskForm.of(task));
        return show(caseId, task, model);
    }

    @PostMapping(TASK)
    String update(
            @PathVariable String caseId,
            @PathVariable String taskId,
            @ModelAttribute("taskForm") TaskForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        DisruptionTaskUpdate request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                DisruptionTask updated = tasks.updateDisruptionTask(caseId, taskId, request);
                flash.addFlashAttribute("success", "Task updated.");
                return "redirect:/risk-matrix/nominals/" + updated.getCaseId();
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return show(caseId, find(caseId, taskId), model);
    }

    private DisruptionTask find(String caseId, String taskId) {
        return routing.getRouting(caseId).getTasks().stream()
                .filter(t -> t.getTaskId().equals(taskId))
                .findFirst()
                .orElseThrow(() -> new PageNotFoundException("no such disruption task on this nominal"));
    }

    private String show(String caseId, DisruptionTask task, Model model) {
        model.addAttribute("nominal", nominals.getNominal(caseId));
        model.addAttribute("task", task);
        return "riskmatrix/tasks/update";
    }
}
