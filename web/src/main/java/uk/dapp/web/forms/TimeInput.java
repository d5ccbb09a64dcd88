package uk.dapp.web.forms;

import java.time.DateTimeException;
import java.time.LocalTime;
import org.springframework.validation.BindingResult;

/**
 * A time of day as typed in two boxes, hour (24-hour clock) and minute, beside a {@link DateInput}.
 * As for a date, reading it is not a rule: empty is "no time", and only something that is not a
 * time at all is refused here ({@code RealTime}), since it cannot be sent.
 */
public class TimeInput {

    private String hour = "";
    private String minute = "";

    public static TimeInput of(LocalTime time) {
        TimeInput input = new TimeInput();
        if (time != null) {
            input.hour = String.valueOf(time.getHour());
            input.minute = String.format("%02d", time.getMinute());
        }
        return input;
    }

    /** The time typed, or null when nothing was; a part missing or a time that does not exist is an error on the field. */
    public LocalTime toTime(BindingResult form, String field) {
        if (blank(hour) && blank(minute)) {
            return null;
        }
        try {
            return LocalTime.of(Integer.parseInt(hour.strip()), Integer.parseInt(minute.strip()));
        } catch (NumberFormatException | DateTimeException notATime) {
            form.rejectValue(field, "RealTime", "Enter a real time, like 18 and 30 for 6:30pm");
            return null;
        }
    }

    private static boolean blank(String part) {
        return part == null || part.isBlank();
    }

    public String getHour() {
        return hour;
    }

    public void setHour(String hour) {
        this.hour = hour;
    }

    public String getMinute() {
        return minute;
    }

    public void setMinute(String minute) {
        this.minute = minute;
    }
}
