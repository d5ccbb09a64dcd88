package uk.dapp.programme.participant;

import static uk.dapp.platform.privacy.SensitivityLabel.DIRECT_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.FREE_TEXT;
import static uk.dapp.platform.privacy.SensitivityLabel.QUASI_IDENTIFIER;
import static uk.dapp.platform.privacy.SensitivityLabel.SAFE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.privacy.Sensitivity;

/**
 * Who the person of a case is, one document per case (the case ID is the key, so recording one
 * twice cannot make two). A correction replaces the identity under optimistic locking and keeps the
 * one it replaced in {@code history}: nothing recorded about him is lost, and his subject access
 * export shows every version. Every field is labelled; none is exportable to an evaluator.
 */
@Document("participants")
public record Participant(
        @Id @Sensitivity(DIRECT_IDENTIFIER) String caseId,
        Identity identity,
        @Sensitivity(SAFE) Source source,
        @Sensitivity(QUASI_IDENTIFIER) Instant recordedAt,
        @Sensitivity(SAFE) String recordedBy,
        List<Change> history,
        @Version @Sensitivity(SAFE) Long version) {

    /** One correction: the identity before it, who made it, when and why, and which parts changed. */
    public record Change(
            @Sensitivity(SAFE) long version,
            @Sensitivity(QUASI_IDENTIFIER) Instant changedAt,
            @Sensitivity(SAFE) String changedBy,
            @Sensitivity(FREE_TEXT) String reason,
            @Sensitivity(SAFE) List<String> fieldsChanged,
            Identity before) {}

    public List<Change> historyOrEmpty() {
        return history == null ? List.of() : history;
    }

    /** This participant with the identity replaced, the replaced one kept in the history. */
    Participant corrected(Identity now, String by, Instant at, String reason) {
        List<Change> changes = new ArrayList<>(historyOrEmpty());
        changes.add(new Change(version + 1, at, by, reason, now.differencesFrom(identity), identity));
        return new Participant(caseId, now, source, recordedAt, recordedBy, List.copyOf(changes), version);
    }
}
