package uk.dapp.web.riskmatrix.incidents;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.riskmatrix.api.IncidentsApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.ReferenceDataApi;
import uk.dapp.client.riskmatrix.model.DashLevel;
import uk.dapp.client.riskmatrix.model.IncidentAdded;
import uk.dapp.client.riskmatrix.model.IncidentCreate;
import uk.dapp.client.riskmatrix.model.IncidentType;
import uk.dapp.client.riskmatrix.model.Outcome;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;

/**
 * "Add an incident" to a nominal. The form posts to the address that shows it; the service's
 * answer decides: 201 goes back to the nominal with the new score, 400 shows each field's error
 * beside it (nothing was stored).
 */
@Controller
public class AddIncidentController {

    private static final String PATH = "/risk-matrix/nominals/{caseId}/incidents/new";

    private final NominalsApi nominals;
    private final IncidentsApi incidents;
    private final ReferenceDataApi referenceData;

    public AddIncidentController(NominalsApi nominals, IncidentsApi incidents, ReferenceDataApi referenceData) {
        this.nominals = nominals;
        this.incidents = incidents;
        this.referenceData = referenceData;
    }

    @GetMapping(PATH)
    String form(@PathVariable String caseId, Model model) {
        model.addAttribute("incident", new IncidentForm());
        return show(caseId, model);
    }

    @PostMapping(PATH)
    String add(
            @PathVariable String caseId,
            @ModelAttribute("incident") IncidentForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        IncidentCreate request = form.toRequest(errors);
        if (!errors.hasErrors()) {
            try {
                IncidentAdded added = incidents.addIncident(caseId, request);
                flash.addFlashAttribute(
                        "success",
                        "Incident added. The score is now " + added.getScore().getTotal() + " points and "
                                + added.getScore().getHarmDays() + " harm days.");
                return "redirect:/risk-matrix/nominals/" + added.getScore().getCaseId();
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return show(caseId, model);
    }

    private String show(String caseId, Model model) {
        model.addAttribute("nominal", nominals.getNominal(caseId));
        model.addAttribute(
                "offences",
                referenceData.listReferenceDataVersions().getItems().getFirst().getOffences());
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("dashLevels", DashLevel.values());
        model.addAttribute("outcomes", Outcome.values());
        return "riskmatrix/incidents/add";
    }
}
