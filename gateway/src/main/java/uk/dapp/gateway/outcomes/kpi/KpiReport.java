package uk.dapp.gateway.outcomes.kpi;

import java.util.List;
import uk.dapp.platform.privacy.AreaLevel;
import uk.dapp.platform.privacy.PeriodLevel;

/**
 * The KPI tables of one snapshot, every one already suppressed, with the rule that was applied.
 *
 * @param period how cases were grouped in time
 * @param areaLevel area or region
 * @param breakdown what the rows are
 * @param threshold counts from 1 to this were hidden
 * @param suppression the rule applied, in words, for the report's readers
 * @param tables in a fixed order
 */
public record KpiReport(
        PeriodLevel period,
        AreaLevel areaLevel,
        KpiBreakdown breakdown,
        int threshold,
        String suppression,
        List<KpiTable> tables) {

    public KpiReport {
        tables = List.copyOf(tables);
    }

    public KpiTable table(String name) {
        return tables.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no KPI " + name));
    }
}
