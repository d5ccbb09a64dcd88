package uk.dapp.web.programme.referrals;

import static uk.dapp.web.forms.Typed.given;

import uk.dapp.client.programme.model.ExitOutcomeCreate;
import uk.dapp.client.programme.model.ReferralMove;
import uk.dapp.client.programme.model.RiskLevel;

/** A move on a referral: the API's ReferralMove under the same names (the move is the page's, the version read travels hidden). */
public class MoveForm {

    private String reason;
    private OutcomeFields outcome = new OutcomeFields();
    private Long version;

    ReferralMove toRequest(String move, boolean exit) {
        return new ReferralMove()
                .move(move)
                .reason(given(reason))
                .version(version)
                .outcome(exit ? outcome.toOutcome() : null);
    }

    /** The end-of-programme outcome record (ExitOutcomeCreate), asked for by the moves that end the programme. */
    public static class OutcomeFields {
        private String summary;
        private RiskLevel riskLevelAtExit;

        ExitOutcomeCreate toOutcome() {
            return given(summary) == null && riskLevelAtExit == null
                    ? null
                    : new ExitOutcomeCreate().summary(given(summary)).riskLevelAtExit(riskLevelAtExit);
        }

        public String getSummary() {
            return summary;
        }

        public void setSummary(String summary) {
            this.summary = summary;
        }

        public RiskLevel getRiskLevelAtExit() {
            return riskLevelAtExit;
        }

        public void setRiskLevelAtExit(RiskLevel riskLevelAtExit) {
            this.riskLevelAtExit = riskLevelAtExit;
        }
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public OutcomeFields getOutcome() {
        return outcome;
    }

    public void setOutcome(OutcomeFields outcome) {
        this.outcome = outcome;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
