package uk.dapp.partnersupport.track;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.PartnerSupportProperties;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.notification.Notice;
import uk.dapp.platform.notification.NotificationKind;
import uk.dapp.platform.notification.Recipient;
import uk.dapp.platform.outbox.MessageReceipts;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.team.CaseScope;

/**
 * Programme exits told to partner support: every open track of the case records the exit and a
 * prompt to contact the partner within {@code dapp.partner-support.exit-contact-working-days}
 * (default 2), and its allocated worker (the team's workers while it has none) is notified
 * (EXIT_CONTACT_DUE, ADR 0016). Each track takes the notice and the notification in one conditional update, applied only while the track
 * is open and has not received this message ({@link MessageReceipts}), so the same message again
 * changes nothing; the update raises the version, so a worker's save from an older read is refused
 * (409) rather than dropping it.
 */
@Service
public class ProgrammeExitNotices {

    /** The facts of the exit message. */
    public record ProgrammeExit(
            CaseId caseId,
            UUID referralId,
            String programmeCode,
            ExitStatus exitStatus,
            boolean nonCompliance,
            Instant exitedAt) {}

    private final PartnerTrackRepository tracks;
    private final MongoTemplate mongo;
    private final MessageReceipts receipts;
    private final AuditWriter audit;
    private final Clock clock;
    private final WorkingDays workingDays;
    private final int exitContactWorkingDays;

    ProgrammeExitNotices(
            PartnerTrackRepository tracks,
            MongoTemplate mongo,
            MessageReceipts receipts,
            AuditWriter audit,
            Clock clock,
            PartnerSupportProperties properties,
            WorkingDays workingDays) {
        this.tracks = tracks;
        this.mongo = mongo;
        this.receipts = receipts;
        this.audit = audit;
        this.clock = clock;
        this.workingDays = workingDays;
        if (properties.exitContactWorkingDays() < 0) {
            throw new IllegalStateException("dapp.partner-support.exit-contact-working-days must not be negative");
        }
        this.exitContactWorkingDays = properties.exitContactWorkingDays();
    }

    /** Records the exit on every open track of the case not yet told of it; answers how many tracks took it. */
    public int receive(UUID messageId, ProgrammeExit exit) {
        String caseId = exit.caseId().value();
        Instant now = clock.instant();
        ProgrammeExitNotice notice = new ProgrammeExitNotice(
                messageId.toString(),
                exit.referralId().toString(),
                exit.programmeCode(),
                exit.exitStatus(),
                exit.nonCompliance(),
                exit.exitedAt(),
                now,
                workingDays.after(Times.dateOf(now), exitContactWorkingDays));
        int recorded = 0;
        for (PartnerTrack track : tracks.findByCaseIdOrderByOpenedAtAsc(caseId)) {
            if (track.status() != TrackStatus.OPEN) {
                continue;
            }
            Query stillOpen = Query.query(
                    Criteria.where("_id").is(track.trackId()).and("status").is(TrackStatus.OPEN));
            // the partner must be contacted: her worker (or, unallocated, the team's workers) told in the same update
            Notice contactDue = Notice.of(
                    NotificationKind.EXIT_CONTACT_DUE,
                    caseId,
                    track.trackId(),
                    track.allocated()
                            ? Recipient.user(track.allocatedWorker())
                            : Recipient.role(Roles.PARTNER_SUPPORT_WORKER, track.team()));
            Update record = new Update()
                    .push(PartnerTrack.EXITS, notice)
                    .inc("version", 1)
                    .push("outbox", Notice.TYPE.entry(contactDue, now, track.outboxSequence()))
                    .inc("outboxSequence", 1);
            if (receipts.update(stillOpen, record, PartnerTrack.class, notice.messageId())) {
                audit.record(
                        AuditAction.UPDATE, caseId, PartnerTrackService.RESOURCE, track.trackId(), "programme exit");
                recorded++;
            }
        }
        return recorded;
    }

    /** The prompts not yet done on open tracks, earliest due first, exits for non-compliance first on a day. */
    public List<ExitContactPrompt> outstanding() {
        LocalDate today = Times.today(clock);
        Query withExits = Query.query(Criteria.where("status")
                .is(TrackStatus.OPEN)
                .and(PartnerTrack.EXITS + ".0")
                .exists(true));
        List<ExitContactPrompt> prompts = new ArrayList<>();
        CaseScope scope = PartnerTrackService.scope();
        for (PartnerTrack track : mongo.find(withExits, PartnerTrack.class)) {
            if (!scope.covers(track.team())) {
                continue;
            }
            for (ProgrammeExitNotice exit : track.programmeExits()) {
                if (!exit.contactPromptDone(track.lastContactAttemptAt())) {
                    prompts.add(new ExitContactPrompt(
                            track.trackId(),
                            track.caseId(),
                            track.allocatedWorker(),
                            exit,
                            workingDays.between(exit.contactDueOn(), today)));
                }
            }
        }
        prompts.sort(Comparator.comparing(ExitContactPrompt::contactDueOn)
                .thenComparing(p -> !p.exit().nonCompliance())
                .thenComparing(p -> p.exit().receivedAt()));
        audit.recordList(
                AuditAction.SEARCH,
                PartnerTrackService.RESOURCE,
                prompts.stream().map(ExitContactPrompt::caseId).toList(),
                "exit contact prompts");
        return prompts;
    }
}
