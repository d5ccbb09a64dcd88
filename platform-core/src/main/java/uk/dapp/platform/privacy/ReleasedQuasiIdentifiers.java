package uk.dapp.platform.privacy;

import static uk.dapp.platform.privacy.SensitivityLabel.QUASI_IDENTIFIER;

/**
 * A row's quasi-identifiers as the extract shows them, after the plan's generalisation: they may
 * be nested in an extract row type as they are.
 *
 * @param ageBand {@code 23-27}, {@code 18-27}, {@code 0-17}, {@code 78+}, {@code UNKNOWN} or {@code *}
 * @param sex {@code MALE}, {@code FEMALE}, {@code UNKNOWN} or {@code *}
 * @param area an area (upper case), a region, {@code OTHER}, {@code UNKNOWN} or {@code ALL}
 * @param period {@code 2026-03}, {@code 2026-Q1}, {@code 2026} or {@code UNKNOWN}
 * @param programmeCode the programme's code, its type ({@code GROUP}, {@code ONE_TO_ONE}), {@code UNKNOWN} or {@code *}
 * @param referralSource the source, its group, {@code UNKNOWN} or {@code *}
 * @param mandated {@code TRUE}, {@code FALSE}, {@code UNKNOWN} or {@code *}
 * @param routingDecision {@code ENGAGE}, {@code CATCH_AND_CONVICT}, {@code UNKNOWN} or {@code *}
 */
public record ReleasedQuasiIdentifiers(
        @Sensitivity(QUASI_IDENTIFIER) String ageBand,
        @Sensitivity(QUASI_IDENTIFIER) String sex,
        @Sensitivity(QUASI_IDENTIFIER) String area,
        @Sensitivity(QUASI_IDENTIFIER) String period,
        @Sensitivity(QUASI_IDENTIFIER) String programmeCode,
        @Sensitivity(QUASI_IDENTIFIER) String referralSource,
        @Sensitivity(QUASI_IDENTIFIER) String mandated,
        @Sensitivity(QUASI_IDENTIFIER) String routingDecision) {

    /** Age, sex, area and period, with the other quasi-identifiers unknown (as a row without them is shown). */
    public ReleasedQuasiIdentifiers(String ageBand, String sex, String area, String period) {
        this(ageBand, sex, area, period, Ladders.UNKNOWN, Ladders.UNKNOWN, Ladders.UNKNOWN, Ladders.UNKNOWN);
    }
}
