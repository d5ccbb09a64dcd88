package uk.dapp.programme.review;

import java.util.ArrayList;
import java.util.List;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * What a monthly review's record must say: who attended (at least one person, each named with a role)
 * and the actions agreed, each with the person who owns it. An action nobody owns is an action nobody
 * does; a review nobody is recorded attending cannot be checked. Text is kept as given, trimmed.
 */
public final class ReviewRecordRules {

    private ReviewRecordRules() {}

    public static void check(List<Review.Attendee> attendees, List<Review.Action> actions) {
        List<FieldViolation> violations = new ArrayList<>();
        if (attendees == null || attendees.isEmpty()) {
            violations.add(new FieldViolation("attendees", "NotEmpty", "name who attended the review"));
        } else {
            for (int i = 0; i < attendees.size(); i++) {
                Review.Attendee attendee = attendees.get(i);
                if (blank(attendee.name())) {
                    violations.add(new FieldViolation("attendees[" + i + "].name", "NotBlank", "name who attended"));
                }
                if (blank(attendee.role())) {
                    violations.add(new FieldViolation(
                            "attendees[" + i + "].role", "NotBlank", "give the attendee's role or agency"));
                }
            }
        }
        if (actions == null || actions.isEmpty()) {
            violations.add(new FieldViolation(
                    "actions", "NotEmpty", "record at least one action agreed to keep the partner and children safe"));
        } else {
            for (int i = 0; i < actions.size(); i++) {
                Review.Action action = actions.get(i);
                if (blank(action.action())) {
                    violations.add(
                            new FieldViolation("actions[" + i + "].action", "NotBlank", "say what is to be done"));
                }
                if (blank(action.owner())) {
                    violations.add(new FieldViolation(
                            "actions[" + i + "].owner", "NotBlank", "name the person who owns the action"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    static List<Review.Attendee> tidy(List<Review.Attendee> attendees) {
        return attendees.stream()
                .map(a -> new Review.Attendee(a.name().strip(), a.role().strip()))
                .toList();
    }

    static List<Review.Action> tidyActions(List<Review.Action> actions) {
        return actions.stream()
                .map(a -> new Review.Action(a.action().strip(), a.owner().strip(), a.dueBy()))
                .toList();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
