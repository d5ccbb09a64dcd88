package uk.dapp.web.programme.reviews;

import static uk.dapp.web.forms.Typed.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.api.ReviewsApi;
import uk.dapp.client.programme.model.OverdueReview;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.Review;
import uk.dapp.client.programme.model.ReviewAction;
import uk.dapp.client.programme.model.ReviewAttendee;
import uk.dapp.client.programme.model.ReviewCreate;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.layout.Words;
import uk.dapp.web.programme.participants.ParticipantNames;

/** The monthly case-management review of a participant, and the reviews overdue in the user's teams (longest overdue first). */
@Controller
public class ReviewController {

    private static final String NEW = "/programme/referrals/{referralId}/reviews/new";

    /** One overdue review, named where the programme holds who they are, with how long it is overdue. */
    public record Row(OverdueReview review, String name, Duration overdueBy) {}

    private final ReviewsApi reviews;
    private final ReferralsApi referrals;
    private final ParticipantNames names;
    private final Words words;

    public ReviewController(ReviewsApi reviews, ReferralsApi referrals, ParticipantNames names, Words words) {
        this.reviews = reviews;
        this.referrals = referrals;
        this.names = names;
        this.words = words;
    }

    @GetMapping("/programme/reviews/overdue")
    String overdue(Model model) {
        List<OverdueReview> overdue = reviews.listOverdueReviews();
        Map<String, String> named =
                names.of(overdue.stream().map(OverdueReview::getCaseId).toList());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        model.addAttribute(
                "rows",
                overdue.stream()
                        .map(r -> new Row(r, named.get(r.getCaseId()), Duration.between(r.getDueAt(), now)))
                        .toList());
        return "programme/reviews/overdue";
    }

    @GetMapping(NEW)
    String form(@PathVariable UUID referralId, Model model) {
        model.addAttribute("review", new ReviewForm());
        return show(referralId, model);
    }

    @PostMapping(NEW)
    String record(
            @PathVariable UUID referralId,
            @ModelAttribute("review") ReviewForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        try {
            Review recorded = reviews.recordReview(referralId, form.toRequest());
            flash.addFlashAttribute(
                    "success", "Monthly review recorded. The next is due by " + words.of(recorded.getNextDue()) + ".");
            return "redirect:/programme/referrals/" + referralId;
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return show(referralId, model);
        }
    }

    private String show(UUID referralId, Model model) {
        Referral referral = referrals.getReferral(referralId);
        model.addAttribute("referral", referral);
        model.addAttribute("name", names.nameOrCaseId(referral.getCaseId()));
        model.addAttribute("riskLevels", RiskLevel.values());
        return "programme/reviews/review";
    }

    /**
     * "Record the monthly review": the API's ReviewCreate under the same names. Who attended and the
     * actions agreed are typed one to a line, "name, role" and "action; owner" (the text after the last
     * separator is the role or the owner); the service checks that each is named.
     */
    public static class ReviewForm {
        private RiskLevel riskLevel;
        private String safetyActions;
        private String attendees;
        private String actions;

        ReviewCreate toRequest() {
            ReviewCreate request = new ReviewCreate()
                    .riskLevel(riskLevel)
                    .safetyActions(given(safetyActions))
                    .attendees(new java.util.ArrayList<>())
                    .actions(new java.util.ArrayList<>());
            for (String[] line : lines(attendees, ',')) {
                request.addAttendeesItem(new ReviewAttendee().name(line[0]).role(line[1]));
            }
            for (String[] line : lines(actions, ';')) {
                request.addActionsItem(new ReviewAction().action(line[0]).owner(line[1]));
            }
            return request;
        }

        /** Each non-blank line split at its last separator: {before, after}; after is null without one. */
        private static List<String[]> lines(String text, char separator) {
            if (text == null) {
                return List.of();
            }
            return text.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .map(line -> {
                        int at = line.lastIndexOf(separator);
                        return at < 0
                                ? new String[] {line, null}
                                : new String[] {given(line.substring(0, at)), given(line.substring(at + 1))};
                    })
                    .toList();
        }

        public String getAttendees() {
            return attendees;
        }

        public void setAttendees(String attendees) {
            this.attendees = attendees;
        }

        public String getActions() {
            return actions;
        }

        public void setActions(String actions) {
            this.actions = actions;
        }

        public RiskLevel getRiskLevel() {
            return riskLevel;
        }

        public void setRiskLevel(RiskLevel riskLevel) {
            this.riskLevel = riskLevel;
        }

        public String getSafetyActions() {
            return safetyActions;
        }

        public void setSafetyActions(String safetyActions) {
            this.safetyActions = safetyActions;
        }
    }
}
