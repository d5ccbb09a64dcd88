package uk.dapp.platform.privacy;

import static uk.dapp.platform.privacy.SensitivityLabel.QUASI_IDENTIFIER;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One row's quasi-identifiers before generalisation, as the k-anonymiser reads them: everything an
 * extract releases that a neighbour, a colleague or a reporter could know of a person. Any of them
 * may be null (not recorded): unknown is a value of its own.
 *
 * @param age completed years on the extract's reference date for the case
 * @param sex as recorded
 * @param area as recorded (compared without case or spacing)
 * @param month the month of the case's reference date
 * @param programme the programme (its code)
 * @param programmeType what the programme widens to (its type: group or one-to-one)
 * @param referralSource who referred
 * @param referralSourceGroup what the source widens to (criminal justice, another agency, self)
 * @param mandated whether the referral was mandated by a court or licence
 * @param routingDecision the risk matrix's decision (engage or catch-and-convict)
 */
public record QuasiIdentifiers(
        @Sensitivity(QUASI_IDENTIFIER) Integer age,
        @Sensitivity(QUASI_IDENTIFIER) String sex,
        @Sensitivity(QUASI_IDENTIFIER) String area,
        @Sensitivity(QUASI_IDENTIFIER) YearMonth month,
        @Sensitivity(QUASI_IDENTIFIER) String programme,
        @Sensitivity(QUASI_IDENTIFIER) String programmeType,
        @Sensitivity(QUASI_IDENTIFIER) String referralSource,
        @Sensitivity(QUASI_IDENTIFIER) String referralSourceGroup,
        @Sensitivity(QUASI_IDENTIFIER) Boolean mandated,
        @Sensitivity(QUASI_IDENTIFIER) String routingDecision) {

    public QuasiIdentifiers {
        if (age != null && age < 0) {
            throw new IllegalArgumentException("a negative age");
        }
    }

    /** Age, sex, area and month only: the other quasi-identifiers unknown. */
    public QuasiIdentifiers(Integer age, String sex, String area, YearMonth month) {
        this(age, sex, area, month, null, null, null, null, null, null);
    }

    /**
     * From a date of birth (null when unknown): only the age on the reference date is kept, never
     * the date itself.
     */
    public static QuasiIdentifiers of(
            LocalDate dateOfBirth, LocalDate referenceDate, String sex, String area, YearMonth month) {
        return new QuasiIdentifiers(
                dateOfBirth == null ? null : AgeLadder.ageOn(dateOfBirth, referenceDate), sex, area, month);
    }

    /** The same person with the programme, referral and decision quasi-identifiers. */
    public QuasiIdentifiers withCircumstances(
            String programme,
            String programmeType,
            String referralSource,
            String referralSourceGroup,
            Boolean mandated,
            String routingDecision) {
        return new QuasiIdentifiers(
                age,
                sex,
                area,
                month,
                programme,
                programmeType,
                referralSource,
                referralSourceGroup,
                mandated,
                routingDecision);
    }

    /** The finest class this row falls in, as the anonymiser counts it (the youngest age of its 5-year band, names canonical). */
    QuasiIdentifiers finestClass() {
        return new QuasiIdentifiers(
                AgeLadder.finestRepresentative(age),
                SexLadder.canonical(sex),
                AreaLadder.canonical(area),
                month,
                CategoryLadder.canonical(programme),
                CategoryLadder.canonical(programmeType),
                CategoryLadder.canonical(referralSource),
                CategoryLadder.canonical(referralSourceGroup),
                mandated,
                CategoryLadder.canonical(routingDecision));
    }
}
