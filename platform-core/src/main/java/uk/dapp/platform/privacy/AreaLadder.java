package uk.dapp.platform.privacy;

import java.util.HashMap;
import java.util.List;
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
        return String.join(" ", List.of(area.strip().split("\\s+"))).toUpperCase(Locale.ROOT);
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
