package uk.dapp.platform.team;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.api.MeApi;
import uk.dapp.platform.api.model.MeDto;
import uk.dapp.platform.security.CurrentUser;

/** Who the caller is (common.yaml {@code GET /me}), from their token: the same in every service. */
@RestController
public class MeController implements MeApi {

    @Override
    @PreAuthorize("hasAnyRole('offender-manager', 'facilitator', 'service-manager', 'partner-support-worker', "
            + "'evaluator', 'admin')")
    public ResponseEntity<MeDto> getMe() {
        CurrentUser me = CurrentUser.get();
        return ResponseEntity.ok(new MeDto()
                .username(me.username())
                .roles(me.roles())
                .teams(me.teams().stream().sorted().toList())
                .areas(me.areas().stream().sorted().toList()));
    }
}
