package uk.dapp.partnersupport.household;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.HouseholdApi;
import uk.dapp.partnersupport.api.model.AgeBandDto;
import uk.dapp.partnersupport.api.model.HouseholdDto;
import uk.dapp.partnersupport.api.model.HouseholdUpdateDto;
import uk.dapp.partnersupport.api.model.SocialCareInvolvementDto;
import uk.dapp.partnersupport.common.Times;

@RestController
class HouseholdController implements HouseholdApi {

    private final HouseholdService service;

    HouseholdController(HouseholdService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<HouseholdDto> putHousehold(UUID trackId, HouseholdUpdateDto body) {
        return ResponseEntity.ok(toDto(service.put(
                trackId,
                body.getChildrenCount(),
                uk.dapp.partnersupport.common.Inputs.noNullItems(body.getAgeBands(), "ageBands").stream()
                        .map(b -> AgeBand.valueOf(b.name()))
                        .toList(),
                SocialCareInvolvement.valueOf(body.getSocialCare().name()),
                body.getVersion())));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<HouseholdDto> getHousehold(UUID trackId) {
        return ResponseEntity.ok(toDto(service.get(trackId)));
    }

    static HouseholdDto toDto(Household h) {
        return new HouseholdDto(
                UUID.fromString(h.trackId()),
                h.childrenCount(),
                h.ageBands().stream().map(b -> AgeBandDto.valueOf(b.name())).toList(),
                SocialCareInvolvementDto.valueOf(h.socialCare().name()),
                h.updatedBy(),
                Times.utc(h.updatedAt()),
                h.version());
    }
}
