package uk.dapp.partnersupport.track;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.PartnerSupportProperties;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.holding.ReferralHoldings;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.MessageReceipts;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.platform.tracing.TraceJoin;

/**
 * Opens a track for each partner named with a programme referral (the programme does not keep
 * them). Each track's ID derives from the message ID and the partner's place in the message, so
 * each insert is idempotent on its own ({@link MessageReceipts#insert}): the same message again inserts nothing, and a redelivery
 * after a crash part-way opens only the tracks still missing. The tracks open unallocated; the first
 * contact falls due counted from arrival.
 * <p>
 * The opening runs in the trace of the ENGAGE decision that made the referral (ADR 0017): in a span
 * whose parent is the context the referral's holding was received under, linked to the facilitator's
 * request that named the partners, so the tracks' news to programme-service continues that trace too.
 * A referral held before contexts were kept, or with a context that cannot be read, opens its tracks
 * in the facilitator's trace, as before.
 */
@Service
public class PartnerReferralIntake {

    /** One partner as the referrer named them; the phone is not yet known to be safe. */
    public record ReferredPartner(PartnerRelationship relationship, String name, String phone) {

        @Override
        public String toString() {
            return "ReferredPartner[" + relationship + ", redacted]";
        }
    }

    /** The facts of the referral message. */
    public record Referral(
            CaseId caseId,
            UUID referralId,
            String programmeCode,
            Instant referredAt,
            List<ReferredPartner> partners,
            String team) {}

    /** The span the opening runs in, in the ENGAGE decision's trace. */
    static final String OPENING_SPAN = "partner-track opening";

    private final MessageReceipts receipts;
    private final ReferralHoldings holdings;
    private final TraceJoin traces;
    private final ReferralPhones phones;
    private final PartnerNames names;
    private final AuditWriter audit;
    private final Clock clock;
    private final WorkingDays workingDays;
    private final int firstContactWorkingDays;

    PartnerReferralIntake(
            MessageReceipts receipts,
            ReferralHoldings holdings,
            TraceJoin traces,
            ReferralPhones phones,
            PartnerNames names,
            AuditWriter audit,
            Clock clock,
            PartnerSupportProperties properties,
            WorkingDays workingDays) {
        this.receipts = receipts;
        this.holdings = holdings;
        this.traces = traces;
        this.phones = phones;
        this.names = names;
        this.audit = audit;
        this.clock = clock;
        this.workingDays = workingDays;
        this.firstContactWorkingDays = PartnerTrackService.firstContactWorkingDays(properties);
    }

    /** The ID of the track of the partner at {@code index} in the message. */
    public static String trackIdFor(UUID messageId, int index) {
        return UUID.nameUUIDFromBytes(("partner-referral/" + messageId + "/" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Opens the tracks not yet opened by an earlier delivery of the message; answers how many it opened. */
    public int receive(UUID messageId, Referral referral) {
        // every partner is checked before any track opens, so a refused message changes nothing
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < referral.partners().size(); i++) {
            if (referral.partners().get(i).name().isBlank()) {
                violations.add(new FieldViolation(
                        "partners[" + i + "].name", "NotBlank", "the partner's name must not be blank"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        String madeUnder =
                holdings.madeUnder(referral.caseId(), referral.referralId()).orElse(null);
        return traces.continuing(madeUnder, OPENING_SPAN, () -> open(messageId, referral));
    }

    private int open(UUID messageId, Referral referral) {
        String by = CurrentUser.get().username();
        Instant now = clock.instant();
        LocalDate due = workingDays.after(Times.dateOf(now), firstContactWorkingDays);
        String caseId = referral.caseId().value();
        int opened = 0;
        for (int i = 0; i < referral.partners().size(); i++) {
            ReferredPartner partner = referral.partners().get(i);
            String trackId = trackIdFor(messageId, i);
            PartnerTrack track = PartnerTrack.opened(
                    trackId,
                    caseId,
                    partner.relationship(),
                    names.seal(trackId, partner.name()),
                    null,
                    now,
                    by,
                    due,
                    new ReferralOrigin(
                            messageId.toString(),
                            referral.referralId().toString(),
                            referral.programmeCode(),
                            referral.referredAt(),
                            phones.seal(trackId, partner.phone())),
                    new StatusChange(
                            null,
                            TrackStatus.OPEN.name(),
                            "open",
                            by,
                            now,
                            "programme referral " + referral.programmeCode()),
                    referral.team());
            if (!receipts.insert(track)) {
                continue; // an earlier delivery of this message opened it
            }
            audit.record(AuditAction.CREATE, caseId, PartnerTrackService.RESOURCE, trackId, "programme referral");
            opened++;
        }
        return opened;
    }
}
