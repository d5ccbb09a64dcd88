package uk.dapp.web.programme.alerts;

import static uk.dapp.web.forms.Typed.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.programme.api.AlertsApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.model.Alert;
import uk.dapp.client.programme.model.AlertCreate;
import uk.dapp.client.programme.model.AlertEscalationCreate;
import uk.dapp.client.programme.model.AlertPage;
import uk.dapp.client.programme.model.AlertReviewCreate;
import uk.dapp.client.programme.model.AlertSource;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Pagination;
import uk.dapp.web.layout.Words;
import uk.dapp.web.programme.participants.ParticipantNames;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

/**
 * Risk alerts: raising a concern on a participant (its 24-hour review clock starts), the open alerts
 * of the user's teams with the time left on each clock (overdue first, then the least time left, as
 * the programme sorts them; {@code ?escalated=true} lists a service manager's escalations, by hand or
 * because their 24 hours ran out), a service manager's review of one (the actions taken; the review
 * closes the alert), and escalating one to the service managers at once, with the reason, when a
 * facilitator (or a service manager) judges it urgent.
 */
@Controller
public class AlertController {

    private static final String RAISE = "/programme/referrals/{referralId}/alerts/new";
    private static final String REVIEW = "/programme/alerts/{alertId}";
    private static final String ESCALATE = "/programme/alerts/{alertId}/escalation";
    static final int PAGE_SIZE = 50;

    /**
     * An alert with the participant's name and the time left on its 24-hour clock, as the service
     * counted it for its answer (negative once overdue).
     */
    public record Row(Alert alert, String name, Duration timeLeft) {

        public boolean overdue() {
            return Boolean.TRUE.equals(alert.getOverdue()) || timeLeft.isNegative();
        }

        public boolean escalated() {
            return alert.getEscalatedAt() != null;
        }

        /** Escalated by a facilitator or service manager who judged it urgent, rather than by the clock. */
        public boolean escalatedByHand() {
            return alert.getEscalationWay() == Alert.EscalationWayEnum.BY_HAND;
        }

        public boolean open() {
            return alert.getStatus() == Alert.StatusEnum.OPEN;
        }

        /** Within the last quarter of its 24 hours: said with a warning tag. */
        public boolean dueSoon() {
            return !overdue() && timeLeft.compareTo(Duration.ofHours(6)) <= 0;
        }

        public String who() {
            return name != null ? name : alert.getCaseId();
        }
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
    String alerts(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean escalated,
            Authentication user,
            Model model) {
        boolean reviewer = SignedInUser.of(user).has(Role.SERVICE_MANAGER);
        // the escalation list is a service manager's (the service refuses others): a facilitator sees the open alerts
        boolean escalations = escalated && reviewer;
        int asked = Math.clamp(page, 0, 10_000);
        AlertPage found =
                escalations ? alerts.listEscalatedAlerts(asked, PAGE_SIZE) : alerts.listOpenAlerts(asked, PAGE_SIZE);
        List<Row> rows = rows(found.getItems());
        model.addAttribute("rows", rows);
        model.addAttribute("total", found.getTotalItems());
        model.addAttribute("overdue", rows.stream().filter(Row::overdue).count());
        model.addAttribute("pagination", Pagination.of(found.getPage(), found.getTotalPages()));
        model.addAttribute("escalations", escalations);
        model.addAttribute("reviewer", reviewer);
        return "programme/alerts/alerts";
    }

    private List<Row> rows(List<Alert> found) {
        Map<String, String> named =
                names.of(found.stream().map(Alert::getCaseId).distinct().toList());
        return found.stream().map(a -> row(a, named.get(a.getCaseId()))).toList();
    }

    private static Row row(Alert alert, String name) {
        Duration left = alert.getMinutesLeft() != null
                ? Duration.ofMinutes(alert.getMinutesLeft())
                : Duration.between(OffsetDateTime.now(ZoneOffset.UTC), alert.getReviewDueBy());
        return new Row(alert, name, left);
    }

    @GetMapping(RAISE)
    String raiseForm(@PathVariable UUID referralId, Model model) {
        ConcernForm form = new ConcernForm();
        form.setSource(AlertSource.FACILITATOR_CONCERN);
        model.addAttribute("concern", form);
        return showRaise(referralId, model);
    }

    @PostMapping(RAISE)
    String raise(
            @PathVariable UUID referralId,
            @ModelAttribute("concern") ConcernForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            Alert raised = alerts.raiseAlert(referralId, form.toRequest());
            flash.addFlashAttribute(
                    "success",
                    "Risk alert raised. A service manager must review it by " + words.of(raised.getReviewDueBy())
                            + ".");
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
    String reviewForm(@PathVariable UUID alertId, Authentication user, Model model) {
        model.addAttribute("alertReview", new AlertReviewForm());
        model.addAttribute("alertEscalation", new EscalationForm());
        return showReview(alertId, user, model);
    }

    @PostMapping(REVIEW)
    String review(
            @PathVariable UUID alertId,
            @ModelAttribute("alertReview") AlertReviewForm form,
            BindingResult errors,
            Authentication user,
            Model model,
            RedirectAttributes flash) {
        try {
            Alert reviewed = alerts.reviewAlert(alertId, form.toRequest());
            flash.addFlashAttribute(
                    "success",
                    "Review recorded and the alert closed"
                            + (Boolean.TRUE.equals(reviewed.getOverdue())
                                    ? ", after its deadline."
                                    : ", within its 24 hours."));
            return "redirect:/programme/alerts";
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            model.addAttribute("alertEscalation", new EscalationForm());
            return showReview(alertId, user, model);
        }
    }

    @PostMapping(ESCALATE)
    String escalate(
            @PathVariable UUID alertId,
            @ModelAttribute("alertEscalation") EscalationForm form,
            BindingResult errors,
            Authentication user,
            Model model,
            RedirectAttributes flash) {
        try {
            Alert escalated = alerts.escalateAlert(alertId, form.toRequest());
            flash.addFlashAttribute(
                    "success",
                    escalated.getEscalationWay() == Alert.EscalationWayEnum.BY_HAND
                            ? "Risk alert escalated. The service managers of the team have been notified and it is on their"
                                    + " escalation list."
                            : "This risk alert had already escalated when its 24-hour review clock ran out.");
            return "redirect:/programme/alerts/" + alertId;
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            model.addAttribute("alertReview", new AlertReviewForm());
            return showReview(alertId, user, model);
        }
    }

    /**
     * The alert as the service reads it for this user (another team's is "Page not found", as it answers):
     * a service manager reviews it here; anyone who may read it may escalate it while it is open.
     */
    private String showReview(UUID alertId, Authentication user, Model model) {
        Alert alert = alerts.getAlert(alertId);
        model.addAttribute("row", row(alert, names.nameOrCaseId(alert.getCaseId())));
        model.addAttribute("reviewer", SignedInUser.of(user).has(Role.SERVICE_MANAGER));
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

    /** "Escalate to the service manager now": the API's AlertEscalationCreate. */
    public static class EscalationForm {
        private String reason;

        AlertEscalationCreate toRequest() {
            return new AlertEscalationCreate().reason(given(reason));
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
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
