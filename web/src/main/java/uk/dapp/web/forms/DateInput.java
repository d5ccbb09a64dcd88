package uk.dapp.web.forms;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.springframework.validation.BindingResult;

/**
 * A GOV.UK date input: day, month and year as typed. Turning it into a date is reading, not a rule
 * of the web app's own: empty is "no date" (the service says whether one is needed), and only
 * something that is not a date at all is refused here, since it cannot be sent.
 */
public class DateInput {

    private String day = "";
    private String month = "";
    private String year = "";

    /** Today in the UK: the usual answer to "when" for something recorded as it happens. */
    public static DateInput today() {
        return of(LocalDate.now(java.time.ZoneId.of("Europe/London")));
    }

    public static DateInput of(LocalDate date) {
        DateInput input = new DateInput();
        if (date != null) {
            input.day = String.valueOf(date.getDayOfMonth());
            input.month = String.valueOf(date.getMonthValue());
            input.year = String.valueOf(date.getYear());
        }
        return input;
    }

    /**
     * The date typed, or null when nothing was typed; a part missing or a date that does not
     * exist is an error on the field ({@code RealDate}).
     */
    public LocalDate toDate(BindingResult form, String field) {
        if (blank(day) && blank(month) && blank(year)) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException notADate) {
            form.rejectValue(field, "RealDate", "Enter a real date");
            return null;
        }
    }

    /** Nothing typed in any of the three boxes. */
    public boolean isEmpty() {
        return blank(day) && blank(month) && blank(year);
    }

    private static boolean blank(String part) {
        return part == null || part.isBlank();
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }
}
