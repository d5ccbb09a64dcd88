package uk.dapp.web.partnersupport.safetyplans;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.BindingResult;
import uk.dapp.client.partnersupport.model.SafetyAction;
import uk.dapp.client.partnersupport.model.SafetyPlan;
import uk.dapp.web.forms.DateInput;
import uk.dapp.web.forms.Typed;

/**
 * A safety plan: its actions (each the API's SafetyAction, under the same names) and its review
 * date. The form offers empty rows to fill in; a row left entirely empty is not an action and is
 * not sent, and the rows sent are the form's rows, in order, so the service's errors on
 * {@code actions[i]} land on the right row.
 */
public class SafetyPlanForm {

    static final int EMPTY_ROWS_NEW = 3;

    private List<ActionRow> actions = new ArrayList<>();
    private DateInput reviewOn = new DateInput();
    private long version;

    /** One action as typed. */
    public static class ActionRow {
        private String description = "";
        private String owner = "";
        private DateInput dueOn = new DateInput();
        private boolean done;

        boolean empty() {
            return blank(description)
                    && blank(owner)
                    && blank(dueOn.getDay())
                    && blank(dueOn.getMonth())
                    && blank(dueOn.getYear())
                    && !done;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getOwner() {
            return owner;
        }

        public void setOwner(String owner) {
            this.owner = owner;
        }

        public DateInput getDueOn() {
            return dueOn;
        }

        public void setDueOn(DateInput dueOn) {
            this.dueOn = dueOn;
        }

        public boolean isDone() {
            return done;
        }

        public void setDone(boolean done) {
            this.done = done;
        }
    }

    static SafetyPlanForm empty() {
        SafetyPlanForm form = new SafetyPlanForm();
        form.addRows(EMPTY_ROWS_NEW);
        return form;
    }

    static SafetyPlanForm of(SafetyPlan plan) {
        SafetyPlanForm form = new SafetyPlanForm();
        for (SafetyAction action : plan.getActions()) {
            ActionRow row = new ActionRow();
            row.description = action.getDescription();
            row.owner = action.getOwner();
            row.dueOn = DateInput.of(action.getDueOn());
            row.done = Boolean.TRUE.equals(action.getDone());
            form.actions.add(row);
        }
        form.reviewOn = DateInput.of(plan.getReviewOn());
        form.version = plan.getVersion();
        form.addRows(1);
        return form;
    }

    void addRows(int count) {
        for (int i = 0; i < count; i++) {
            actions.add(new ActionRow());
        }
    }

    /** Leaves out the empty rows (so the rows shown again are the rows sent), then reads each row's date. */
    List<SafetyAction> toActions(BindingResult form) {
        actions = new ArrayList<>(actions.stream().filter(row -> !row.empty()).toList());
        List<SafetyAction> sent = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            ActionRow row = actions.get(i);
            sent.add(new SafetyAction()
                    .description(Typed.given(row.description))
                    .owner(Typed.given(row.owner))
                    .dueOn(row.dueOn.toDate(form, "actions[" + i + "].dueOn"))
                    .done(row.done));
        }
        return sent;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public List<ActionRow> getActions() {
        return actions;
    }

    public void setActions(List<ActionRow> actions) {
        this.actions = actions == null ? new ArrayList<>() : actions;
    }

    public DateInput getReviewOn() {
        return reviewOn;
    }

    public void setReviewOn(DateInput reviewOn) {
        this.reviewOn = reviewOn;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
