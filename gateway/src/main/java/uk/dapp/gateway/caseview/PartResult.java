package uk.dapp.gateway.caseview;

import org.jspecify.annotations.Nullable;
import uk.dapp.gateway.api.model.PartStatusDto;

/** What one part of the view came to: a status, and the service's summary only when AVAILABLE. */
public record PartResult<T>(PartStatusDto status, @Nullable T summary) {

    static <T> PartResult<T> available(T summary) {
        return new PartResult<>(PartStatusDto.AVAILABLE, summary);
    }

    static <T> PartResult<T> of(PartStatusDto status) {
        if (status == PartStatusDto.AVAILABLE) {
            throw new IllegalArgumentException("an available part carries its summary");
        }
        return new PartResult<>(status, null);
    }
}
