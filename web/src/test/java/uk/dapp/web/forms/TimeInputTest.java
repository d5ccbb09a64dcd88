package uk.dapp.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

class TimeInputTest {

    public static class Form {
        private TimeInput time = new TimeInput();

        public TimeInput getTime() {
            return time;
        }
    }

    private static LocalTime read(String hour, String minute, BeanPropertyBindingResult errors) {
        Form form = (Form) errors.getTarget();
        form.getTime().setHour(hour);
        form.getTime().setMinute(minute);
        return form.getTime().toTime(errors, "time");
    }

    @Test
    void aRealTimeIsRead() {
        var errors = new BeanPropertyBindingResult(new Form(), "form");
        assertThat(read(" 18", "05 ", errors)).isEqualTo(LocalTime.of(18, 5));
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void nothingTypedIsNoTimeForTheServiceToJudge() {
        var errors = new BeanPropertyBindingResult(new Form(), "form");
        assertThat(read("", " ", errors)).isNull();
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void aTimeThatDoesNotExistOrHalfATimeIsAnErrorOnTheField() {
        for (String[] typed : new String[][] {{"25", "00"}, {"18", "60"}, {"six", "30"}, {"18", ""}}) {
            var errors = new BeanPropertyBindingResult(new Form(), "form");
            assertThat(read(typed[0], typed[1], errors)).isNull();
            assertThat(errors.getFieldError("time").getCode()).isEqualTo("RealTime");
        }
    }

    @Test
    void aTimeIsShownAsItWasRecorded() {
        TimeInput input = TimeInput.of(LocalTime.of(9, 5));
        assertThat(input.getHour()).isEqualTo("9");
        assertThat(input.getMinute()).isEqualTo("05");
    }
}
