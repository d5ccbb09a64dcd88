package uk.dapp.programme.catalogue;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which catalogue programme each risk-matrix pathway refers into:
 * {@code dapp.programme.pathway-programmes.<PATHWAY>} (e.g. {@code ...CHANGE_PROGRAMME}, {@code ...DRIVE},
 * {@code ...WOMENS_GROUP}), by default the seeded Change-like, Drive-like and women's group programmes. A local partnership that runs its own
 * programmes points the pathways at their codes; the catalogue is checked when a decision arrives,
 * so an admin may add the programme after start-up.
 */
@Component
public class PathwayProgrammes {

    static final String PREFIX = "dapp.programme.pathway-programmes.";

    private final Map<Pathway, String> codes = new EnumMap<>(Pathway.class);

    public PathwayProgrammes(Environment env) {
        Map<Pathway, String> defaults = Map.of(
                Pathway.CHANGE_PROGRAMME,
                CatalogueSeed.CHANGE.code(),
                Pathway.DRIVE,
                CatalogueSeed.DRIVE.code(),
                Pathway.WOMENS_GROUP,
                CatalogueSeed.WOMEN.code());
        for (Pathway pathway : Pathway.values()) {
            String code = env.getProperty(PREFIX + pathway.name(), defaults.get(pathway));
            // fail at start-up rather than refuse every decision later
            if (code == null || code.isBlank()) {
                throw new IllegalStateException(
                        "no programme configured for pathway " + pathway + " (" + PREFIX + pathway.name() + ")");
            }
            this.codes.put(pathway, code.trim());
        }
    }

    public String programmeFor(Pathway pathway) {
        return codes.get(pathway);
    }

    /** The pathways that refer into the programme, in declaration order (none for a programme no pathway names). */
    public java.util.List<Pathway> pathwaysOf(String programmeCode) {
        return codes.entrySet().stream()
                .filter(e -> e.getValue().equals(programmeCode))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
