package uk.dapp.partnersupport.dash;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.risk.RiskLevel;

/** One completed checklist, kept as a numbered version of the track's assessments; never changed. */
@Document("dash_assessments")
@CompoundIndex(name = "track_version", def = "{'trackId': 1, 'versionNumber': 1}", unique = true)
public record DashAssessment(
        @Id String assessmentId,
        String trackId,
        String caseId,
        int versionNumber,
        List<DashAnswer> answers,
        LocalDate completedOn,
        int incidentsInLast12Months,
        LocalDate previousMaracReferralOn,
        int yesCount,
        RiskLevel checklistLevel,
        ProfessionalJudgement professionalJudgement,
        RiskLevel riskLevel,
        Set<MaracCriterion> maracCriteria,
        String completedBy,
        Instant recordedAt) {
}
