package uk.dapp.programme.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.risk.RiskLevel;

/**
 * A monthly case-management review: the risk level found, who attended, and the actions agreed for
 * the safety of partner and children, each owned by a named person. Reviews recorded before
 * attendance and owners were kept have neither list.
 */
@Document("reviews")
public record Review(
        @Id String reviewId,
        @Indexed String referralId,
        String caseId,
        RiskLevel riskLevel,
        String safetyActions,
        List<Attendee> attendees,
        List<Action> actions,
        String reviewedBy,
        Instant reviewedAt,
        Instant nextDue) {

    /** Someone who attended the review, with their role or agency. */
    public record Attendee(String name, String role) {}

    /** An action agreed at the review, the person who owns it, and by when (optional). */
    public record Action(String action, String owner, LocalDate dueBy) {}

    public Review {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
