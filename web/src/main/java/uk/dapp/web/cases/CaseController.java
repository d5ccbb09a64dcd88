package uk.dapp.web.cases;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import uk.dapp.client.gateway.api.CasesApi;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.security.SignedInUser;

/**
 * The case page: every part of the gateway's composed case view ({@code GET /api/cases/{caseId}})
 * the user's role may see, each part as the service filtered it, and "not available right now"
 * for a part whose service did not answer. Also "find a case" by its ID.
 */
@Controller
public class CaseController {

    private final CasesApi cases;

    public CaseController(CasesApi cases) {
        this.cases = cases;
    }

    @GetMapping("/cases")
    String find(@RequestParam(required = false) String caseId, Model model) {
        FindCaseForm form = new FindCaseForm();
        form.setCaseId(caseId);
        if (caseId != null && !caseId.isBlank()) {
            return "redirect:/cases/"
                    + UriUtils.encodePathSegment(caseId.strip(), java.nio.charset.StandardCharsets.UTF_8);
        }
        model.addAttribute("findCase", form);
        return "cases/find";
    }

    @GetMapping("/cases/{caseId}")
    String show(@PathVariable String caseId, Authentication authentication, Model model) {
        try {
            model.addAttribute("page", CasePage.of(cases.getCaseView(caseId), SignedInUser.of(authentication)));
            return "cases/case";
        } catch (RejectedRequestException malformed) {
            // the gateway refuses a mistyped case ID (its check character) before asking anyone
            FindCaseForm form = new FindCaseForm();
            form.setCaseId(caseId);
            BindingResult errors = new BeanPropertyBindingResult(form, "findCase");
            malformed.problem().addTo(errors);
            model.addAttribute("findCase", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "findCase", errors);
            return "cases/find";
        }
    }

    /** The find-a-case form: one field, named as the API names it. */
    public static class FindCaseForm {
        private String caseId;

        public String getCaseId() {
            return caseId;
        }

        public void setCaseId(String caseId) {
            this.caseId = caseId;
        }
    }
}
