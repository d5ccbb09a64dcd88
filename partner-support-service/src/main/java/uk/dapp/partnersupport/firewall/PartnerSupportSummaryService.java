package uk.dapp.partnersupport.firewall;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.holding.ReferralHoldings;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.partnersupport.track.TrackStatus;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;

/**
 * The confidentiality firewall's one window: one endpoint, filtered by the caller's role.
 * Facilitators and service managers see, for a case the programme holds (ADR 0009), whether a track
 * exists, the highest current risk level of the open tracks and whether any partner has been reached,
 * and get 404 (the refused read audited) for any other case; offender managers see only whether a
 * track exists, for any case. Never a name, contact detail, disclosure or track identifier.
 */
@Service
class PartnerSupportSummaryService {

    static final String RESOURCE = "partner-support-summary";

    private final PartnerTrackService tracks;
    private final ReferralHoldings referralHoldings;
    private final AuditWriter audit;

    PartnerSupportSummaryService(PartnerTrackService tracks, ReferralHoldings referralHoldings, AuditWriter audit) {
        this.tracks = tracks;
        this.referralHoldings = referralHoldings;
        this.audit = audit;
    }

    PartnerSupportSummary of(CaseId caseId) {
        CurrentUser user = CurrentUser.get();
        boolean programmeRole = user.hasRole(Roles.FACILITATOR) || user.hasRole(Roles.SERVICE_MANAGER);
        // the programme's view only of a case the programme holds; an offender manager's view of any case
        boolean programmeView = programmeRole && referralHoldings.held(caseId);
        if (programmeRole && !programmeView && !user.hasRole(Roles.OFFENDER_MANAGER)) {
            referralHoldings.requireHeld(caseId, RESOURCE);
        }
        List<PartnerTrack> found = tracks.tracksOfCase(caseId);
        if (programmeView && !found.isEmpty()) {
            // the programme's view is of its own teams' cases: a case whose tracks are all other teams' is not shown
            PartnerTrackService.scope()
                    .requireAny(
                            found.stream().map(PartnerTrack::team).toList(),
                            audit,
                            caseId.value(),
                            RESOURCE,
                            null,
                            "Nothing to show for case " + caseId.value());
        }
        PartnerSupportSummary summary;
        if (programmeView) {
            summary = new PartnerSupportSummary(
                    caseId.value(),
                    !found.isEmpty(),
                    found.stream()
                            .filter(t -> t.status() == TrackStatus.OPEN)
                            .map(PartnerTrack::currentRiskLevel)
                            .filter(Objects::nonNull)
                            .max(Comparator.naturalOrder())
                            .orElse(null),
                    found.stream().anyMatch(PartnerTrack::contactMade));
        } else {
            summary = new PartnerSupportSummary(caseId.value(), !found.isEmpty(), null, null);
        }
        audit.record(
                AuditAction.READ, caseId.value(), RESOURCE, null, programmeView ? "programme view" : "existence only");
        return summary;
    }
}
