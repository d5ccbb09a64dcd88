package uk.dapp.partnersupport.marac;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.dapp.partnersupport.dash.DashScoring;
import uk.dapp.partnersupport.dash.MaracCriterion;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;

/**
 * The MARAC rules as plain code (SafeLives' four referral criteria, and the Essex standard of a
 * MARAC within 14 days of the referral). The criteria are worked out from the records
 * ({@link MaracBasis}), never typed in: only a professional judgement made at referral is the
 * worker's own, and it needs its reason.
 */
public final class MaracRules {

    /** The Essex standard: the MARAC hears the case within this many days of the referral. */
    public static final int MEETING_WITHIN_DAYS = DashScoring.MARAC_MEETING_WITHIN_DAYS;

    private MaracRules() {}

    /**
     * The criteria the records meet on the referral day.
     *
     * <ul>
     *   <li>visible high risk: the latest checklist has {@value DashScoring#HIGH_FROM} or more yes answers;
     *   <li>professional judgement: the latest checklist was raised to HIGH by judgement, or the worker
     *       refers on judgement now with a reason;
     *   <li>potential escalation: {@value DashScoring#ESCALATION_INCIDENTS} or more incidents in the
     *       {@value DashScoring#ESCALATION_WINDOW_MONTHS} months up to the referral;
     *   <li>repeat: a previous MARAC referral {@value DashScoring#REPEAT_WINDOW_MONTHS} months or less before.
     * </ul>
     *
     * @param judgementReason the reason given with the referral, or null
     */
    public static Set<MaracCriterion> criteriaMet(MaracBasis basis, LocalDate referredOn, String judgementReason) {
        Set<MaracCriterion> met = EnumSet.noneOf(MaracCriterion.class);
        if (basis.dashChecklistLevel() == RiskLevel.HIGH) {
            met.add(MaracCriterion.VISIBLE_HIGH_RISK);
        }
        boolean raisedByJudgement =
                basis.dashRiskLevel() == RiskLevel.HIGH && basis.dashChecklistLevel() != RiskLevel.HIGH;
        if (raisedByJudgement || judgementReason != null) {
            met.add(MaracCriterion.PROFESSIONAL_JUDGEMENT);
        }
        if (basis.incidentsInLast12Months() >= DashScoring.ESCALATION_INCIDENTS) {
            met.add(MaracCriterion.POTENTIAL_ESCALATION);
        }
        LocalDate previous = basis.previousMaracReferralOn();
        if (previous != null
                && !previous.isAfter(referredOn)
                && !referredOn.isAfter(previous.plusMonths(DashScoring.REPEAT_WINDOW_MONTHS))) {
            met.add(MaracCriterion.REPEAT_REFERRAL);
        }
        return met;
    }

    /** The first day of the incident window: incidents dated after it and up to the referral count. */
    public static LocalDate incidentWindowStart(LocalDate referredOn) {
        return referredOn.minusMonths(DashScoring.ESCALATION_WINDOW_MONTHS);
    }

    /**
     * Checks a referral before anything is stored.
     *
     * @throws RuleViolationException naming the field: a referral in the future, a blank judgement
     *     reason, a meeting before the referral, or no criterion met
     */
    public static Set<MaracCriterion> checkReferral(
            MaracBasis basis, LocalDate referredOn, LocalDate meetingOn, String judgementReason, LocalDate today) {
        if (referredOn.isAfter(today)) {
            throw new RuleViolationException(
                    "referredOn", "NotFuture", "a MARAC referral cannot be dated in the future");
        }
        if (judgementReason != null && judgementReason.isBlank()) {
            throw new RuleViolationException(
                    "professionalJudgementReason", "NotBlank", "referring on professional judgement needs the reason");
        }
        if (meetingOn != null && meetingOn.isBefore(referredOn)) {
            throw new RuleViolationException(
                    "meetingOn", "NotBeforeReferral", "the MARAC cannot come before the referral");
        }
        Set<MaracCriterion> met = criteriaMet(basis, referredOn, judgementReason);
        if (met.isEmpty()) {
            throw new RuleViolationException(
                    "criteria",
                    "MaracCriteria",
                    "the records meet no MARAC criterion: "
                            + "the latest DASH checklist is "
                            + (basis.dashChecklistLevel() == null
                                    ? "missing"
                                    : basis.dashChecklistLevel() + " (" + basis.dashYesCount() + " yes)")
                            + ", " + basis.incidentsInLast12Months() + " incidents disclosed in the last "
                            + DashScoring.ESCALATION_WINDOW_MONTHS + " months (" + DashScoring.ESCALATION_INCIDENTS
                            + " make potential escalation), "
                            + (basis.previousMaracReferralOn() == null
                                    ? "no previous MARAC"
                                    : "previous MARAC referral on " + basis.previousMaracReferralOn())
                            + "; refer on professional judgement with a reason if the risk warrants it");
        }
        return met;
    }

    /** The day the MARAC is due by: the referral day plus {@value #MEETING_WITHIN_DAYS} days. */
    public static LocalDate meetingDueBy(LocalDate referredOn) {
        return referredOn.plusDays(MEETING_WITHIN_DAYS);
    }

    /** Whether a meeting date keeps to the standard; null until a date is set. */
    public static Boolean meetingWithinStandard(LocalDate referredOn, LocalDate meetingOn) {
        return meetingOn == null ? null : !meetingOn.isAfter(meetingDueBy(referredOn));
    }

    /** Overdue: no outcome yet and the day after the due date has come. */
    public static boolean overdue(LocalDate referredOn, MaracOutcome outcome, LocalDate today) {
        return outcome == null && today.isAfter(meetingDueBy(referredOn));
    }

    /**
     * A MARAC is near when the referral is still open (no outcome recorded) and its meeting falls from
     * today to {@code lastNearDay} (today plus the near period in working days): the worker prepares her
     * case and the partner's safety plan for it.
     */
    public static boolean meetingNear(
            LocalDate meetingOn, MaracOutcome outcome, LocalDate today, LocalDate lastNearDay) {
        return outcome == null && meetingOn != null && !meetingOn.isBefore(today) && !meetingOn.isAfter(lastNearDay);
    }

    /**
     * Checks a revision of the meeting, actions and outcome; answers the actions tidied (stripped).
     *
     * @throws RuleViolationException naming every field and rule broken; nothing is stored then
     */
    public static List<MaracAction> checkUpdate(
            LocalDate referredOn,
            LocalDate meetingOn,
            List<MaracAction> actions,
            MaracOutcome outcome,
            String outcomeNote,
            LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        if (meetingOn != null && meetingOn.isBefore(referredOn)) {
            violations.add(new FieldViolation(
                    "meetingOn",
                    "NotBeforeReferral",
                    "the MARAC cannot come before the referral (" + referredOn + ")"));
        }
        if (outcome != null && outcome.heard()) {
            if (meetingOn == null) {
                violations.add(new FieldViolation(
                        "meetingOn", "RequiredForOutcome", "a case heard at a MARAC needs the meeting's date"));
            } else if (meetingOn.isAfter(today)) {
                violations.add(new FieldViolation(
                        "meetingOn", "NotFuture", "a case cannot have been heard at a meeting still to come"));
            }
        }
        if (outcome == MaracOutcome.HEARD_ACTIONS_AGREED && actions.isEmpty()) {
            violations.add(new FieldViolation(
                    "actions", "RequiredForOutcome", "record the actions agreed, each with its owner and due date"));
        }
        if (outcomeNote != null && outcome == null) {
            violations.add(new FieldViolation("outcomeNote", "RequiresOutcome", "a note goes with an outcome"));
        } else if (outcomeNote != null && outcomeNote.isBlank()) {
            violations.add(new FieldViolation("outcomeNote", "NotBlank", "leave the note out rather than blank"));
        }
        List<MaracAction> tidied = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            MaracAction action = actions.get(i);
            String at = "actions[" + i + "].";
            if (action.description() == null || action.description().isBlank()) {
                violations.add(new FieldViolation(at + "description", "NotBlank", "say what the action is"));
            }
            if (action.owner() == null || action.owner().isBlank()) {
                violations.add(
                        new FieldViolation(at + "owner", "NotBlank", "say which agency or role owns the action"));
            }
            if (action.dueOn() == null) {
                violations.add(new FieldViolation(at + "dueOn", "NotNull", "say when the action is due"));
            } else if (action.dueOn().isBefore(referredOn)) {
                violations.add(new FieldViolation(
                        at + "dueOn",
                        "NotBeforeReferral",
                        "an action cannot be due before the referral (" + referredOn + ")"));
            }
            tidied.add(
                    new MaracAction(strip(action.description()), strip(action.owner()), action.dueOn(), action.done()));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return List.copyOf(tidied);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
