package uk.dapp.riskmatrix.referencedata;

import java.time.Instant;
import java.util.List;

/**
 * The shipped default weight table: SYNTHETIC, AN EXAMPLE ONLY. The codes, harm days and points
 * below are invented to be plausible, not taken from any force's policy or the Cambridge Crime
 * Harm Index itself; a partnership replaces them with its own by creating a new version.
 */
public final class ExampleReferenceData {

    public static final String LABEL = "EXAMPLE ONLY: synthetic weights shipped with the product; "
            + "replace with local policy by creating a new version";

    private ExampleReferenceData() {}

    public static ReferenceData version1(Instant at) {
        return new ReferenceData(
                1,
                LABEL,
                true,
                36,
                List.of(new Band(0, 20), new Band(3, 15), new Band(6, 10), new Band(12, 5), new Band(24, 2)),
                List.of(new Band(1, 5), new Band(2, 10), new Band(3, 15), new Band(5, 20), new Band(10, 25)),
                List.of(new Band(1, 5), new Band(2, 10), new Band(3, 15)),
                new DashUplift(0, 2, 5),
                List.of(
                        new OffenceWeight("EX-NC-DOMESTIC", "Non-crime domestic incident (example)", false, 0, 1),
                        new OffenceWeight(
                                "EX-NC-ARGUMENT", "Verbal argument, no offence disclosed (example)", false, 0, 1),
                        new OffenceWeight("EX-CRIM-DAMAGE", "Criminal damage (example)", true, 5, 2),
                        new OffenceWeight("EX-COMMON-ASSAULT", "Common assault (example)", true, 20, 3),
                        new OffenceWeight("EX-HARASSMENT", "Harassment (example)", true, 30, 3),
                        new OffenceWeight("EX-BREACH-ORDER", "Breach of a protective order (example)", true, 60, 4),
                        new OffenceWeight("EX-STALKING", "Stalking (example)", true, 180, 6),
                        new OffenceWeight("EX-ABH", "Assault occasioning actual bodily harm (example)", true, 180, 7),
                        new OffenceWeight(
                                "EX-COERCIVE-CONTROL", "Controlling or coercive behaviour (example)", true, 365, 8),
                        new OffenceWeight("EX-THREATS-TO-KILL", "Threats to kill (example)", true, 365, 9),
                        new OffenceWeight("EX-STRANGULATION", "Non-fatal strangulation (example)", true, 540, 10),
                        new OffenceWeight("EX-GBH", "Grievous bodily harm with intent (example)", true, 1095, 12),
                        new OffenceWeight("EX-RAPE", "Rape (example)", true, 1825, 15)),
                at,
                "system");
    }
}
