package uk.dapp.web.forms;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.BindingResult;

/**
 * A moment as people type it on a GOV.UK page: a date input (day, month, year) and a time box
 * ("14:30", "2:30pm", "9am"), in UK time. Like {@link DateInput}, turning it into a moment is
 * reading, not a rule: nothing typed is "no moment" (the service says whether one is needed), and
 * only what is not a moment at all is refused here, since it cannot be sent.
 */
public class DateTimeInput {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern TIME = Pattern.compile("^(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap]\\.?m\\.?)?$");

    private DateInput date = new DateInput();
    private String time = "";

    /** Now, in UK time, to the minute: the usual answer to "when" for something just done. */
    public static DateTimeInput now() {
        ZonedDateTime now = ZonedDateTime.now(UK);
        DateTimeInput input = new DateTimeInput();
        input.date = DateInput.of(now.toLocalDate());
        input.time = String.format(Locale.UK, "%d:%02d", now.getHour(), now.getMinute());
        return input;
    }

    /**
     * The moment typed, or null when nothing was typed; a part missing, or a date or time that does
     * not exist, is an error on the field ({@code RealDateTime}).
     */
    public OffsetDateTime toDateTime(BindingResult form, String field) {
        boolean noTime = time == null || time.isBlank();
        boolean noDate = blank(date.getDay()) && blank(date.getMonth()) && blank(date.getYear());
        if (noTime && noDate) {
            return null;
        }
        LocalTime parsed = noTime ? null : parseTime(time);
        LocalDate day = null;
        if (!noDate) {
            try {
                day = LocalDate.of(
                        Integer.parseInt(date.getYear().strip()),
                        Integer.parseInt(date.getMonth().strip()),
                        Integer.parseInt(date.getDay().strip()));
            } catch (NumberFormatException | DateTimeException notADate) {
                day = null;
            }
        }
        if (day == null || parsed == null) {
            form.rejectValue(field, "RealDateTime", "Enter a real date and a time, like 14:30 or 2:30pm");
            return null;
        }
        return ZonedDateTime.of(day, parsed, UK).toOffsetDateTime();
    }

    /** 24-hour "14:30" or "14.30", or 12-hour with am or pm ("2:30pm", "9am"); null when it is neither. */
    static LocalTime parseTime(String typed) {
        Matcher matcher = TIME.matcher(typed.strip().toLowerCase(Locale.UK));
        if (!matcher.matches()) {
            return null;
        }
        int hour = Integer.parseInt(matcher.group(1));
        int minute = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
        String half = matcher.group(3);
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (half.startsWith("p") ? 12 : 0);
        } else if (matcher.group(2) == null) {
            // "14" alone is too easily a mistyped date or minute: a 24-hour time has its minutes
            return null;
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    private static boolean blank(String part) {
        return part == null || part.isBlank();
    }

    public DateInput getDate() {
        return date;
    }

    public void setDate(DateInput date) {
        this.date = date;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }
}
