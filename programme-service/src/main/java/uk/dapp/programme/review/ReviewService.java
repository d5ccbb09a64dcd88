package uk.dapp.programme.review;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralService;
import uk.dapp.programme.referral.ReferralStatus;
import uk.dapp.programme.team.CaseTeams;

/** Monthly case-management reviews of enrolled participants, and the list of overdue ones. */
@Service
public class ReviewService {

    static final String RESOURCE = "case-review";

    private final ReviewRepository reviews;
    private final ReferralService referrals;
    private final MongoTemplate mongo;
    private final AuditWriter audit;
    private final Clock clock;

    ReviewService(
            ReviewRepository reviews, ReferralService referrals, MongoTemplate mongo, AuditWriter audit, Clock clock) {
        this.reviews = reviews;
        this.referrals = referrals;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the review: who attended and who owns each action agreed (each named, none blank), and
     * the risk level found, which becomes the referral's current risk level in the same save as the
     * next due date.
     */
    public Review record(
            String referralId,
            RiskLevel riskLevel,
            String safetyActions,
            List<Review.Attendee> attendees,
            List<Review.Action> actions) {
        ReviewRecordRules.check(attendees, actions);
        Referral referral = referrals.load(referralId);
        if (!referral.status().isActive()) {
            throw new ConflictException(
                    "Case-management reviews are for enrolled participants; this referral is " + referral.status(),
                    Map.of("currentStatus", referral.status().name()));
        }
        Instant now = clock.instant();
        Instant nextDue = ReviewSchedule.nextDue(now);
        referral.reviewed(nextDue, riskLevel, now);
        referrals.save(referral);
        Review review = reviews.insert(new Review(
                UUID.randomUUID().toString(),
                referralId,
                referral.caseId(),
                riskLevel,
                safetyActions,
                ReviewRecordRules.tidy(attendees),
                ReviewRecordRules.tidyActions(actions),
                CurrentUser.get().username(),
                now,
                nextDue));
        audit.record(AuditAction.CREATE, referral.caseId(), RESOURCE, review.reviewId());
        return review;
    }

    /** Enrolled participants of the caller's teams whose review is past due, longest overdue first. */
    public List<Referral> overdue() {
        List<Referral> found = mongo.find(
                query(where("status")
                                .in(ReferralStatus.ACTIVE.stream()
                                        .map(Enum::name)
                                        .toList())
                                .and("nextReviewDue")
                                .lt(clock.instant())
                                .andOperator(CaseTeams.scope().criteria("team")))
                        .with(Sort.by("nextReviewDue")),
                Referral.class);
        found.forEach(r -> audit.record(AuditAction.SEARCH, r.caseId(), RESOURCE, r.referralId()));
        return found;
    }

    public List<Review> of(String referralId) {
        return reviews.findByReferralIdOrderByReviewedAtAsc(referralId);
    }
}
