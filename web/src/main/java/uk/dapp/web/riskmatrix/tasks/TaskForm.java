package uk.dapp.web.riskmatrix.tasks;

import org.springframework.validation.BindingResult;
import uk.dapp.client.riskmatrix.model.DisruptionTask;
import uk.dapp.client.riskmatrix.model.DisruptionTaskUpdate;
import uk.dapp.web.forms.DateInput;

/** "Update a disruption task": the API's DisruptionTaskUpdate, under the same names. */
public class TaskForm {

    private String owner;
    private DateInput dueDate = new DateInput();
    private boolean done;

    static TaskForm of(DisruptionTask task) {
        TaskForm form = new TaskForm();
        form.owner = task.getOwner();
        form.dueDate = DateInput.of(task.getDueDate());
        form.done = task.getDone();
        return form;
    }

    DisruptionTaskUpdate toRequest(BindingResult form) {
        return new DisruptionTaskUpdate()
                .owner(owner == null || owner.isBlank() ? null : owner.strip())
                .dueDate(dueDate.toDate(form, "dueDate"))
                .done(done);
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public DateInput getDueDate() {
        return dueDate;
    }

    public void setDueDate(DateInput dueDate) {
        this.dueDate = dueDate;
    }

    public boolean isDone() {
        return done;
    }

    public void setDone(boolean done) {
        this.done = done;
    }
}
