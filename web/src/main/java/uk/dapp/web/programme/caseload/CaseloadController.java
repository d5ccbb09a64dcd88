package uk.dapp.web.programme.caseload;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.dapp.client.programme.api.ViewsApi;
import uk.dapp.client.programme.model.CaseloadEntry;
import uk.dapp.web.programme.participants.ParticipantNames;

/**
 * The caller's caseload (the programme's {@code GET /caseload}: their one-to-one participants and
 * those in, or waiting for, the groups they facilitate), each with the participant's name, the next
 * session and what needs attention: overdue alerts first, then overdue reviews, then open alerts.
 */
@Controller
public class CaseloadController {

    /** One participant of the caseload, named when the programme holds who they are. */
    public record Row(CaseloadEntry entry, String name) {

        boolean needsAttention() {
            return entry.getOverdueAlerts() > 0 || entry.getReviewOverdue() || entry.getOpenAlerts() > 0;
        }
    }

    static final Comparator<Row> MOST_URGENT_FIRST = Comparator
            .comparing((Row row) -> row.entry().getOverdueAlerts() > 0 ? 0 : 1)
            .thenComparing(row -> row.entry().getReviewOverdue() ? 0 : 1)
            .thenComparing(row -> row.entry().getOpenAlerts() > 0 ? 0 : 1)
            .thenComparing(row -> row.name() == null ? row.entry().getCaseId() : row.name());

    private final ViewsApi views;
    private final ParticipantNames names;

    public CaseloadController(ViewsApi views, ParticipantNames names) {
        this.views = views;
        this.names = names;
    }

    @GetMapping("/programme/caseload")
    String caseload(Model model) {
        List<CaseloadEntry> entries = views.getCaseload();
        Map<String, String> named = names.of(entries.stream().map(CaseloadEntry::getCaseId).toList());
        List<Row> rows = entries.stream().map(entry -> new Row(entry, named.get(entry.getCaseId())))
                .sorted(MOST_URGENT_FIRST).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("attention", rows.stream().filter(Row::needsAttention).count());
        return "programme/caseload/caseload";
    }
}
