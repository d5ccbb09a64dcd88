package uk.dapp.platform.evaluator;

import java.time.OffsetDateTime;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.api.EvaluatorApi;

/** Every service's evaluator contributions (common.yaml), streamed as NDJSON from its {@link Contributions}. */
@RestController
public class ContributionController implements EvaluatorApi {

    private final Contributions contributions;

    public ContributionController(Contributions contributions) {
        this.contributions = contributions;
    }

    @Override
    @PreAuthorize("hasRole('evaluator')")
    public ResponseEntity<Resource> getEvaluatorContributions(OffsetDateTime asOf) {
        return ContributionStream.ok(contributions.contributions(asOf.toInstant()));
    }
}
