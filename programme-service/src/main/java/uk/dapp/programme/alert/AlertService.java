package uk.dapp.programme.alert;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.notification.Notice;
import uk.dapp.platform.notification.NotificationKind;
import uk.dapp.platform.notification.Recipient;
import uk.dapp.platform.outbox.MessageReceipts;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralRepository;
import uk.dapp.programme.referral.ReferralService;
import uk.dapp.programme.team.CaseTeams;

/**
 * Risk alerts: raised on an open referral by programme staff, or from a partner disclosure passed on
 * by partner support; reviewed by a service manager within 24 hours, or escalated. Each arrival and
 * each escalation notifies the service managers of the case's teams (of every team while no team
 * holds the case), in the alert's own write (ADR 0016).
 */
@Service
public class AlertService {

    static final String RESOURCE = "risk-alert";

    private final AlertRepository alerts;
    private final ReferralService referrals;
    private final ReferralRepository referralRepository;
    private final MessageReceipts receipts;
    private final AuditWriter audit;
    private final Clock clock;

    private final CaseTeams caseTeams;
    private final MongoTemplate mongo;

    AlertService(
            AlertRepository alerts,
            ReferralService referrals,
            ReferralRepository referralRepository,
            MessageReceipts receipts,
            AuditWriter audit,
            Clock clock,
            CaseTeams caseTeams,
            MongoTemplate mongo) {
        this.caseTeams = caseTeams;
        this.mongo = mongo;
        this.alerts = alerts;
        this.referrals = referrals;
        this.referralRepository = referralRepository;
        this.receipts = receipts;
        this.audit = audit;
        this.clock = clock;
    }

    public Alert raise(String referralId, AlertSource source, String concern) {
        Referral referral = referrals.load(referralId);
        if (!referral.status().isOpen()) {
            throw new ConflictException(
                    "Risk alerts are raised on open referrals; this one is " + referral.status(),
                    Map.of("currentStatus", referral.status().name()));
        }
        Instant now = storedNow();
        String alertId = UUID.randomUUID().toString();
        Alert alert = alerts.insert(Alert.raised(
                alertId,
                referralId,
                referral.caseId(),
                source == null ? AlertSource.FACILITATOR_CONCERN : source,
                concern,
                null,
                CurrentUser.get().username(),
                now,
                notice(NotificationKind.RISK_ALERT_RAISED, referral.caseId(), alertId)));
        audit.record(AuditAction.CREATE, alert.caseId(), RESOURCE, alert.alertId());
        return alert;
    }

    /**
     * An alert from a partner disclosure, passed on by partner support's outbox: its ID is the
     * message ID, so a repeated message inserts nothing (false) and a concurrent copy loses the
     * insert ({@link MessageReceipts#insert}). The 24-hour clock starts now, on arrival, whenever the
     * disclosure was made. It goes on
     * the case's open referral, preferring one in progress (enrolled or on the programme), else the
     * newest; a case with none keeps the alert against the case, still reviewed and still overdue.
     */
    public boolean fromDisclosure(String messageId, String caseIdText, Disclosure disclosure) {
        String caseId = CaseId.parse(caseIdText).value();
        if (alerts.existsById(messageId)) {
            return false;
        }
        Instant now = storedNow();
        // a day's grace: the sender's date is local (UK) and may be a day ahead of UTC around midnight
        if (disclosure
                .disclosedOn()
                .isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1))) {
            throw new RuleViolationException("disclosedOn", "NotFuture", "a disclosure cannot be dated in the future");
        }
        Optional<Referral> onto = referralRepository.findByCaseIdOrderByCreatedAtDesc(caseId).stream()
                .filter(r -> r.status().isOpen())
                .min(Comparator.comparing((Referral r) -> !r.status().isActive()));
        Alert alert = Alert.raised(
                messageId,
                onto.map(Referral::referralId).orElse(null),
                caseId,
                AlertSource.PARTNER_DISCLOSURE,
                disclosure.describe(),
                disclosure,
                CurrentUser.get().username(),
                now,
                notice(NotificationKind.RISK_ALERT_RAISED, caseId, messageId));
        if (!receipts.insert(alert)) {
            return false;
        }
        audit.record(AuditAction.CREATE, caseId, RESOURCE, messageId);
        return true;
    }

    /**
     * A partner's DASH risk assessment at HIGH, sent by partner support under the disclosure's consent
     * rule: an alert on the case's open referral (an active one first, else the newest) or against the
     * case, due for review in 24 hours, with the level and date only. Once per message ID.
     */
    public boolean fromPartnerDash(String messageId, String caseIdText, RiskLevel level, LocalDate assessedOn) {
        String caseId = CaseId.parse(caseIdText).value();
        if (alerts.existsById(messageId)) {
            return false;
        }
        Instant now = storedNow();
        // a day's grace: the sender's date is local (UK) and may be a day ahead of UTC around midnight
        if (assessedOn.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1))) {
            throw new RuleViolationException("assessedOn", "NotFuture", "an assessment cannot be dated in the future");
        }
        Optional<Referral> onto = referralRepository.findByCaseIdOrderByCreatedAtDesc(caseId).stream()
                .filter(r -> r.status().isOpen())
                .min(Comparator.comparing((Referral r) -> !r.status().isActive()));
        Alert alert = Alert.raised(
                messageId,
                onto.map(Referral::referralId).orElse(null),
                caseId,
                AlertSource.PARTNER_DASH_HIGH,
                "partner's DASH risk assessment: risk level " + level + ", completed on " + assessedOn,
                null,
                CurrentUser.get().username(),
                now,
                notice(NotificationKind.RISK_ALERT_RAISED, caseId, messageId));
        if (!receipts.insert(alert)) {
            return false;
        }
        audit.record(AuditAction.CREATE, caseId, RESOURCE, messageId);
        return true;
    }

    /**
     * A police incident recorded on the risk matrix against a nominal (risk-matrix's outbox): raises an
     * alert, due for review in 24 hours like any other, on the case's open referral (an active one first,
     * else the newest) with the level, category and date only. A case with no open referral raises
     * nothing (false), as does the same message again (its ID is the alert's).
     */
    public boolean fromPoliceIncident(String messageId, String caseIdText, PoliceIncident incident) {
        String caseId = CaseId.parse(caseIdText).value();
        if (alerts.existsById(messageId)) {
            return false;
        }
        Optional<Referral> onto = referralRepository.findByCaseIdOrderByCreatedAtDesc(caseId).stream()
                .filter(r -> r.status().isOpen())
                .min(Comparator.comparing((Referral r) -> !r.status().isActive()));
        if (onto.isEmpty()) {
            return false;
        }
        Instant now = storedNow();
        Alert alert = Alert.raised(
                messageId,
                onto.get().referralId(),
                caseId,
                AlertSource.POLICE_INCIDENT,
                incident.describe(),
                null,
                CurrentUser.get().username(),
                now,
                notice(NotificationKind.RISK_ALERT_RAISED, caseId, messageId));
        if (!receipts.insert(alert)) {
            return false;
        }
        audit.record(AuditAction.CREATE, caseId, RESOURCE, messageId);
        return true;
    }

    /** A service manager's review, recording the actions taken; an alert is reviewed once (a second answers 409). */
    public Alert review(String alertId, String actionsTaken) {
        Alert alert = alerts.findById(alertId).orElseThrow(() -> new NotFoundException("No risk alert " + alertId));
        caseTeams.requireUnlessUnheld(alert.caseId(), RESOURCE, alertId, "No risk alert " + alertId);
        if (!alert.isOpen()) {
            throw new ConflictException(
                    "This risk alert was already reviewed",
                    Map.of(
                            "reviewedBy",
                            alert.reviewedBy(),
                            "reviewedAt",
                            alert.reviewedAt().toString()));
        }
        Alert stored =
                alerts.save(alert.reviewed(actionsTaken, CurrentUser.get().username(), clock.instant()));
        audit.record(AuditAction.UPDATE, stored.caseId(), RESOURCE, stored.alertId());
        return stored;
    }

    /** One alert of a case of the caller's teams (or of no team yet), audited; any other is 404. */
    public Alert get(String alertId) {
        Alert alert = alerts.findById(alertId).orElseThrow(() -> new NotFoundException("No risk alert " + alertId));
        caseTeams.requireUnlessUnheld(alert.caseId(), RESOURCE, alertId, "No risk alert " + alertId);
        audit.record(AuditAction.READ, alert.caseId(), RESOURCE, alertId);
        return alert;
    }

    /**
     * Open alerts of cases of the caller's teams (or of no team yet), the least time left first (the
     * overdue before them), a page at a time; every case listed is audited.
     */
    public Page<Alert> open(int page, int size) {
        return pageOf(visible(alerts.findByReviewedAtIsNullOrderByReviewDueByAsc()), page, size, "open alerts");
    }

    /** The escalation list: open alerts that escalated, longest escalated first; audited per case. */
    public Page<Alert> escalated(int page, int size) {
        List<Alert> escalated = visible(alerts.findByReviewedAtIsNullOrderByReviewDueByAsc()).stream()
                .filter(a -> a.escalatedAt() != null)
                .sorted(Comparator.comparing(Alert::escalatedAt))
                .toList();
        return pageOf(escalated, page, size, "escalated alerts");
    }

    /**
     * Escalates every alert still unreviewed past its deadline and not escalated yet ({@link #escalate}).
     * Answers how many escalated.
     */
    public int escalateDue() {
        Instant now = storedNow();
        int escalated = 0;
        for (Alert due : mongo.find(
                query(where("reviewedAt")
                        .is(null)
                        .and("escalatedAt")
                        .is(null)
                        .and("reviewDueBy")
                        .lt(now)),
                Alert.class)) {
            escalated += escalate(due, AlertEscalation.reviewClockRanOut(), now) ? 1 : 0;
        }
        return escalated;
    }

    /**
     * A facilitator or service manager escalates an open alert of a case of their teams (or of no team
     * yet) now, saying why ({@link AlertEscalationRules}): the same escalation as the clock's, recording
     * who and why. An alert escalated already (by hand, by the clock, or by a request that came at the
     * same moment) is answered as it stands, nothing recorded or notified again; a reviewed one is 409.
     */
    public Alert escalateNow(String alertId, String reason) {
        String kept = AlertEscalationRules.reason(reason);
        Alert alert = alerts.findById(alertId).orElseThrow(() -> new NotFoundException("No risk alert " + alertId));
        caseTeams.requireUnlessUnheld(alert.caseId(), RESOURCE, alertId, "No risk alert " + alertId);
        boolean escalated = false;
        if (AlertEscalationRules.byHand(alert) == AlertEscalationRules.Outcome.ESCALATE) {
            escalated = escalate(alert, AlertEscalation.byHand(CurrentUser.get().username(), kept), storedNow());
            // as it now stands: escalated by this request or by one at the same moment, or reviewed meanwhile (409)
            alert = alerts.findById(alertId).orElseThrow(() -> new NotFoundException("No risk alert " + alertId));
            AlertEscalationRules.byHand(alert);
        }
        // the answer is a read of the alert when it escalated before
        audit.record(escalated ? AuditAction.UPDATE : AuditAction.READ, alert.caseId(), RESOURCE, alertId);
        return alert;
    }

    /**
     * The one escalation, by the clock or by hand: marks the alert escalated (when, how, by whom, why) and
     * owes the notification in one conditional update of the alert (unreviewed, not escalated), so two
     * replicas checking at once, or a hand escalation at the same moment as the clock's, escalate it once
     * and notify once, and a review that came first stops it. The version moves too, so a review saved
     * from an older read is refused rather than undoing it. Answers whether this call escalated it.
     */
    private boolean escalate(Alert alert, AlertEscalation how, Instant now) {
        Notice notice = notice(NotificationKind.RISK_ALERT_ESCALATED, alert.caseId(), alert.alertId());
        Update escalate = new Update()
                .set("escalatedAt", now)
                .set("escalation", how)
                .push("outbox", Notice.TYPE.entry(notice, now, alert.outboxSequence()))
                .inc("outboxSequence", 1)
                .inc("version", 1);
        return mongo.updateFirst(
                                query(where("_id")
                                        .is(alert.alertId())
                                        .and("reviewedAt")
                                        .is(null)
                                        .and("escalatedAt")
                                        .is(null)),
                                escalate,
                                Alert.class)
                        .getModifiedCount()
                > 0;
    }

    /**
     * Open alerts past their deadline on cases of the caller's teams (or of no team yet), most overdue
     * first, whether on a referral or kept against a case.
     */
    public List<Alert> overdue() {
        List<Alert> all = alerts.findByReviewedAtIsNullAndReviewDueByBeforeOrderByReviewDueByAsc(clock.instant());
        // an alert on a case no team holds yet is everyone's to review: its 24 hours do not wait
        var visible = caseTeams.visibleOrUnheldOf(
                all.stream().map(Alert::caseId).distinct().toList());
        List<Alert> found =
                all.stream().filter(a -> visible.contains(a.caseId())).toList();
        found.forEach(a -> audit.record(AuditAction.SEARCH, a.caseId(), RESOURCE, a.alertId()));
        return found;
    }

    /**
     * The alerts a referral's readers must see, oldest first: its own, and those kept against its case
     * because no referral was open when they arrived (unaudited: the caller audits the read it serves).
     */
    public List<Alert> of(Referral referral) {
        List<Alert> found = new ArrayList<>(alerts.findByReferralIdOrderByRaisedAtAsc(referral.referralId()));
        found.addAll(alerts.findByCaseIdAndReferralIdIsNull(referral.caseId()));
        found.sort(Comparator.comparing(Alert::raisedAt));
        return found;
    }

    public boolean hasOverdueOpenAlert(Referral referral) {
        Instant now = clock.instant();
        return of(referral).stream().anyMatch(a -> a.isOpen() && a.isOverdue(now));
    }

    public Instant now() {
        return clock.instant();
    }

    /** Open alerts of cases of the caller's teams or of no team yet, unaudited (the caller audits what it serves). */
    public List<Alert> openVisible() {
        return visible(alerts.findByReviewedAtIsNullOrderByReviewDueByAsc());
    }

    private List<Alert> visible(List<Alert> all) {
        // an alert on a case no team holds yet is everyone's to review: its 24 hours do not wait
        var visible = caseTeams.visibleOrUnheldOf(
                all.stream().map(Alert::caseId).distinct().toList());
        return all.stream().filter(a -> visible.contains(a.caseId())).toList();
    }

    private Page<Alert> pageOf(List<Alert> all, int page, int size, String what) {
        List<Alert> items = all.stream().skip((long) page * size).limit(size).toList();
        audit.recordList(
                AuditAction.SEARCH,
                RESOURCE,
                items.stream().map(Alert::caseId).toList(),
                what + "&page=" + page + "&size=" + size);
        return new PageImpl<>(items, PageRequest.of(page, size), all.size());
    }

    /** To the service managers of the case's teams; of every team while no team holds the case. */
    private Notice notice(NotificationKind kind, String caseId, String alertId) {
        List<Recipient> managers = caseTeams.of(caseId).stream()
                .sorted()
                .map(team -> Recipient.role(Roles.SERVICE_MANAGER, team))
                .toList();
        return new Notice(
                caseId,
                kind,
                alertId,
                managers.isEmpty() ? List.of(Recipient.role(Roles.SERVICE_MANAGER, null)) : managers);
    }

    /** The store keeps milliseconds: a deadline is computed from the time as stored. */
    private Instant storedNow() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
