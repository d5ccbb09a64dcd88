package uk.dapp.partnersupport.marac;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.PartnerSupportProperties;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.TrackStatus;
import uk.dapp.partnersupport.track.WorkingDays;
import uk.dapp.platform.notification.Notice;
import uk.dapp.platform.notification.NotificationKind;
import uk.dapp.platform.notification.Recipient;
import uk.dapp.platform.outbox.MessageReceipts;
import uk.dapp.platform.security.Roles;

/**
 * "A MARAC is near" (issue 16 item 8): an open referral whose meeting falls within
 * {@code dapp.partner-support.marac-near-working-days} working days (default 2, on the service's
 * bank-holiday calendar) notifies the track's worker (the team's workers while it has none), once per
 * meeting date. The notice is owed in one conditional update of the open track that records the
 * meeting as notified ({@link MessageReceipts}, under an ID derived from the referral and the date),
 * so replicas checking at once notify once, and a meeting moved to a new date is notified again.
 */
@Service
public class MaracMeetingNotices {

    private final MongoTemplate mongo;
    private final MessageReceipts receipts;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final int nearWorkingDays;

    MaracMeetingNotices(
            MongoTemplate mongo,
            MessageReceipts receipts,
            WorkingDays workingDays,
            Clock clock,
            PartnerSupportProperties properties) {
        this.mongo = mongo;
        this.receipts = receipts;
        this.workingDays = workingDays;
        this.clock = clock;
        if (properties.maracNearWorkingDays() < 0) {
            throw new IllegalStateException("dapp.partner-support.marac-near-working-days must not be negative");
        }
        this.nearWorkingDays = properties.maracNearWorkingDays();
    }

    /** Notifies each near MARAC meeting not notified yet; answers how many were notified now. */
    public int notifyNear() {
        LocalDate today = Times.today(clock);
        LocalDate lastNearDay = workingDays.after(today, nearWorkingDays);
        Instant now = clock.instant();
        int notified = 0;
        for (MaracReferral referral : mongo.find(
                Query.query(Criteria.where("openSlot")
                        .is(MaracReferral.OPEN)
                        .and("meetingOn")
                        .gte(today)
                        .lte(lastNearDay)),
                MaracReferral.class)) {
            if (!MaracRules.meetingNear(referral.meetingOn(), referral.outcome(), today, lastNearDay)) {
                continue;
            }
            PartnerTrack track = mongo.findById(referral.trackId(), PartnerTrack.class);
            if (track == null || track.status() != TrackStatus.OPEN) {
                continue;
            }
            Notice near = Notice.of(
                    NotificationKind.MARAC_NEAR,
                    track.caseId(),
                    track.trackId(),
                    track.allocated()
                            ? Recipient.user(track.allocatedWorker())
                            : Recipient.role(Roles.PARTNER_SUPPORT_WORKER, track.team()));
            // the version moves too, so a worker's save from an older read is refused rather than dropping it
            Update owe = new Update()
                    .push("outbox", Notice.TYPE.entry(near, now, track.outboxSequence()))
                    .inc("outboxSequence", 1)
                    .inc("version", 1);
            Query stillOpen = Query.query(
                    Criteria.where("_id").is(track.trackId()).and("status").is(TrackStatus.OPEN));
            if (receipts.update(stillOpen, owe, PartnerTrack.class, meetingKey(referral))) {
                notified++;
            }
        }
        return notified;
    }

    /** One ID per referral and meeting date: what makes the notice once per meeting. */
    static String meetingKey(MaracReferral referral) {
        return UUID.nameUUIDFromBytes(("marac-near:" + referral.maracReferralId() + ":" + referral.meetingOn())
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
