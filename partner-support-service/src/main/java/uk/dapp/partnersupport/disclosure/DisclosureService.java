package uk.dapp.partnersupport.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.RiskLevel;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;

/**
 * Records disclosures and raises the programme's risk alert through the outbox. The store has no
 * multi-document transactions, so the alert is written first with the disclosure's own ID: a
 * failure between the two writes leaves an alert without its disclosure (the worker sees an error
 * and records again; the programme may get one extra alert), never a disclosure without an alert.
 */
@Service
class DisclosureService {

    static final String RESOURCE = "disclosure";
    static final String ALERT_RESOURCE = "risk-alert";

    private final DisclosureRepository disclosures;
    private final OutboxRepository outbox;
    private final PartnerTrackService tracks;
    private final AuditWriter audit;
    private final Clock clock;

    DisclosureService(DisclosureRepository disclosures, OutboxRepository outbox, PartnerTrackService tracks,
            AuditWriter audit, Clock clock) {
        this.disclosures = disclosures;
        this.outbox = outbox;
        this.tracks = tracks;
        this.audit = audit;
        this.clock = clock;
    }

    Disclosure record(UUID trackId, LocalDate disclosedOn, AbuseCategory category, RiskLevel level, String account,
            String location) {
        if (disclosedOn.isAfter(Times.today(clock))) {
            throw new RuleViolationException("disclosedOn", "NotFuture", "a disclosure cannot be dated in the future");
        }
        if (account.isBlank()) {
            throw new RuleViolationException("account", "NotBlank", "record the partner's account");
        }
        PartnerTrack track = tracks.findOpen(trackId);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        outbox.insert(new OutboxMessage(id, OutboxMessage.RISK_ALERT, track.caseId(),
                new RiskAlertPayload(track.caseId(), level, category, disclosedOn), now, OutboxStatus.PENDING, 0,
                null, null, null));
        Disclosure disclosure = disclosures.insert(new Disclosure(id, track.trackId(), track.caseId(), disclosedOn,
                category, level, account.strip(), location == null || location.isBlank() ? null : location.strip(),
                CurrentUser.get().username(), now, id));
        audit.record(AuditAction.CREATE, track.caseId(), RESOURCE, id);
        audit.record(AuditAction.CREATE, track.caseId(), ALERT_RESOURCE, id);
        return disclosure;
    }

    List<Disclosure> of(UUID trackId) {
        PartnerTrack track = tracks.find(trackId);
        List<Disclosure> found = disclosures.findByTrackIdOrderByRecordedAtAsc(track.trackId());
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, null);
        return found;
    }

    List<OutboxMessage> alertsOf(CaseId caseId) {
        List<OutboxMessage> found = outbox.findByCaseIdAndTypeOrderByCreatedAtDesc(caseId.value(),
                OutboxMessage.RISK_ALERT);
        audit.record(AuditAction.READ, caseId.value(), ALERT_RESOURCE, null);
        return found;
    }
}
