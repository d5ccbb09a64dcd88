package uk.dapp.riskmatrix.onward;

import java.time.LocalDate;
import java.time.ZoneOffset;
import uk.dapp.riskmatrix.api.model.OnwardReferralDto;
import uk.dapp.riskmatrix.api.model.OnwardReferralStatusDto;
import uk.dapp.riskmatrix.api.model.OnwardReferralTypeDto;
import uk.dapp.riskmatrix.api.model.StatusChangeDto;
import uk.dapp.riskmatrix.values.OnwardReferral;

/** An onward referral as the contract shows it: on the nominal, in my-work and in the subject access export. */
public final class OnwardReferralDtos {

    private OnwardReferralDtos() {}

    public static OnwardReferralDto toDto(String caseId, OnwardReferral referral, LocalDate today) {
        return new OnwardReferralDto()
                .referralId(referral.referralId())
                .caseId(caseId)
                .type(OnwardReferralTypeDto.valueOf(referral.type().name()))
                .provider(referral.provider())
                .status(OnwardReferralStatusDto.valueOf(referral.status().name()))
                .madeOn(referral.madeOn())
                .madeBy(referral.madeBy())
                .followUpDate(referral.followUpDate())
                .followUpDue(referral.followUpDue(today))
                .outcome(referral.outcome())
                .closedAt(
                        referral.closedAt() == null ? null : referral.closedAt().atOffset(ZoneOffset.UTC))
                .allowedStatuses(OnwardReferralMachine.allowedStatuses(referral.status()).stream()
                        .map(s -> OnwardReferralStatusDto.valueOf(s.name()))
                        .toList())
                .history(referral.history().stream()
                        .map(change -> new StatusChangeDto()
                                .from(change.from())
                                .to(change.to())
                                .move(change.move())
                                .by(change.by())
                                .at(change.at().atOffset(ZoneOffset.UTC))
                                .reason(change.reason()))
                        .toList());
    }
}
