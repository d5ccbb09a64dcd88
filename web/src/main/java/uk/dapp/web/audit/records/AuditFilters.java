package uk.dapp.web.audit.records;

import uk.dapp.client.riskmatrix.model.AuditAction;
import uk.dapp.web.forms.DateInput;
import uk.dapp.web.gateway.Service;

/**
 * The audit page's filters, as the query of its address (a GET form: a filtered list has an address
 * to share). {@code service} picks whose log (each service keeps its own); the others are the API's
 * filters by name, the dates read as whole UK days (from the start of {@code from} to the end of
 * {@code to}).
 */
public class AuditFilters {

    private Service service = Service.RISK_MATRIX;
    private String user;
    private String caseId;
    private AuditAction action;
    private DateInput from = new DateInput();
    private DateInput to = new DateInput();
    private int page;

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Service getService() {
        return service;
    }

    public void setService(Service service) {
        this.service = service == null ? Service.RISK_MATRIX : service;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = trimmed(user);
    }

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = trimmed(caseId);
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public DateInput getFrom() {
        return from;
    }

    public void setFrom(DateInput from) {
        this.from = from == null ? new DateInput() : from;
    }

    public DateInput getTo() {
        return to;
    }

    public void setTo(DateInput to) {
        this.to = to == null ? new DateInput() : to;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
