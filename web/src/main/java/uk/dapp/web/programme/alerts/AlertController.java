package uk.dapp.web.programme.alerts;

import static uk.dapp.web.forms.Typed.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.programme.api.AlertsApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.model.Alert;
import uk.dapp.client.programme.model.AlertCreate;
import uk.dapp.client.programme.model.AlertReviewCreate;
import uk.dapp.client.programme.model.AlertSource;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.web.errors.PageNotFoundException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.programme.participants.ParticipantNames;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

/**
 * Risk alerts: raising a concern on a participant (its 24-hour review clock starts), the alerts
 * past their 24 hours (most overdue first, with how long), and a service manager's review of one
 * (the actions taken; the review closes the alert). The programme's API lists only the alerts past
 * their deadline ({@code GET /alerts/overdue}) and reads no single alert, so an alert still within
 * its 24 hours is seen as a count on the caseloads until the API lists it.
 */
@Controller
public class AlertController {

    private static final String RAISE = "/programme/referrals/{referralId}/alerts/new";
    private static final String REVIEW = "/programme/alerts/{alertId}";

    /** An alert with the participant's name and how far past its deadline it is now. */
    public record Row(Alert alert, String name, Duration overdueBy) {
    }

    private final AlertsApi alerts;
    private final ReferralsApi referrals;
    private final ParticipantNames names;
    private final Words words;

    public AlertController(AlertsApi alerts, ReferralsApi referrals, ParticipantNames names, Words words) {
        this.alerts = alerts;
        this.referrals = referrals;
        this.names = names;
        this.words = words;
    }

    @GetMapping("/programme/alerts")
    String overdue(Authentication user, Model model) {
        model.addAttribute("rows", rows(alerts.listOverdueAlerts()));
        model.addAttribute("reviewer", SignedInUser.of(user).has(Role.SERVICE_MANAGER));
        return "programme/alerts/overdue";
    }

    private List<Row> rows(List<Alert> found) {
        Map<String, String> named = names.of(found.stream().map(Alert::getCaseId).toList());
        OffsetDateTime now = OffsetDateTime.now();
        return found.stream().map(a -> new Row(a, named.get(a.getCaseId()), Duration.between(a.getReviewDueBy(), now))).toList();
    }

    @GetMapping(RAISE)
    String raiseForm(@PathVariable UUID referralId, Model model) {
        ConcernForm form = new ConcernForm();
        form.setSource(AlertSource.FACILITATOR_CONCERN);
        model.addAttribute("concern", form);
        return showRaise(referralId, model);
    }

    @PostMapping(RAISE)
    String raise(@PathVariable UUID referralId, @ModelAttribute("concern") ConcernForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        try {
            Alert raised = alerts.raiseAlert(referralId, form.toRequest());
            flash.addFlashAttribute("success", "Risk alert raised. A service manager must review it by "
                    + words.of(raised.getReviewDueBy()) + ".");
            return "redirect:/programme/referrals/" + referralId;
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return showRaise(referralId, model);
        }
    }

    private String showRaise(UUID referralId, Model model) {
        Referral referral = referrals.getReferral(referralId);
        model.addAttribute("referral", referral);
        model.addAttribute("name", names.nameOrCaseId(referral.getCaseId()));
        // a partner's disclosure reaches the programme from partner support, not from this form
        model.addAttribute("sources", List.of(AlertSource.FACILITATOR_CONCERN, AlertSource.POLICE_INCIDENT));
        return "programme/alerts/raise";
    }

    @GetMapping(REVIEW)
    String reviewForm(@PathVariable UUID alertId, Model model) {
        model.addAttribute("alertReview", new AlertReviewForm());
        return showReview(alertId, model);
    }

    @PostMapping(REVIEW)
    String review(@PathVariable UUID alertId, @ModelAttribute("alertReview") AlertReviewForm form, BindingResult errors,
            Model model, RedirectAttributes flash) {
        try {
            Alert reviewed = alerts.reviewAlert(alertId, form.toRequest());
            flash.addFlashAttribute("success", "Review recorded and the alert closed"
                    + (Boolean.TRUE.equals(reviewed.getOverdue()) ? ", after its deadline." : ", within its 24 hours."));
            return "redirect:/programme/alerts";
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return showReview(alertId, model);
        }
    }

    /** The alert's details, from the only list the API offers; an alert not on it is not there to review here. */
    private String showReview(UUID alertId, Model model) {
        Row row = rows(alerts.listOverdueAlerts()).stream().filter(r -> r.alert().getAlertId().equals(alertId)).findFirst()
                .orElseThrow(() -> new PageNotFoundException("no overdue alert with this ID for the user's teams"));
        model.addAttribute("row", row);
        return "programme/alerts/review";
    }

    /** "Raise a concern": the API's AlertCreate under the same names. */
    public static class ConcernForm {
        private AlertSource source;
        private String concern;

        AlertCreate toRequest() {
            return new AlertCreate().source(source).concern(given(concern));
        }

        public AlertSource getSource() {
            return source;
        }

        public void setSource(AlertSource source) {
            this.source = source;
        }

        public String getConcern() {
            return concern;
        }

        public void setConcern(String concern) {
            this.concern = concern;
        }
    }

    /** "Review the alert": the API's AlertReviewCreate. */
    public static class AlertReviewForm {
        private String actionsTaken;

        AlertReviewCreate toRequest() {
            return new AlertReviewCreate().actionsTaken(given(actionsTaken));
        }

        public String getActionsTaken() {
            return actionsTaken;
        }

        public void setActionsTaken(String actionsTaken) {
            this.actionsTaken = actionsTaken;
        }
    }
}
