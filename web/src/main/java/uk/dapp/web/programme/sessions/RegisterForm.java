package uk.dapp.web.programme.sessions;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.dapp.client.programme.model.AttendanceOutcome;

/**
 * A session's register: one row per participant, each the API's AttendanceCreate for that
 * participant ({@code rows[i].outcome}); a row left unmarked is recorded later.
 */
public class RegisterForm {

    private List<Row> rows = new ArrayList<>();

    public static class Row {
        private UUID referralId;
        private AttendanceOutcome outcome;

        public Row() {}

        Row(UUID referralId, AttendanceOutcome outcome) {
            this.referralId = referralId;
            this.outcome = outcome;
        }

        public UUID getReferralId() {
            return referralId;
        }

        public void setReferralId(UUID referralId) {
            this.referralId = referralId;
        }

        public AttendanceOutcome getOutcome() {
            return outcome;
        }

        public void setOutcome(AttendanceOutcome outcome) {
            this.outcome = outcome;
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }
}
