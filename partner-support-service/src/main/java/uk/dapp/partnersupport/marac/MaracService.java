package uk.dapp.partnersupport.marac;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.dash.DashAssessment;
import uk.dapp.partnersupport.dash.MaracCriterion;
import uk.dapp.partnersupport.disclosure.Disclosure;
import uk.dapp.partnersupport.marac.MaracBasis.PreviousMaracSource;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.team.CaseScope;

/**
 * MARAC referrals of a partner track: referred on the criteria the records meet ({@link MaracRules}),
 * then revised with the meeting, the actions agreed and the outcome; open referrals past the 14-day
 * standard are listed. The records read are the track's own (its DASH checklists, disclosures and
 * earlier MARAC referrals): nothing is asked of another service and nothing is sent to one.
 */
@Service
class MaracService {

    static final String RESOURCE = "marac-referral";

    private final MaracReferralRepository referrals;
    private final PartnerTrackService tracks;
    private final MongoTemplate mongo;
    private final AuditWriter audit;
    private final Clock clock;

    MaracService(
            MaracReferralRepository referrals,
            PartnerTrackService tracks,
            MongoTemplate mongo,
            AuditWriter audit,
            Clock clock) {
        this.referrals = referrals;
        this.tracks = tracks;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    MaracReferral refer(UUID trackId, LocalDate referredOn, LocalDate meetingOn, String judgementReason) {
        PartnerTrack track = tracks.findOpen(trackId);
        MaracBasis basis = basis(track, referredOn);
        Set<MaracCriterion> criteria =
                MaracRules.checkReferral(basis, referredOn, meetingOn, judgementReason, Times.today(clock));
        Instant now = clock.instant();
        String by = CurrentUser.get().username();
        MaracReferral referral = new MaracReferral(
                UUID.randomUUID().toString(),
                track.trackId(),
                track.caseId(),
                referredOn,
                criteria,
                basis,
                judgementReason == null ? null : judgementReason.strip(),
                meetingOn,
                List.of(),
                null,
                null,
                MaracReferral.OPEN,
                by,
                now,
                by,
                now,
                null);
        MaracReferral saved;
        try {
            saved = referrals.insert(referral);
        } catch (DuplicateKeyException alreadyOpen) {
            throw new ConflictException(
                    "The partner track already has an open MARAC referral: record its outcome " + "first",
                    openOf(track)
                            .map(r -> Map.<String, Object>of("openMaracReferralId", r.maracReferralId()))
                            .orElse(Map.of()));
        }
        audit.record(AuditAction.CREATE, track.caseId(), RESOURCE, saved.maracReferralId());
        return saved;
    }

    MaracReferral update(
            UUID maracReferralId,
            LocalDate meetingOn,
            List<MaracAction> actions,
            MaracOutcome outcome,
            String outcomeNote,
            long expectedVersion) {
        MaracReferral referral = inScope(maracReferralId);
        tracks.findOpen(UUID.fromString(referral.trackId()));
        List<MaracAction> checked = MaracRules.checkUpdate(
                referral.referredOn(), meetingOn, actions, outcome, outcomeNote, Times.today(clock));
        MaracReferral saved;
        try {
            saved = referrals.save(referral.revised(
                    meetingOn,
                    checked,
                    outcome,
                    outcomeNote == null ? null : outcomeNote.strip(),
                    CurrentUser.get().username(),
                    clock.instant(),
                    expectedVersion));
        } catch (DuplicateKeyException anotherOpen) {
            // taking the outcome off again while a newer referral of the track is open
            throw new ConflictException(
                    "The partner track has another open MARAC referral: this one's outcome " + "stays recorded",
                    Map.of("maracReferralId", referral.maracReferralId()));
        }
        audit.record(AuditAction.UPDATE, saved.caseId(), RESOURCE, saved.maracReferralId());
        return saved;
    }

    List<MaracReferral> of(UUID trackId) {
        PartnerTrack track = tracks.find(trackId);
        List<MaracReferral> found = referrals.findByTrackIdOrderByReferredOnDescReferredAtDesc(track.trackId());
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, null);
        return found;
    }

    /** Open referrals of the caller's teams' open tracks past the standard, oldest referral first; audited per case. */
    List<OverdueMaracReferral> overdue() {
        LocalDate today = Times.today(clock);
        List<MaracReferral> due = referrals.findByOpenSlotAndReferredOnBefore(
                MaracReferral.OPEN, today.minusDays(MaracRules.MEETING_WITHIN_DAYS));
        Map<String, PartnerTrack> open =
                tracks
                        .openTracks(due.stream()
                                .map(MaracReferral::trackId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerTrack::trackId, Function.identity()));
        CaseScope scope = PartnerTrackService.scope();
        List<OverdueMaracReferral> overdue = new ArrayList<>();
        for (MaracReferral referral : due) {
            PartnerTrack track = open.get(referral.trackId());
            if (track != null
                    && scope.covers(track.team())
                    && MaracRules.overdue(referral.referredOn(), referral.outcome(), today)) {
                overdue.add(new OverdueMaracReferral(
                        referral.maracReferralId(),
                        referral.trackId(),
                        referral.caseId(),
                        referral.referredOn(),
                        MaracRules.meetingDueBy(referral.referredOn()),
                        referral.meetingOn(),
                        (int) ChronoUnit.DAYS.between(referral.referredOn(), today),
                        track.allocatedWorker()));
            }
        }
        overdue.sort(Comparator.comparing(OverdueMaracReferral::referredOn)
                .thenComparing(OverdueMaracReferral::maracReferralId));
        audit.recordList(
                AuditAction.SEARCH,
                RESOURCE,
                overdue.stream().map(OverdueMaracReferral::caseId).toList(),
                "overdue MARAC referrals");
        return overdue;
    }

    /** The records on the referral day: the latest checklist by then, the disclosures, the previous MARAC. */
    private MaracBasis basis(PartnerTrack track, LocalDate referredOn) {
        DashAssessment dash = mongo.findOne(
                Query.query(Criteria.where("trackId")
                                .is(track.trackId())
                                .and("completedOn")
                                .lte(referredOn))
                        .with(Sort.by(Sort.Direction.DESC, "versionNumber"))
                        .limit(1),
                DashAssessment.class);
        long incidents = mongo.count(
                Query.query(Criteria.where("trackId")
                        .is(track.trackId())
                        .and("disclosedOn")
                        .gt(MaracRules.incidentWindowStart(referredOn))
                        .lte(referredOn)),
                Disclosure.class);
        LocalDate previousReferral =
                referrals.findByTrackIdOrderByReferredOnDescReferredAtDesc(track.trackId()).stream()
                        .filter(r -> r.outcome() != MaracOutcome.WITHDRAWN
                                && !r.referredOn().isAfter(referredOn))
                        .map(MaracReferral::referredOn)
                        .findFirst()
                        .orElse(null);
        LocalDate fromChecklist = dash == null ? null : dash.previousMaracReferralOn();
        LocalDate previous = previousReferral;
        PreviousMaracSource source = previousReferral == null ? null : PreviousMaracSource.MARAC_REFERRAL;
        if (fromChecklist != null && (previous == null || fromChecklist.isAfter(previous))) {
            previous = fromChecklist;
            source = PreviousMaracSource.DASH_CHECKLIST;
        }
        return new MaracBasis(
                dash == null ? null : dash.assessmentId(),
                dash == null ? null : dash.versionNumber(),
                dash == null ? null : dash.completedOn(),
                dash == null ? null : dash.yesCount(),
                dash == null ? null : dash.checklistLevel(),
                dash == null ? null : dash.riskLevel(),
                (int) incidents,
                previous,
                source);
    }

    private java.util.Optional<MaracReferral> openOf(PartnerTrack track) {
        return referrals.findByTrackIdOrderByReferredOnDescReferredAtDesc(track.trackId()).stream()
                .filter(MaracReferral::open)
                .findFirst();
    }

    /**
     * The referral, if the caller's teams hold its track: otherwise 404 with the very message an
     * unknown referral gets, and the refusal audited (ADR 0012).
     */
    private MaracReferral inScope(UUID maracReferralId) {
        String notFound = "No MARAC referral " + maracReferralId;
        MaracReferral referral =
                referrals.findById(maracReferralId.toString()).orElseThrow(() -> new NotFoundException(notFound));
        PartnerTrack track = tracks.tracksOfCase(CaseId.parse(referral.caseId())).stream()
                .filter(t -> t.trackId().equals(referral.trackId()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(notFound));
        PartnerTrackService.scope()
                .require(track.team(), audit, track.caseId(), RESOURCE, referral.maracReferralId(), notFound);
        return referral;
    }
}
