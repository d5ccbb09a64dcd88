package uk.dapp.web.programme.caseload;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.dapp.client.programme.api.ViewsApi;
import uk.dapp.client.programme.model.CaseloadEntry;
import uk.dapp.web.errors.PageNotPermittedException;
import uk.dapp.web.programme.participants.ParticipantNames;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

/**
 * The caller's caseload (the programme's {@code GET /caseload}: their one-to-one participants and
 * those in, or waiting for, the groups they facilitate), each with the participant's name, the next
 * session and what needs attention: overdue alerts first, then overdue reviews, then open alerts;
 * and, for a service manager, the caseloads of their teams: each case manager's one-to-one
 * participants and each facilitator's group participants, counted ({@code GET /caseloads}: counts
 * only, so no case is recorded as read; the API lists no one else's caseload participant by
 * participant).
 */
@Controller
public class CaseloadController {

    /** One participant of the caseload, named when the programme holds who they are. */
    public record Row(CaseloadEntry entry, String name) {

        boolean needsAttention() {
            return entry.getOverdueAlerts() > 0 || entry.getReviewOverdue() || entry.getOpenAlerts() > 0;
        }
    }

    static final Comparator<Row> MOST_URGENT_FIRST = Comparator.comparing(
                    (Row row) -> row.entry().getOverdueAlerts() > 0 ? 0 : 1)
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
        Map<String, String> named =
                names.of(entries.stream().map(CaseloadEntry::getCaseId).toList());
        List<Row> rows = entries.stream()
                .map(entry -> new Row(entry, named.get(entry.getCaseId())))
                .sorted(MOST_URGENT_FIRST)
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute(
                "attention", rows.stream().filter(Row::needsAttention).count());
        return "programme/caseload/caseload";
    }

    /** The teams' caseloads, the largest first, as the programme sorts them. */
    @GetMapping("/programme/caseloads")
    String teamCaseloads(Authentication user, Model model) {
        if (!SignedInUser.of(user).has(Role.SERVICE_MANAGER)) {
            // the service answers the teams' caseloads to service managers only
            throw new PageNotPermittedException("the teams' caseloads are a service manager's");
        }
        model.addAttribute("caseloads", views.listTeamCaseloads());
        model.addAttribute("me", SignedInUser.of(user).username());
        return "programme/caseload/caseloads";
    }
}
