package uk.dapp.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

class DateInputTest {

    public static class Form {
        private DateInput date = new DateInput();

        public DateInput getDate() {
            return date;
        }
    }

    private static LocalDate read(String day, String month, String year, BeanPropertyBindingResult errors) {
        Form form = (Form) errors.getTarget();
        form.getDate().setDay(day);
        form.getDate().setMonth(month);
        form.getDate().setYear(year);
        return form.getDate().toDate(errors, "date");
    }

    @Test
    void aRealDateIsRead() {
        var errors = new BeanPropertyBindingResult(new Form(), "form");
        assertThat(read(" 7", "3 ", "2026", errors)).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void nothingTypedIsNoDateForTheServiceToJudge() {
        var errors = new BeanPropertyBindingResult(new Form(), "form");
        assertThat(read("", " ", "", errors)).isNull();
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void aPartMissingOrADayThatDoesNotExistIsNotADate() {
        for (String[] typed : new String[][] {{"31", "2", "2026"}, {"1", "", "2026"}, {"x", "1", "2026"}}) {
            var errors = new BeanPropertyBindingResult(new Form(), "form");
            assertThat(read(typed[0], typed[1], typed[2], errors)).isNull();
            assertThat(errors.getFieldError("date").getCode()).isEqualTo("RealDate");
        }
    }

    @Test
    void aStoredDateFillsTheBoxes() {
        DateInput input = DateInput.of(LocalDate.of(2026, 11, 5));
        assertThat(input.getDay() + "/" + input.getMonth() + "/" + input.getYear())
                .isEqualTo("5/11/2026");
    }
}
