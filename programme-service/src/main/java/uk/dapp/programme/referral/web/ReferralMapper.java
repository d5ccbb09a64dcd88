package uk.dapp.programme.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;
import uk.dapp.programme.alert.AlertService;
import uk.dapp.programme.api.model.ExitOutcomeDto;
import uk.dapp.programme.api.model.ReferralDto;
import uk.dapp.programme.api.model.ReferralSourceDto;
import uk.dapp.programme.api.model.ReferralStatusDto;
import uk.dapp.programme.api.model.RiskLevelDto;
import uk.dapp.programme.api.model.SexDto;
import uk.dapp.programme.api.model.StatusChangeDto;
import uk.dapp.programme.referral.ExitRecord;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.review.ReviewSchedule;

/** A referral as the contract shows it: with its history, the reader's allowed next moves and its flags. */
@Component
public class ReferralMapper {

    public static final String OVERDUE_RISK_ALERT = "OVERDUE_RISK_ALERT";
    public static final String REVIEW_OVERDUE = "REVIEW_OVERDUE";

    private final AlertService alerts;
    private final Clock clock;

    ReferralMapper(AlertService alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    public ReferralDto toDto(Referral referral) {
        CurrentUser user = CurrentUser.get();
        boolean mover = user.hasRole(Roles.FACILITATOR) || user.hasRole(Roles.SERVICE_MANAGER);
        Instant now = clock.instant();
        List<String> flags = new ArrayList<>();
        if (referral.status().isOpen() && alerts.hasOverdueOpenAlert(referral)) {
            flags.add(OVERDUE_RISK_ALERT);
        }
        if (referral.status().isActive() && ReviewSchedule.isOverdue(referral.nextReviewDue(), now)) {
            flags.add(REVIEW_OVERDUE);
        }
        ExitRecord exit = referral.exit();
        return new ReferralDto()
                .referralId(UUID.fromString(referral.referralId()))
                .caseId(referral.caseId())
                .programmeCode(referral.programmeCode())
                .source(ReferralSourceDto.valueOf(referral.source().name()))
                .mandated(referral.mandated())
                .riskLevel(RiskLevelDto.valueOf(referral.riskLevel().name()))
                .currentRiskLevel(
                        RiskLevelDto.valueOf(referral.currentRiskLevel().name()))
                .currentRiskSince(referral.currentRiskSince().atOffset(ZoneOffset.UTC))
                .responsibleProbationOfficer(referral.responsibleProbationOfficer())
                .status(ReferralStatusDto.valueOf(referral.status().name()))
                .referredBy(referral.referredBy())
                .team(referral.team())
                .createdAt(referral.createdAt().atOffset(ZoneOffset.UTC))
                .sex(
                        referral.sex() == null
                                ? null
                                : SexDto.valueOf(referral.sex().name()))
                .dateOfBirth(referral.dateOfBirth())
                .allowedMoves(mover ? List.copyOf(referral.allowedMoves()) : List.of())
                .history(referral.history().stream()
                        .map(c -> new StatusChangeDto()
                                .from(c.from())
                                .to(c.to())
                                .move(c.move())
                                .by(c.by())
                                .at(c.at().atOffset(ZoneOffset.UTC))
                                .reason(c.reason()))
                        .toList())
                .groupId(referral.groupId() == null ? null : UUID.fromString(referral.groupId()))
                .caseManager(referral.caseManager())
                .enrolledAt(
                        referral.enrolledAt() == null
                                ? null
                                : referral.enrolledAt().atOffset(ZoneOffset.UTC))
                .nextReviewDue(
                        referral.nextReviewDue() == null
                                ? null
                                : referral.nextReviewDue().atOffset(ZoneOffset.UTC))
                .miSessionsUsed(referral.miSessionsUsed())
                .flags(flags)
                .exit(
                        exit == null
                                ? null
                                : new ExitOutcomeDto()
                                        .exitMove(exit.exitMove())
                                        .status(ReferralStatusDto.valueOf(
                                                exit.status().name()))
                                        .reason(exit.reason())
                                        .summary(exit.summary())
                                        .riskLevelAtExit(
                                                exit.riskLevelAtExit() == null
                                                        ? null
                                                        : RiskLevelDto.valueOf(exit.riskLevelAtExit()
                                                                .name()))
                                        .sessionsAttended(exit.sessionsAttended())
                                        .sessionsRequired(exit.sessionsRequired())
                                        .exitedBy(exit.exitedBy())
                                        .exitedAt(exit.exitedAt().atOffset(ZoneOffset.UTC)))
                .version(referral.version());
    }
}
