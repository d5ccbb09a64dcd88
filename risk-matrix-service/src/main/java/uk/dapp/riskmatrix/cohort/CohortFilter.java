package uk.dapp.riskmatrix.cohort;

import java.util.ArrayList;
import java.util.List;
import uk.dapp.riskmatrix.values.RoutingStatus;

/** Which nominals are on the matrix: a score threshold and/or the top N, within an area, flag and routing status. */
public record CohortFilter(Integer threshold, Integer top, String area, Boolean serial, RoutingStatus routingStatus) {

    /** The filter as the caller asked it, for the audit record. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (threshold != null) {
            parts.add("threshold=" + threshold);
        }
        if (top != null) {
            parts.add("top=" + top);
        }
        if (area != null) {
            parts.add("area=" + area.strip());
        }
        if (serial != null) {
            parts.add("serial=" + serial);
        }
        if (routingStatus != null) {
            parts.add("routingStatus=" + routingStatus);
        }
        return String.join("&", parts);
    }
}
