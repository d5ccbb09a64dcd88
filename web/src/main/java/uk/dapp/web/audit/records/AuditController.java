package uk.dapp.web.audit.records;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.dapp.client.riskmatrix.api.AuditApi;
import uk.dapp.client.riskmatrix.model.AuditAction;
import uk.dapp.client.riskmatrix.model.AuditRecordPage;
import uk.dapp.client.riskmatrix.model.UnusualAccessReport;
import uk.dapp.web.gateway.AuditLogs;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.gateway.ServiceProblem;
import uk.dapp.web.layout.Pagination;

/**
 * The admin's audit records: one service's log at a time ({@code GET /api/<service>/audit-records},
 * newest first, filtered by user, case, action and dates, a page at a time), with the accesses its
 * unusual-access report ({@code .../audit-records/unusual}) finds in the same window listed and
 * marked on the records they name. Both reads are audited by the service. The report looks at
 * most 31 days at a time (the service's rule): for a longer window the records still show and the
 * report says why it does not.
 */
@Controller
public class AuditController {

    static final int PAGE_SIZE = 50;
    static final int FINDINGS = 200;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final AuditLogs logs;

    public AuditController(AuditLogs logs) {
        this.logs = logs;
    }

    @GetMapping("/audit")
    String records(@ModelAttribute("audit") AuditFilters filters, BindingResult errors, Model model) {
        model.addAttribute("services", AuditLogs.SERVICES);
        model.addAttribute("actions", AuditAction.values());
        LocalDate fromDay = filters.getFrom().toDate(errors, "from");
        LocalDate toDay = filters.getTo().toDate(errors, "to");
        if (!AuditLogs.SERVICES.contains(filters.getService())) {
            errors.rejectValue("service", "OneOf", "Choose the risk matrix, the programme service or partner support");
        }
        if (errors.hasErrors()) {
            return "audit/records/records";
        }
        OffsetDateTime from = fromDay == null ? null : fromDay.atStartOfDay(UK).toOffsetDateTime();
        OffsetDateTime to =
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(UK).toOffsetDateTime();
        AuditApi log = logs.of(filters.getService());
        AuditRecordPage records;
        try {
            records = log.listAuditRecords(
                    filters.getCaseId(),
                    filters.getUser(),
                    filters.getAction(),
                    from,
                    to,
                    filters.getPage(),
                    PAGE_SIZE);
        } catch (RejectedRequestException rejected) {
            rejected.problem().addTo(errors);
            return "audit/records/records";
        }
        UnusualAccessReport report = null;
        List<String> refused = List.of();
        try {
            report = log.listUnusualAccesses(from, to, FINDINGS);
        } catch (RejectedRequestException rejected) {
            refused = messages(rejected.problem());
        }
        model.addAttribute(
                "page",
                new AuditPage(
                        AuditPage.rows(records.getItems(), report),
                        records.getTotalItems(),
                        report == null ? List.of() : report.getItems(),
                        report == null ? null : report.getFrom(),
                        report == null ? null : report.getTo(),
                        report != null && Boolean.TRUE.equals(report.getTruncated()),
                        report == null ? 0 : report.getBulkThreshold(),
                        report == null ? null : report.getBulkWindow(),
                        refused));
        model.addAttribute("pagination", Pagination.of(records.getPage(), records.getTotalPages()));
        model.addAttribute("serviceLabel", filters.getService().label());
        return "audit/records/records";
    }

    private static List<String> messages(ServiceProblem problem) {
        if (problem.errors().isEmpty()) {
            return List.of(
                    problem.detail() != null ? problem.detail() : "The service refused to look for unusual accesses.");
        }
        return problem.errors().stream().map(error -> error.message()).toList();
    }
}
