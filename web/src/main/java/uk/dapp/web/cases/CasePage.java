package uk.dapp.web.cases;

import java.util.ArrayList;
import java.util.List;
import uk.dapp.client.gateway.model.CaseSummary;
import uk.dapp.client.gateway.model.CaseView;
import uk.dapp.client.gateway.model.PartStatus;
import uk.dapp.client.gateway.model.PartnerSupportSummary;
import uk.dapp.client.gateway.model.ProgrammeStatus;
import uk.dapp.client.gateway.model.ProgrammeStatusEntry;
import uk.dapp.web.layout.Rows;
import uk.dapp.web.layout.Rows.Row;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

/**
 * The case page's view model: one part per service, in the view's order. A part the role may not
 * see is left out; one the service holds nothing about says so; one whose service did not answer
 * says "not available right now". A row appears only for a field the service returned for this
 * role (the services filter by role; the page never adds a field they left out).
 */
public record CasePage(String caseId, List<Part> parts, String partnerTracksLink) {

    public record Part(String heading, PartStatus status, List<Row> rows, String caseLink) {

        public boolean available() {
            return status == PartStatus.AVAILABLE;
        }
    }

    /**
     * The nominal's page is linked for those who work on it, the case's partner tracks for partner
     * support workers (links, not permissions: the services decide).
     */
    static CasePage of(CaseView view, SignedInUser user) {
        List<Part> parts = new ArrayList<>();
        add(
                parts,
                "Risk matrix",
                view.getRiskMatrix().getStatus(),
                () -> riskMatrix(view.getRiskMatrix().getSummary()),
                user.has(Role.OFFENDER_MANAGER) ? "/risk-matrix/nominals/" + view.getCaseId() : null);
        add(
                parts,
                "Programme",
                view.getProgramme().getStatus(),
                () -> programme(view.getProgramme().getSummary()),
                null);
        add(
                parts,
                "Partner support",
                view.getPartnerSupport().getStatus(),
                () -> partnerSupport(view.getPartnerSupport().getSummary()),
                null);
        // partner support answers the composed view no summary for its own workers: they go to the case's tracks
        return new CasePage(
                view.getCaseId(),
                List.copyOf(parts),
                user.has(Role.PARTNER_SUPPORT_WORKER) ? "/partner-support/cases/" + view.getCaseId() : null);
    }

    private static void add(
            List<Part> parts,
            String heading,
            PartStatus status,
            java.util.function.Supplier<List<Row>> rows,
            String caseLink) {
        if (status == PartStatus.NOT_PERMITTED) {
            return;
        }
        parts.add(new Part(
                heading,
                status,
                status == PartStatus.AVAILABLE ? rows.get() : List.of(),
                status == PartStatus.AVAILABLE ? caseLink : null));
    }

    private static List<Row> riskMatrix(CaseSummary summary) {
        Rows rows = new Rows();
        rows.add("Area", summary.getArea());
        if (summary.getScore() != null) {
            rows.add("Score", summary.getScore().getTotal());
            rows.add("Harm (days)", summary.getScore().getHarmDays());
            rows.add("Serial perpetrator", summary.getScore().getSerial());
        }
        rows.add("Routing status", summary.getRoutingStatus());
        rows.add("Decided route", summary.getDecidedRoute());
        rows.add("Decided pathways", summary.getDecidedPathways());
        rows.add("Decided", summary.getDecidedAt());
        return rows.list();
    }

    private static List<Row> programme(ProgrammeStatus status) {
        Rows rows = new Rows();
        if (status.getProgrammes().isEmpty()) {
            rows.add("Programmes", "None");
        }
        for (ProgrammeStatusEntry entry : status.getProgrammes()) {
            rows.add(entry.getProgrammeCode(), entry.getStatus());
            rows.add("Next session (" + entry.getProgrammeCode() + ")", entry.getNextSessionAt());
        }
        return rows.list();
    }

    private static List<Row> partnerSupport(PartnerSupportSummary summary) {
        Rows rows = new Rows();
        rows.add("Partner track", summary.getTrackExists());
        rows.add("Current risk level", summary.getCurrentRiskLevel());
        rows.add("Contact made", summary.getContactMade());
        return rows.list();
    }
}
