package uk.dapp.partnersupport.dash;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;

/**
 * The DASH rules, as plain code: 14 or more yes answers is HIGH, 10 to 13 MEDIUM, 9 or fewer
 * STANDARD. Zero yes answers is STANDARD too (decision: every partner of a perpetrator on a
 * programme is at least at standard risk; "no risk" is not a level this service records).
 * Professional judgement may raise the level with a reason and never lower it. A MARAC referral is
 * recommended on any of the four criteria of {@link MaracCriterion}.
 */
public final class DashScoring {

    public static final int HIGH_FROM = 14;
    public static final int MEDIUM_FROM = 10;
    public static final int ESCALATION_INCIDENTS = 3;
    public static final int ESCALATION_WINDOW_MONTHS = 12;
    public static final int REPEAT_WINDOW_MONTHS = 12;
    /** The Essex standard: a MARAC within 14 days of the referral (the MARAC rules apply it). */
    public static final int MARAC_MEETING_WITHIN_DAYS = 14;

    private DashScoring() {}

    public static RiskLevel levelFor(int yesCount) {
        if (yesCount >= HIGH_FROM) {
            return RiskLevel.HIGH;
        }
        return yesCount >= MEDIUM_FROM ? RiskLevel.MEDIUM : RiskLevel.STANDARD;
    }

    /**
     * @param judgement               may be null
     * @param previousMaracReferralOn may be null
     * @throws RuleViolationException naming the field when a rule is broken (nothing is stored)
     */
    public static DashScore score(
            List<DashAnswer> answers,
            ProfessionalJudgement judgement,
            int incidentsInLast12Months,
            LocalDate completedOn,
            LocalDate previousMaracReferralOn) {
        if (answers.size() != DashQuestion.COUNT || answers.contains(null)) {
            throw new RuleViolationException("answers", "Size", "answer all " + DashQuestion.COUNT + " questions");
        }
        if (incidentsInLast12Months < 0) {
            throw new RuleViolationException("incidentsInLast12Months", "Min", "cannot be negative");
        }
        if (previousMaracReferralOn != null && previousMaracReferralOn.isAfter(completedOn)) {
            throw new RuleViolationException(
                    "previousMaracReferralOn",
                    "NotAfterCompletion",
                    "a previous MARAC referral cannot come after the checklist");
        }
        int yes = (int) answers.stream().filter(a -> a == DashAnswer.YES).count();
        RiskLevel checklist = levelFor(yes);
        RiskLevel level = checklist;
        if (judgement != null) {
            if (judgement.reason() == null || judgement.reason().isBlank()) {
                throw new RuleViolationException(
                        "professionalJudgement.reason", "NotBlank", "professional judgement needs a reason");
            }
            if (checklist.isAbove(judgement.level())) {
                throw new RuleViolationException(
                        "professionalJudgement.level",
                        "NeverLower",
                        "professional judgement may raise the level, never lower it below " + checklist);
            }
            level = judgement.level();
        }
        Set<MaracCriterion> marac = EnumSet.noneOf(MaracCriterion.class);
        if (checklist == RiskLevel.HIGH) {
            marac.add(MaracCriterion.VISIBLE_HIGH_RISK);
        }
        if (level == RiskLevel.HIGH && checklist != RiskLevel.HIGH) {
            marac.add(MaracCriterion.PROFESSIONAL_JUDGEMENT);
        }
        if (incidentsInLast12Months >= ESCALATION_INCIDENTS) {
            marac.add(MaracCriterion.POTENTIAL_ESCALATION);
        }
        if (previousMaracReferralOn != null
                && !completedOn.isAfter(previousMaracReferralOn.plusMonths(REPEAT_WINDOW_MONTHS))) {
            marac.add(MaracCriterion.REPEAT_REFERRAL);
        }
        return new DashScore(yes, checklist, level, marac);
    }
}
