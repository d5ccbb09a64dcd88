package uk.dapp.partnersupport.track;

import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;

/**
 * One feature's share of a partner's own export: each feature package adds what it holds on the
 * track with its own repository and mapping, unaudited (the export is audited once, with the reason).
 */
public interface PartnerExportPart {

    void addTo(PartnerTrack track, PartnerSubjectAccessDto export);
}
