package uk.dapp.demo.plan;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Obviously invented names: every given and family name is built on a root that says it is not real
 * ("Testy McExample", "Fakeley Mockington"), so no demo record can be mistaken for a real person.
 */
public final class Names {

    /** Every name contains one of these (case-insensitively): the test that no name looks real relies on it. */
    public static final List<String> MARKERS = List.of(
            "test",
            "fake",
            "mock",
            "sampl",
            "dumm",
            "notreal",
            "madeup",
            "pretend",
            "placehold",
            "exampl",
            "demo",
            "fictio",
            "synth",
            "invent");

    private static final List<String> GIVEN_ROOTS = List.of(
            "Testy",
            "Fakey",
            "Mocky",
            "Sampla",
            "Dummyo",
            "Notreal",
            "Madeup",
            "Pretendo",
            "Demo",
            "Fictio",
            "Synthia",
            "Invento",
            "Placeholdo",
            "Exampla");
    private static final List<String> GIVEN_ENDINGS = List.of("", "", "n", "bert", "ric", "line", "ward", "ette");
    private static final List<String> FAMILY_ROOTS = List.of(
            "Example",
            "Fake",
            "Mock",
            "Sample",
            "Dummy",
            "Notreal",
            "Madeup",
            "Pretend",
            "Placeholder",
            "Demo",
            "Fiction",
            "Synth",
            "Invent",
            "Test");
    private static final List<String> FAMILY_ENDINGS =
            List.of("", "ington", "son", "ley", "worth", "shaw", "by", "well", "more", "ton");

    private Names() {}

    public static String given(RandomGenerator random) {
        return pick(random, GIVEN_ROOTS) + pick(random, GIVEN_ENDINGS);
    }

    public static String family(RandomGenerator random) {
        String name = pick(random, FAMILY_ROOTS) + pick(random, FAMILY_ENDINGS);
        return random.nextInt(4) == 0 ? "Mc" + name : name;
    }

    /** How a partner is addressed in partner support: invented too, and marked as such. */
    public static String partner(RandomGenerator random) {
        return given(random) + " " + family(random);
    }

    public static boolean obviouslyInvented(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return MARKERS.stream().anyMatch(lower::contains);
    }

    static <T> T pick(RandomGenerator random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
