package uk.dapp.partnersupport.dash;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.risk.RiskLevel;

/**
 * One completed checklist, kept as a numbered version of the track's assessments; never changed but for
 * its {@code outbox}: an assessment at HIGH owes the programme a risk alert ({@link DashRiskAlert}),
 * written in the same insert.
 */
@Document(DashAssessment.COLLECTION)
@CompoundIndex(name = "track_version", def = "{'trackId': 1, 'versionNumber': 1}", unique = true)
public record DashAssessment(
        @Id String assessmentId,
        String trackId,
        @Indexed String caseId,
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
        Instant recordedAt,
        List<OutboxEntry> outbox) {

    public static final String COLLECTION = "dash_assessments";

    public DashAssessment {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** An assessment that owes the programme nothing. */
    public DashAssessment(
            String assessmentId,
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
        this(
                assessmentId,
                trackId,
                caseId,
                versionNumber,
                answers,
                completedOn,
                incidentsInLast12Months,
                previousMaracReferralOn,
                yesCount,
                checklistLevel,
                professionalJudgement,
                riskLevel,
                maracCriteria,
                completedBy,
                recordedAt,
                List.of());
    }
}
