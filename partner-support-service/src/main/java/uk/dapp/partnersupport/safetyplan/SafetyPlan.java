package uk.dapp.partnersupport.safetyplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("safety_plans")
public record SafetyPlan(
        @Id String planId,
        @Indexed String trackId,
        String caseId,
        List<SafetyAction> actions,
        LocalDate reviewOn,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        @Version Long version) {

    public SafetyPlan {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    SafetyPlan revised(
            List<SafetyAction> newActions, LocalDate newReviewOn, String by, Instant at, long expectedVersion) {
        return new SafetyPlan(
                planId, trackId, caseId, newActions, newReviewOn, createdBy, createdAt, by, at, expectedVersion);
    }
}
