package uk.dapp.partnersupport.track;

import java.time.Instant;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.risk.RiskLevel;

/**
 * What a record written on an open track marks on the track itself (its contact attempts, its DASH
 * level), each as one atomic update of the open track that raises its version.
 */
@Component
public class TrackMarks {

    private final MongoTemplate mongo;

    TrackMarks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A contact attempt's mark on its open track (first and last attempt, contact made), as one atomic
     * update that raises the version: the caller sent no version, so a concurrent change of the track
     * (another attempt, a programme's exit notice) must not refuse the attempt, and none is lost.
     */
    public void contactAttempted(PartnerTrack track, Instant at, boolean reached) {
        Update update = new Update()
                .min("firstContactAttemptAt", at)
                .max("lastContactAttemptAt", at)
                .inc("version", 1);
        if (reached) {
            update.set("contactMade", true);
        }
        updateOpen(track, update);
    }

    /** The risk level of the latest DASH assessment, as one atomic update (the caller sent no version either). */
    public void riskAssessed(PartnerTrack track, RiskLevel level) {
        updateOpen(track, new Update().set("currentRiskLevel", level).inc("version", 1));
    }

    private void updateOpen(PartnerTrack track, Update update) {
        Query open = Query.query(
                Criteria.where("_id").is(track.trackId()).and("status").is(TrackStatus.OPEN));
        if (mongo.updateFirst(open, update, PartnerTrack.class).getMatchedCount() == 0) {
            throw new ConflictException("the partner track was closed meanwhile; reload it");
        }
    }
}
