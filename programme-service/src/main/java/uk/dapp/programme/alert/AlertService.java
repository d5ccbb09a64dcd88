package uk.dapp.programme.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralService;

/** Risk alerts: raised on an open referral, reviewed by a service manager within 24 hours. */
@Service
public class AlertService {

    static final String RESOURCE = "risk-alert";

    private final AlertRepository alerts;
    private final ReferralService referrals;
    private final AuditWriter audit;
    private final Clock clock;

    AlertService(AlertRepository alerts, ReferralService referrals, AuditWriter audit, Clock clock) {
        this.alerts = alerts;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
    }

    public Alert raise(String referralId, AlertSource source, String concern) {
        Referral referral = referrals.load(referralId);
        if (!referral.status().isOpen()) {
            throw new ConflictException("Risk alerts are raised on open referrals; this one is " + referral.status(),
                    Map.of("currentStatus", referral.status().name()));
        }
        // the store keeps milliseconds: the deadline is computed from the time as stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Alert alert = alerts.insert(new Alert(UUID.randomUUID().toString(), referralId, referral.caseId(),
                source == null ? AlertSource.FACILITATOR_CONCERN : source, concern, CurrentUser.get().username(), now,
                AlertDeadline.dueBy(now), null, null, null, null));
        audit.record(AuditAction.CREATE, alert.caseId(), RESOURCE, alert.alertId());
        return alert;
    }

    /** A service manager's review, recording the actions taken; an alert is reviewed once (a second answers 409). */
    public Alert review(String alertId, String actionsTaken) {
        Alert alert = alerts.findById(alertId).orElseThrow(() -> new NotFoundException("No risk alert " + alertId));
        if (!alert.isOpen()) {
            throw new ConflictException("This risk alert was already reviewed",
                    Map.of("reviewedBy", alert.reviewedBy(), "reviewedAt", alert.reviewedAt().toString()));
        }
        Alert stored = alerts.save(alert.reviewed(actionsTaken, CurrentUser.get().username(), clock.instant()));
        audit.record(AuditAction.UPDATE, stored.caseId(), RESOURCE, stored.alertId());
        return stored;
    }

    /** Open alerts past their deadline, most overdue first. */
    public List<Alert> overdue() {
        List<Alert> found = alerts.findByReviewedAtIsNullAndReviewDueByBeforeOrderByReviewDueByAsc(clock.instant());
        found.forEach(a -> audit.record(AuditAction.SEARCH, a.caseId(), RESOURCE, a.alertId()));
        return found;
    }

    /** The referral's alerts, unaudited (the caller audits the read it serves). */
    public List<Alert> of(String referralId) {
        return alerts.findByReferralIdOrderByRaisedAtAsc(referralId);
    }

    public boolean hasOverdueOpenAlert(String referralId) {
        Instant now = clock.instant();
        return of(referralId).stream().anyMatch(a -> a.isOpen() && a.isOverdue(now));
    }

    public Instant now() {
        return clock.instant();
    }
}
