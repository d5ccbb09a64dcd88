package uk.dapp.gateway.caseview;

import reactor.core.publisher.Mono;
import uk.dapp.gateway.api.model.PartnerSupportExportPartDto;
import uk.dapp.gateway.api.model.ProgrammeExportPartDto;
import uk.dapp.gateway.api.model.RiskMatrixExportPartDto;
import uk.dapp.gateway.api.model.SubjectAccessViewDto;
import uk.dapp.platform.caseid.CaseId;

/**
 * The subject access export: each service's export of the person of the case, asked for at once
 * with the admin's token and reason, side by side with the same part statuses as the case view.
 * As there, a part that errors (rather than coming back UNAVAILABLE) fails the whole export.
 */
public class SubjectAccessComposer {

    private final PartSource parts;

    public SubjectAccessComposer(PartSource parts) {
        this.parts = parts;
    }

    public Mono<SubjectAccessViewDto> compose(CaseId caseId, Caller caller) {
        return Mono.zip(
                        parts.fetch(CasePart.RISK_MATRIX_EXPORT, caseId, caller),
                        parts.fetch(CasePart.PROGRAMME_EXPORT, caseId, caller),
                        parts.fetch(CasePart.PARTNER_SUPPORT_EXPORT, caseId, caller))
                .map(all -> new SubjectAccessViewDto(
                        caseId.value(),
                        new RiskMatrixExportPartDto(all.getT1().status())
                                .document(all.getT1().summary()),
                        new ProgrammeExportPartDto(all.getT2().status())
                                .document(all.getT2().summary()),
                        new PartnerSupportExportPartDto(all.getT3().status())
                                .document(all.getT3().summary())));
    }
}
