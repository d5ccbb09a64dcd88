package uk.dapp.platform.privacy;

import static uk.dapp.platform.privacy.SensitivityLabel.QUASI_IDENTIFIER;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One row's quasi-identifiers before generalisation, as the k-anonymiser reads them. Any of them
 * may be null (not recorded): unknown is a value of its own.
 *
 * @param age completed years on the extract's reference date for the case
 * @param sex as recorded
 * @param area as recorded (compared without case or spacing)
 * @param month the month of the case's reference date
 */
public record QuasiIdentifiers(
        @Sensitivity(QUASI_IDENTIFIER) Integer age,
        @Sensitivity(QUASI_IDENTIFIER) String sex,
        @Sensitivity(QUASI_IDENTIFIER) String area,
        @Sensitivity(QUASI_IDENTIFIER) YearMonth month) {

    public QuasiIdentifiers {
        if (age != null && age < 0) {
            throw new IllegalArgumentException("a negative age");
        }
    }

    /**
     * From a date of birth (null when unknown): only the age on the reference date is kept, never
     * the date itself.
     */
    public static QuasiIdentifiers of(LocalDate dateOfBirth, LocalDate referenceDate, String sex, String area,
            YearMonth month) {
        return new QuasiIdentifiers(dateOfBirth == null ? null : AgeLadder.ageOn(dateOfBirth, referenceDate),
                sex, area, month);
    }
}
