package uk.dapp.gateway.caseview;

import reactor.core.publisher.Mono;
import uk.dapp.platform.caseid.CaseId;

/** Where the composer gets each part from. */
public interface PartSource {

    /**
     * The part's result; a service's failure is an UNAVAILABLE result, while an error signal means
     * the gateway itself went wrong and the whole view must be refused.
     */
    <T> Mono<PartResult<T>> fetch(CasePart<T> part, CaseId caseId, Caller caller);
}
