package uk.dapp.web.programme.sessions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.springframework.validation.BindingResult;
import uk.dapp.web.forms.DateInput;
import uk.dapp.web.forms.TimeInput;
import uk.dapp.web.layout.Words;

/** "Schedule a session": the API's {@code scheduledAt}, typed as a UK date and time. */
public class ScheduleForm {

    private DateInput scheduledAt = new DateInput();
    private TimeInput time = new TimeInput();

    /** The moment typed, in UK time; null when either part is missing (the service says it is needed) or not real. */
    OffsetDateTime toMoment(BindingResult form) {
        LocalDate date = scheduledAt.toDate(form, "scheduledAt");
        LocalTime at = time.toTime(form, "time");
        if (date == null || at == null) {
            if (date != null && at == null && !form.hasFieldErrors("time")) {
                form.rejectValue("time", "RealTime", "Enter the time of the session");
            }
            return null;
        }
        return date.atTime(at).atZone(Words.UK).toOffsetDateTime();
    }

    public DateInput getScheduledAt() {
        return scheduledAt;
    }

    public void setScheduledAt(DateInput scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    public TimeInput getTime() {
        return time;
    }

    public void setTime(TimeInput time) {
        this.time = time;
    }
}
