package uk.dapp.partnersupport.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The operator's tool: a new keyset, a key added then promoted, an old key removed; no key material in what it says. */
class KeysetToolTest {

    private record Run(int status, String out, String err) {}

    private static Run run(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = KeysetTool.run(
                args,
                () -> input.getBytes(StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                status,
                out.toString(StandardCharsets.UTF_8).strip(),
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void makesAddsPromotesAndRemovesKeys() {
        Run created = run("", "new");
        assertThat(created.status()).isZero();
        KeysetHandle first = Keysets.parse(created.out());
        int firstId = first.getPrimary().getId();
        assertThat(created.err())
                .contains("1 key: " + Keysets.id(firstId) + " (primary)")
                .doesNotContain("value");

        Run added = run(created.out(), "add");
        KeysetHandle two = Keysets.parse(added.out());
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.getPrimary().getId()).as("added, not yet primary").isEqualTo(firstId);
        int secondId = two.getAt(1).getId();

        Run promoted = run(added.out(), "promote", Keysets.id(secondId));
        assertThat(Keysets.parse(promoted.out()).getPrimary().getId()).isEqualTo(secondId);
        assertThat(run(promoted.out(), "remove", Keysets.id(secondId)).err()).contains("is the primary key");

        Run removed = run(promoted.out(), "remove", Keysets.id(firstId));
        assertThat(removed.status()).isZero();
        assertThat(run(removed.out(), "list").out()).isEqualTo("1 key: " + Keysets.id(secondId) + " (primary)");

        Run rotated = run(removed.out(), "rotate");
        assertThat(Keysets.parse(rotated.out()).getPrimary().getId()).isNotEqualTo(secondId);
        assertThat(Keysets.parse(rotated.out()).size()).isEqualTo(2);
    }

    @Test
    void newReadsNoInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = KeysetTool.run(
                new String[] {"new"},
                () -> {
                    throw new AssertionError("new must not wait for standard input");
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(status).isZero();
        assertThat(Keysets.parse(out.toString(StandardCharsets.UTF_8)).size()).isEqualTo(1);
    }

    @Test
    void saysWhatIsWrong() {
        assertThat(run("", "promote").status()).isEqualTo(1);
        assertThat(run("x", "list").err()).contains("not a valid Tink JSON keyset");
        assertThat(run(Keysets.serialize(Keysets.generate()), "promote", "12").err())
                .contains("has no key 12");
        assertThat(run("", "shred").err()).contains("unknown command shred");
        assertThat(run("").status()).isEqualTo(2);
    }
}
