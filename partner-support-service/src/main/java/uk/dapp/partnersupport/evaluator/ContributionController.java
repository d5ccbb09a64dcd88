package uk.dapp.partnersupport.evaluator;

import java.time.OffsetDateTime;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.privacy.ContributionStream;
import uk.dapp.partnersupport.api.EvaluatorApi;

@RestController
class ContributionController implements EvaluatorApi {

    private final ContributionService service;

    ContributionController(ContributionService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('evaluator')")
    public ResponseEntity<Resource> getEvaluatorContributions(OffsetDateTime asOf) {
        return ContributionStream.ok(service.contributions(asOf.toInstant()));
    }
}
