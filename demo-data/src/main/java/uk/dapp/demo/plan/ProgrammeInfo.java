package uk.dapp.demo.plan;

import java.util.Set;

/** What the plan needs of a catalogue programme (read from GET /programmes when loading). */
public record ProgrammeInfo(
        String code,
        boolean group,
        Set<String> sexes,
        int minimumAge,
        Set<Level> riskLevels,
        int sessionCount,
        int nonComplianceThreshold,
        int miSessionCap,
        int capacity) {

    public boolean accepts(String sex, int age, Level risk) {
        return sexes.contains(sex) && age >= minimumAge && riskLevels.contains(risk);
    }
}
