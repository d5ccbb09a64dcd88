package uk.dapp.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

class DateTimeInputTest {

    /** A form holding one moment, named as the field the errors go on. */
    public static class Form {
        private DateTimeInput when = new DateTimeInput();

        public DateTimeInput getWhen() {
            return when;
        }
    }

    @Test
    void timesArePeoplesTwentyFourHourOrTwelveHourTimes() {
        assertThat(DateTimeInput.parseTime("14:30")).isEqualTo(LocalTime.of(14, 30));
        assertThat(DateTimeInput.parseTime("09.05")).isEqualTo(LocalTime.of(9, 5));
        assertThat(DateTimeInput.parseTime("2:30pm")).isEqualTo(LocalTime.of(14, 30));
        assertThat(DateTimeInput.parseTime("2:30 PM")).isEqualTo(LocalTime.of(14, 30));
        assertThat(DateTimeInput.parseTime("12am")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(DateTimeInput.parseTime("12pm")).isEqualTo(LocalTime.NOON);
        assertThat(DateTimeInput.parseTime("9am")).isEqualTo(LocalTime.of(9, 0));
        for (String notATime : new String[] {"25:00", "14:60", "13pm", "0am", "14", "noonish", "1430", ""}) {
            assertThat(DateTimeInput.parseTime(notATime)).as(notATime).isNull();
        }
    }

    @Test
    void aMomentIsUkTimeSummerOrWinter() {
        Form form = new Form();
        form.when.setDate(date("3", "7", "2026"));
        form.when.setTime("14:30");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        assertThat(form.when.toDateTime(errors, "when")).isEqualTo(OffsetDateTime.parse("2026-07-03T14:30+01:00"));
        form.when.setDate(date("3", "1", "2026"));
        assertThat(form.when.toDateTime(errors, "when")).isEqualTo(OffsetDateTime.parse("2026-01-03T14:30Z"));
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void nothingTypedIsNoMomentAndHalfAMomentIsAnError() {
        Form form = new Form();
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        assertThat(form.when.toDateTime(errors, "when")).isNull();
        assertThat(errors.hasErrors()).isFalse();
        form.when.setDate(date("31", "2", "2026"));
        form.when.setTime("10:00");
        assertThat(form.when.toDateTime(errors, "when")).isNull();
        form.when.setDate(date("3", "3", "2026"));
        form.when.setTime("");
        assertThat(form.when.toDateTime(errors, "when")).isNull();
        assertThat(errors.getFieldErrors("when"))
                .hasSize(2)
                .allSatisfy(error -> assertThat(error.getCode()).isEqualTo("RealDateTime"));
    }

    private static DateInput date(String day, String month, String year) {
        DateInput date = new DateInput();
        date.setDay(day);
        date.setMonth(month);
        date.setYear(year);
        return date;
    }
}
