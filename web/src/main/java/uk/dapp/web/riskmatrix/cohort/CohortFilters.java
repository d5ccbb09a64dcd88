package uk.dapp.web.riskmatrix.cohort;

import uk.dapp.client.riskmatrix.model.RoutingStatus;

/**
 * The cohort's filters, as the query of {@code GET /risk-matrix/cohort} (a GET form: a filtered
 * list has an address to share). Named as the API names them.
 */
public class CohortFilters {

    private String area;
    private Boolean serial;
    private RoutingStatus routingStatus;
    private Integer threshold;
    private int page;

    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = area == null || area.isBlank() ? null : area.strip();
    }

    public Boolean getSerial() {
        return serial;
    }

    public void setSerial(Boolean serial) {
        this.serial = serial;
    }

    public RoutingStatus getRoutingStatus() {
        return routingStatus;
    }

    public void setRoutingStatus(RoutingStatus routingStatus) {
        this.routingStatus = routingStatus;
    }

    public Integer getThreshold() {
        return threshold;
    }

    public void setThreshold(Integer threshold) {
        this.threshold = threshold;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
