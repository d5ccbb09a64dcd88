package uk.dapp.web.partnersupport.tracks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.dapp.client.partnersupport.model.Consent;
import uk.dapp.client.partnersupport.model.ConsentStatus;
import uk.dapp.client.partnersupport.model.ContactAttempt;
import uk.dapp.client.partnersupport.model.DashAssessment;
import uk.dapp.client.partnersupport.model.Disclosure;
import uk.dapp.client.partnersupport.model.Household;
import uk.dapp.client.partnersupport.model.MaracBasis;
import uk.dapp.client.partnersupport.model.MaracReferral;
import uk.dapp.client.partnersupport.model.OutcomeChange;
import uk.dapp.client.partnersupport.model.OutcomeRecord;
import uk.dapp.client.partnersupport.model.OutcomeSummary;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.partnersupport.model.PartnerTrackStatus;
import uk.dapp.client.partnersupport.model.RiskAlert;
import uk.dapp.client.partnersupport.model.SafetyPlan;
import uk.dapp.client.partnersupport.model.StatusChange;
import uk.dapp.client.partnersupport.model.TrackRecordKind;
import uk.dapp.web.layout.Rows;
import uk.dapp.web.layout.Rows.Row;
import uk.dapp.web.layout.Words;
import uk.dapp.web.partnersupport.ConsentToSupport;
import uk.dapp.web.partnersupport.outcomes.Measure;

/**
 * The track page's view model: what partner support returned for the track, arranged in sections.
 * Safe contact details and the number given at referral are not part of it: they are read only on
 * the worker's deliberate "show" (contact/SafeContactController), never here.
 */
public record TrackPage(
        Words words,
        PartnerTrack track,
        String username,
        List<ContactAttempt> attempts,
        List<Consent> consents,
        List<DashAssessment> assessments,
        List<SafetyPlan> plans,
        List<Disclosure> disclosures,
        List<RiskAlert> alerts,
        List<MaracReferral> maracReferrals,
        OutcomeSummary outcomes,
        Household household) {

    /** A table of the outcome measures: one column per point recorded, then one per change the service worked out. */
    public record OutcomeTable(List<String> columns, List<OutcomeRow> rows) {}

    public record OutcomeRow(String measure, List<String> cells) {}

    public boolean open() {
        return track.getStatus() == PartnerTrackStatus.OPEN;
    }

    public boolean unallocated() {
        return track.getAllocatedWorker() == null;
    }

    /**
     * Whether partner support says this track will not record this kind ({@code TrackRecordKind}) now for
     * want of her consent to support: the page then says why and links to recording it, instead of a form.
     */
    public boolean consentNeeded(String kind) {
        return open() && ConsentToSupport.neededFor(track, TrackRecordKind.valueOf(kind));
    }

    public boolean allocatedToMe() {
        return username.equals(track.getAllocatedWorker());
    }

    public List<Row> details() {
        Rows rows = new Rows()
                .add("Case", track.getCaseId())
                .add("Relationship", track.getRelationship())
                .add("Status", track.getStatus())
                .add("Close reason", track.getCloseReason())
                .add(
                        "Allocated to",
                        track.getAllocatedWorker() == null
                                ? "Nobody yet"
                                : allocatedToMe()
                                        ? "You (" + track.getAllocatedWorker() + ")"
                                        : track.getAllocatedWorker())
                .add("Team", track.getTeam())
                .add("Opened", track.getOpenedAt())
                .add("First contact due", track.getFirstContactDueOn())
                .add("First contact attempt", track.getFirstContactAttemptAt())
                .add("Last contact attempt", track.getLastContactAttemptAt())
                .add("Partner reached", track.getContactMade())
                .add(
                        "Consent to support",
                        Boolean.TRUE.equals(track.getConsentToSupport()) ? "Given" : "Not given, or withdrawn")
                .add(
                        "Current risk level",
                        track.getCurrentRiskLevel() == null ? "Not assessed yet" : track.getCurrentRiskLevel());
        if (track.getReferral() != null) {
            rows.add(
                    "Opened from the referral",
                    track.getReferral().getProgrammeCode() + ", referred "
                            + words.of(track.getReferral().getReferredAt()));
        }
        return rows.list();
    }

    public List<ContactAttempt> attemptsNewestFirst() {
        return attempts.reversed();
    }

    public boolean consentGiven(Consent consent) {
        return consent.getStatus() == ConsentStatus.GIVEN;
    }

    public DashAssessment latestDash() {
        return assessments.isEmpty() ? null : assessments.getFirst();
    }

    public List<StatusChange> history() {
        return track.getHistory().reversed();
    }

    /** The alert a disclosure raised, as partner support reports its delivery. */
    public RiskAlert alertOf(Disclosure disclosure) {
        return alerts.stream()
                .filter(alert -> alert.getAlertId().equals(disclosure.getAlertId()))
                .findFirst()
                .orElse(null);
    }

    /** Whether partner support holds an open MARAC referral (no outcome yet) of the track: a second is its 409. */
    public boolean maracOpen() {
        return maracReferrals.stream().anyMatch(referral -> Boolean.TRUE.equals(referral.getOpen()));
    }

    /** A MARAC referral as partner support returned it: when and why referred, the meeting, the outcome. */
    public List<Row> maracRows(MaracReferral referral) {
        Rows rows = new Rows()
                .add("Referred", words.of(referral.getReferredOn()) + " by " + referral.getReferredBy())
                .add("Criteria met", referral.getCriteria())
                .add("Professional judgement", referral.getProfessionalJudgementReason())
                .add("On the records", basis(referral.getBasis()))
                .add(
                        "Meeting",
                        referral.getMeetingOn() == null
                                ? "No date set yet. It is due by " + words.of(referral.getMeetingDueBy())
                                : words.of(referral.getMeetingOn())
                                        + (Boolean.FALSE.equals(referral.getMeetingWithinStandard())
                                                ? ", after the 14-day standard (due by "
                                                        + words.of(referral.getMeetingDueBy()) + ")"
                                                : ", within the 14-day standard"))
                .add("Outcome", referral.getOutcome() == null ? "Not recorded yet" : referral.getOutcome())
                .add("Outcome note", referral.getOutcomeNote());
        return rows.list();
    }

    /** What the criteria were worked out from, as the service recorded it with the referral. */
    private String basis(MaracBasis basis) {
        if (basis == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (basis.getDashCompletedOn() != null) {
            parts.add("DASH checklist of " + words.of(basis.getDashCompletedOn()) + ": " + basis.getDashYesCount()
                    + " yes answers, risk level "
                    + words.of(basis.getDashRiskLevel()).toLowerCase(Locale.ROOT));
        } else {
            parts.add("no DASH checklist");
        }
        parts.add(
                basis.getIncidentsInLast12Months() == 1
                        ? "1 incident disclosed in the 12 months before"
                        : basis.getIncidentsInLast12Months() + " incidents disclosed in the 12 months before");
        if (basis.getPreviousMaracReferralOn() != null) {
            parts.add("a previous MARAC referral on " + words.of(basis.getPreviousMaracReferralOn()));
        }
        String text = String.join("; ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public boolean hasOutcomes() {
        return outcomes != null && !outcomes.getPoints().isEmpty();
    }

    public OutcomeTable outcomeTable() {
        List<String> columns = new ArrayList<>();
        List<OutcomeRecord> points = outcomes.getPoints();
        points.forEach(point -> columns.add(words.of(point.getPoint()) + " (" + words.of(point.getRecordedOn()) + ")"));
        List<OutcomeChange> changes = outcomes.getChanges();
        changes.forEach(
                change -> columns.add("Change, " + words.of(change.getFrom()).toLowerCase(Locale.ROOT) + " to "
                        + words.of(change.getTo()).toLowerCase(Locale.ROOT)));
        List<OutcomeRow> rows = new ArrayList<>();
        for (Measure measure : Measure.ALL) {
            List<String> cells = new ArrayList<>();
            points.forEach(point -> {
                Integer score = measure.read().apply(point.getMeasures());
                cells.add(score == null ? "Not asked" : String.valueOf(score));
            });
            changes.forEach(change -> cells.add(change(change.getChanges(), measure.name())));
            rows.add(new OutcomeRow(measure.question(), cells));
        }
        return new OutcomeTable(columns, rows);
    }

    /** A change in the service's figures: positive is better. */
    private static String change(Map<String, Integer> changes, String measure) {
        Integer delta = changes.get(measure);
        if (delta == null) {
            return "Not compared";
        }
        if (delta == 0) {
            return "No change";
        }
        return delta > 0 ? "+" + delta + " better" : "\u2212" + (-delta) + " worse";
    }
}
