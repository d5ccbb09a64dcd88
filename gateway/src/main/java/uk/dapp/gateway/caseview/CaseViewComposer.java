package uk.dapp.gateway.caseview;

import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.model.CaseViewDto;
import uk.dapp.gateway.api.model.PartnerSupportPartDto;
import uk.dapp.gateway.api.model.ProgrammePartDto;
import uk.dapp.gateway.api.model.RiskMatrixPartDto;
import uk.dapp.platform.caseid.CaseId;

/**
 * The three parts, asked for at once; the view is ready when the slowest part has answered or
 * run out of time. Nothing is added to what the services sent but each part's status and the
 * case ID that was asked for. A part that errors (rather than coming back UNAVAILABLE) fails the
 * whole view: it means the gateway went wrong, and a half-built answer is never sent.
 */
public class CaseViewComposer {

    private final PartSource parts;

    public CaseViewComposer(PartSource parts) {
        this.parts = parts;
    }

    public Mono<CaseViewDto> compose(CaseId caseId, Caller caller) {
        return Mono.zip(
                        parts.fetch(CasePart.RISK_MATRIX, caseId, caller),
                        parts.fetch(CasePart.PROGRAMME, caseId, caller),
                        parts.fetch(CasePart.PARTNER_SUPPORT, caseId, caller))
                .map(all -> new CaseViewDto(
                        caseId.value(),
                        new RiskMatrixPartDto(all.getT1().status())
                                .summary(all.getT1().summary()),
                        new ProgrammePartDto(all.getT2().status())
                                .summary(all.getT2().summary()),
                        new PartnerSupportPartDto(all.getT3().status())
                                .summary(all.getT3().summary())));
    }
}
