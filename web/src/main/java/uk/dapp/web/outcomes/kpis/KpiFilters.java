package uk.dapp.web.outcomes.kpis;

import org.springframework.web.util.UriComponentsBuilder;
import uk.dapp.client.gateway.model.KpiAreaLevel;
import uk.dapp.client.gateway.model.KpiBreakdown;
import uk.dapp.client.gateway.model.KpiPeriod;

/**
 * The dashboard's filters, as the query of its address (a GET form: a view has an address to
 * share). {@code period}, {@code breakdown} and {@code areaLevel} are the API's own parameters (the
 * length of the columns' periods; areas, programmes or referral sources as rows; areas or regions);
 * {@code shown} picks one of the report's periods for the charts, or all of them (empty).
 */
public class KpiFilters {

    private KpiPeriod period;
    private KpiAreaLevel areaLevel;
    private KpiBreakdown breakdown;
    private String shown;

    public KpiPeriod getPeriod() {
        return period;
    }

    public void setPeriod(KpiPeriod period) {
        this.period = period;
    }

    public KpiAreaLevel getAreaLevel() {
        return areaLevel;
    }

    public void setAreaLevel(KpiAreaLevel areaLevel) {
        this.areaLevel = areaLevel;
    }

    public KpiBreakdown getBreakdown() {
        return breakdown;
    }

    public void setBreakdown(KpiBreakdown breakdown) {
        this.breakdown = breakdown;
    }

    public String getShown() {
        return shown;
    }

    public void setShown(String shown) {
        this.shown = shown == null || shown.isBlank() ? null : shown.strip();
    }

    /** The same filters on another page of the dashboard: {@code path?period=…&breakdown=…&areaLevel=…&shown=…}. */
    public String on(String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (period != null) {
            uri.queryParam("period", period.getValue());
        }
        if (breakdown != null) {
            uri.queryParam("breakdown", breakdown.getValue());
        }
        if (areaLevel != null) {
            uri.queryParam("areaLevel", areaLevel.getValue());
        }
        if (shown != null) {
            uri.queryParam("shown", shown);
        }
        return uri.encode().build().toUriString();
    }
}
