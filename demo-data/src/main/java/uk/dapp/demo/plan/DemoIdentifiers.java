package uk.dapp.demo.plan;

/**
 * The demo population's obviously fake identifiers, distinct for each seed: police identifiers and
 * the victim keys of each person's incidents.
 */
final class DemoIdentifiers {

    /** How many people one seed's police identifiers hold before they would meet another seed's. */
    static final int PEOPLE_PER_SEED = 99_999;

    /** The seven digits hold 100 blocks of this many numbers. */
    private static final int BLOCK = 100_000;

    /**
     * An obviously fake police identifier ({@code 99/NNNNNNNL}) of this seed's population: the default
     * seed's are {@code 99/0000001D} onwards, and another seed's start elsewhere (its block of numbers
     * and its letter), so that seed's people are loaded beside the first population instead of being
     * refused as already registered. 2,600 seeds in a row have distinct identifiers.
     */
    static String policeId(long seed, int index) {
        if (index >= PEOPLE_PER_SEED) {
            throw new IllegalArgumentException("a seed plans at most " + PEOPLE_PER_SEED + " people");
        }
        int offset = (int) Math.floorMod(seed - PopulationPlanner.DEFAULT_SEED, 2_600L);
        int block = offset % 100;
        char letter = (char) ('A' + (offset / 100 + 3) % 26);
        return "99/" + String.format("%07d", block * BLOCK + index + 1) + letter;
    }

    /**
     * The key of a person's {@code victim}-th victim (0 is the first): the person's own victims, never
     * another's, another seed's person of the same index included.
     */
    static String victimKey(long seed, int index, int victim) {
        return "VK-DEMO-" + policeId(seed, index).substring(3) + "-" + (char) ('A' + victim);
    }

    private DemoIdentifiers() {}
}
