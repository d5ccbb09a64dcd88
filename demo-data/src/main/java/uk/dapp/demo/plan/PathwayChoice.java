package uk.dapp.demo.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The offender manager's ENGAGE decision: the recommended pathways, except a programme pathway
 * whose programme would not accept the person (the programme would refuse the referral). Drive
 * takes high risk only: a man not at high risk goes to the Change programme instead. Any change is
 * an override of the recommendation and says why. (The risk matrix now recommends only what the
 * catalogue takes, so this rarely changes anything; a woman is advised the women's group.)
 */
public final class PathwayChoice {

    /** The programme each programme pathway refers to (as programme-service maps them). */
    public static final Map<String, String> PROGRAMME_OF_PATHWAY =
            Map.of("CHANGE_PROGRAMME", "CHANGE-GROUP", "DRIVE", "DRIVE-1TO1", "WOMENS_GROUP", "WOMEN-GROUP");

    public record Choice(List<String> pathways, String reason) {

        public boolean anyProgramme() {
            return pathways.stream().anyMatch(PROGRAMME_OF_PATHWAY::containsKey);
        }
    }

    private PathwayChoice() {}

    public static Choice choose(
            List<String> recommended, String sex, int age, Level risk, Map<String, ProgrammeInfo> catalogue) {
        List<String> chosen = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (String pathway : recommended) {
            String code = PROGRAMME_OF_PATHWAY.get(pathway);
            ProgrammeInfo programme = code == null ? null : catalogue.get(code);
            if (code != null && (programme == null || !programme.accepts(sex, age, risk))) {
                why.add(code + " does not take this person (" + sex + ", " + risk + ")");
                ProgrammeInfo change = catalogue.get(PROGRAMME_OF_PATHWAY.get("CHANGE_PROGRAMME"));
                if (pathway.equals("DRIVE")
                        && change != null
                        && change.accepts(sex, age, risk)
                        && !recommended.contains("CHANGE_PROGRAMME")) {
                    chosen.add("CHANGE_PROGRAMME");
                    why.add("the Change programme instead");
                }
                continue;
            }
            chosen.add(pathway);
        }
        if (chosen.isEmpty()) {
            chosen.add("OFFENDER_MANAGEMENT");
        }
        return new Choice(List.copyOf(chosen), why.isEmpty() ? null : String.join("; ", why));
    }
}
