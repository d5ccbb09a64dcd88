package uk.dapp.partnersupport.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.platform.outbox.OutboxQueries;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.team.CaseScope;

/**
 * Records disclosures and raises the programme's risk alert through the outbox: the alert is an
 * entry in the disclosure's own {@code outbox} list, so the disclosure and its alert are one insert
 * (both or neither). Whether the alert may leave is decided when it is delivered
 * ({@link RiskAlertConsentCheck}), not here, so a consent withdrawn in between still stops it.
 */
@Service
class DisclosureService {

    static final String RESOURCE = "disclosure";
    static final String ALERT_RESOURCE = "risk-alert";

    /** A risk alert as a worker sees it: the message's delivery state and the disclosure's facts. */
    record RiskAlertView(OutboxMessage message, Disclosure disclosure) {}

    private final DisclosureRepository disclosures;
    private final OutboxQueries outbox;
    private final PartnerTrackService tracks;
    private final AuditWriter audit;
    private final Clock clock;

    DisclosureService(
            DisclosureRepository disclosures,
            OutboxQueries outbox,
            PartnerTrackService tracks,
            AuditWriter audit,
            Clock clock) {
        this.disclosures = disclosures;
        this.outbox = outbox;
        this.tracks = tracks;
        this.audit = audit;
        this.clock = clock;
    }

    Disclosure record(
            UUID trackId,
            LocalDate disclosedOn,
            AbuseCategory category,
            RiskLevel level,
            String account,
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
        Disclosure disclosure = disclosures.insert(new Disclosure(
                id,
                track.trackId(),
                track.caseId(),
                disclosedOn,
                category,
                level,
                account.strip(),
                location == null || location.isBlank() ? null : location.strip(),
                CurrentUser.get().username(),
                now,
                id,
                null,
                List.of(RiskAlert.TYPE.entry(
                        id, new RiskAlert(track.caseId(), level, category, disclosedOn), now, 0))));
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

    /**
     * The case's alerts, newest first, whether still in their disclosures or already moved to the
     * outbox collection. The level, category and date come from the disclosure: the relay erases a
     * message's payload once it is closed.
     */
    List<RiskAlertView> alertsOf(CaseId caseId) {
        // only from the tracks of the caller's teams (ADR 0012); leaving others out is a refusal, audited
        CaseScope scope = PartnerTrackService.scope();
        java.util.Set<String> visibleTracks = tracks.tracksOfCase(caseId).stream()
                .filter(track -> scope.covers(track.team()))
                .map(PartnerTrack::trackId)
                .collect(Collectors.toSet());
        List<Disclosure> ofCase = disclosures.findByCaseId(caseId.value());
        if (ofCase.stream().anyMatch(d -> !visibleTracks.contains(d.trackId()))) {
            audit.record(AuditAction.READ, caseId.value(), ALERT_RESOURCE, null, CaseScope.REFUSED);
        }
        Map<String, Disclosure> byId = ofCase.stream()
                .filter(d -> visibleTracks.contains(d.trackId()))
                .collect(Collectors.toMap(Disclosure::disclosureId, Function.identity()));
        List<RiskAlertView> alerts = new ArrayList<>();
        for (OutboxMessage message : outbox.messagesOf(
                caseId.value(),
                RiskAlert.TYPE,
                byId.values().stream().flatMap(d -> d.outbox().stream()).toList())) {
            Disclosure disclosure = byId.get(message.id());
            if (disclosure != null) {
                alerts.add(new RiskAlertView(message, disclosure));
            }
        }
        audit.record(AuditAction.READ, caseId.value(), ALERT_RESOURCE, null);
        return alerts;
    }
}
