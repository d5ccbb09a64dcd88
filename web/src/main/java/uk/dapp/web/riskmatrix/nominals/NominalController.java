package uk.dapp.web.riskmatrix.nominals;

import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import uk.dapp.client.riskmatrix.api.IncidentsApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.OnwardReferralsApi;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.api.ScoresApi;
import uk.dapp.client.riskmatrix.model.NominalPage;
import uk.dapp.client.riskmatrix.model.Score;
import uk.dapp.web.gateway.GatewayException.NotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Pagination;

/** Finding a nominal, and the nominal's page: details, the score explained incident by incident, routing, tasks, onward referrals. */
@Controller
public class NominalController {

    private final NominalsApi nominals;
    private final ScoresApi scores;
    private final IncidentsApi incidents;
    private final RoutingApi routing;
    private final OnwardReferralsApi onwardReferrals;

    public NominalController(
            NominalsApi nominals,
            ScoresApi scores,
            IncidentsApi incidents,
            RoutingApi routing,
            OnwardReferralsApi onwardReferrals) {
        this.nominals = nominals;
        this.scores = scores;
        this.incidents = incidents;
        this.routing = routing;
        this.onwardReferrals = onwardReferrals;
    }

    @GetMapping("/risk-matrix/nominals")
    String search(@ModelAttribute("search") NominalSearch search, BindingResult errors, Model model) {
        LocalDate dateOfBirth = search.getDateOfBirth().toDate(errors, "dateOfBirth");
        if (!errors.hasErrors()) {
            try {
                NominalPage page = nominals.searchNominals(
                        search.getName(),
                        dateOfBirth,
                        search.getIdentifier(),
                        search.getArea(),
                        null,
                        search.getPage(),
                        25);
                model.addAttribute("results", page);
                model.addAttribute("pagination", Pagination.of(page.getPage(), page.getTotalPages()));
            } catch (RejectedRequestException rejected) {
                rejected.problem().addTo(errors);
            }
        }
        return "riskmatrix/nominals/search";
    }

    @GetMapping("/risk-matrix/nominals/{caseId}")
    String nominal(@PathVariable String caseId, Model model) {
        var nominal = nominals.getNominal(caseId);
        Score score;
        try {
            score = scores.getScore(nominal.getCaseId());
        } catch (NotFoundException notScoredYet) {
            score = null;
        }
        model.addAttribute(
                "page",
                new NominalView(
                        nominal,
                        score,
                        incidents.listIncidents(nominal.getCaseId()).getItems(),
                        routing.getRouting(nominal.getCaseId()),
                        onwardReferrals.listOnwardReferrals(nominal.getCaseId()).getItems()));
        return "riskmatrix/nominals/nominal";
    }
}
