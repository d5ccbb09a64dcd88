package uk.dapp.web.gateway;

import java.util.List;
import java.util.Map;
import uk.dapp.client.riskmatrix.api.AuditApi;

/**
 * The audit log of each service, through the gateway (ADR 0008: each service keeps its own; there
 * is no merged log). The client is the risk matrix's generated {@code AuditApi}, since the audit
 * operations are common.yaml's and the same in every service; each is pointed at its service.
 */
public record AuditLogs(Map<Service, AuditApi> logs) {

    /** The services that keep an audit log, in the order pages list them. */
    public static final List<Service> SERVICES =
            List.of(Service.RISK_MATRIX, Service.PROGRAMME, Service.PARTNER_SUPPORT);

    public AuditLogs {
        logs = Map.copyOf(logs);
    }

    public AuditApi of(Service service) {
        AuditApi log = logs.get(service);
        if (log == null) {
            throw new IllegalArgumentException(service + " keeps no audit log");
        }
        return log;
    }
}
