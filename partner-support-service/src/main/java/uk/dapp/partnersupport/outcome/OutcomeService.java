package uk.dapp.partnersupport.outcome;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.partnersupport.track.TrackRecordKind;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;

@Service
class OutcomeService {

    static final String RESOURCE = "partner-outcome";

    record Summary(String trackId, List<OutcomeRecord> points, List<OutcomeChanges.Change> changes) {}

    private final OutcomeRepository outcomes;
    private final PartnerTrackService tracks;
    private final AuditWriter audit;
    private final Clock clock;

    OutcomeService(OutcomeRepository outcomes, PartnerTrackService tracks, AuditWriter audit, Clock clock) {
        this.outcomes = outcomes;
        this.tracks = tracks;
        this.audit = audit;
        this.clock = clock;
    }

    OutcomeRecord record(UUID trackId, OutcomePoint point, LocalDate recordedOn, OutcomeMeasures measures) {
        if (recordedOn.isAfter(Times.today(clock))) {
            throw new RuleViolationException("recordedOn", "NotFuture", "outcomes cannot be recorded in the future");
        }
        measures.asMap().forEach((measure, score) -> {
            if (score < OutcomeMeasures.MIN || score > OutcomeMeasures.MAX) {
                throw new RuleViolationException("measures." + measure, "Range", "scores run from 1 to 5");
            }
        });
        PartnerTrack track = tracks.findOpenToRecord(trackId, TrackRecordKind.PARTNER_OUTCOME);
        if (outcomes.findByTrackId(track.trackId()).stream().anyMatch(o -> o.point() == point)) {
            throw new ConflictException(
                    "Outcomes at " + point + " are already recorded for this track", Map.of("point", point.name()));
        }
        OutcomeRecord saved = outcomes.insert(new OutcomeRecord(
                UUID.randomUUID().toString(),
                track.trackId(),
                track.caseId(),
                point,
                recordedOn,
                measures,
                CurrentUser.get().username(),
                clock.instant()));
        audit.record(AuditAction.CREATE, track.caseId(), RESOURCE, saved.outcomeId());
        return saved;
    }

    Summary of(UUID trackId) {
        PartnerTrack track = tracks.find(trackId);
        Summary summary = summaryOf(track);
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, null);
        return summary;
    }

    /** The track's outcome points and their changes; unaudited: callers audit what they return. */
    Summary summaryOf(PartnerTrack track) {
        List<OutcomeRecord> points = outcomes.findByTrackId(track.trackId()).stream()
                .sorted(Comparator.comparing(OutcomeRecord::point))
                .toList();
        Map<OutcomePoint, OutcomeMeasures> byPoint = new EnumMap<>(OutcomePoint.class);
        points.forEach(p -> byPoint.put(p.point(), p.measures()));
        return new Summary(track.trackId(), points, OutcomeChanges.of(byPoint));
    }
}
