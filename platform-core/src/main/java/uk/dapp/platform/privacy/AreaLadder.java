package uk.dapp.platform.privacy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Areas shown as recorded, widened to a region through a configured map, or suppressed
 * ({@value Ladders#ALL_AREAS}). Areas are compared without regard to case or repeated spaces, and
 * shown upper case, so two spellings of one area never form two small classes. An area the map
 * does not know falls into the region {@value #OTHER_REGION} rather than showing its own name.
 */
public final class AreaLadder {

    public static final String OTHER_REGION = "OTHER";

    private final Map<String, String> regionOfArea;

    /**
     * @param areaToRegion each area (any case) and its region, as the region is to be shown
     * @throws IllegalArgumentException when one area is given two regions, or a region is blank
     */
    public AreaLadder(Map<String, String> areaToRegion) {
        Map<String, String> regions = new HashMap<>();
        areaToRegion.forEach((area, region) -> {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("area " + area + " has no region");
            }
            String previous = regions.put(canonical(area), region.strip());
            if (previous != null && !previous.equals(region.strip())) {
                throw new IllegalArgumentException(
                        "area " + area + " is given two regions: " + previous + ", " + region);
            }
        });
        this.regionOfArea = Map.copyOf(regions);
    }

    /** A ladder with no regions configured: every known area widens to {@value #OTHER_REGION}. */
    public static AreaLadder withoutRegions() {
        return new AreaLadder(Map.of());
    }

    /** Upper case, trimmed, inner spaces single; null or blank is {@value Ladders#UNKNOWN}. */
    public static String canonical(String area) {
        if (area == null || area.isBlank()) {
            return Ladders.UNKNOWN;
        }
        String stripped = area.strip();
        StringBuilder single = null; // made only when a run of white space is to be closed up
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean space = isAsciiSpace(c);
            if (single == null && space && (c != ' ' || isAsciiSpace(stripped.charAt(i + 1)))) {
                single = new StringBuilder(stripped.length()).append(stripped, 0, i);
            }
            if (single != null) {
                if (!space) {
                    single.append(c);
                } else if (!isAsciiSpace(stripped.charAt(i - 1))) {
                    single.append(' ');
                }
            }
        }
        return (single == null ? stripped : single.toString()).toUpperCase(Locale.ROOT);
    }

    /** What the regular expression {@code \s} matches: a run of these is one space. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    public String region(String area) {
        String canonical = canonical(area);
        if (canonical.equals(Ladders.UNKNOWN)) {
            return Ladders.UNKNOWN;
        }
        return regionOfArea.getOrDefault(canonical, OTHER_REGION);
    }

    public String generalise(String area, AreaLevel level) {
        return switch (level) {
            case AREA -> canonical(area);
            case REGION -> region(area);
            case ALL -> Ladders.ALL_AREAS;
        };
    }
}
