package uk.dapp.partnersupport.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Makes and rotates the partnership's keyset from the command line: reads a keyset (Tink JSON) on
 * standard input where the command needs one and writes the new keyset on standard output; what
 * it did goes to standard error, without key material. k8s/README.md ("Encryption keys") shows
 * the commands and the rotation steps.
 *
 * <pre>
 * java -cp partner-support-service.jar -Dloader.main=uk.dapp.partnersupport.crypto.KeysetTool \
 *   org.springframework.boot.loader.launch.PropertiesLauncher COMMAND [KEY-ID] &lt; in.json &gt; out.json
 *
 *   new              a keyset of one AES-256-GCM key
 *   add              one more key, not primary: roll it out to every replica first
 *   promote KEY-ID   make KEY-ID the primary key: new values are encrypted with it
 *   rotate           add and promote at once (a single replica, or all stopped)
 *   remove KEY-ID    drop a key no stored value uses any more (the re-encryption log says when)
 *   list             the key IDs and the primary, on standard output
 * </pre>
 */
public final class KeysetTool {

    private KeysetTool() {}

    public static void main(String[] args) {
        // standard input is read only by the commands that take a keyset, so "new" does not wait for it
        int status = run(
                args,
                () -> {
                    try {
                        return System.in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                System.out,
                System.err);
        System.exit(status);
    }

    static int run(String[] args, Supplier<byte[]> input, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: KeysetTool new | add | promote KEY-ID | rotate | remove KEY-ID | list");
            return 2;
        }
        try {
            String command = args[0];
            KeysetHandle result = switch (command) {
                case "new" -> Keysets.generate();
                case "add" -> Keysets.withNewKey(in(input), false);
                case "rotate" -> Keysets.withNewKey(in(input), true);
                case "promote" -> Keysets.promote(in(input), keyId(args));
                case "remove" -> Keysets.remove(in(input), keyId(args));
                case "list" -> {
                    out.println(Keysets.describe(in(input)));
                    yield null;
                }
                default -> throw new IllegalArgumentException("unknown command " + command);
            };
            if (result != null) {
                out.println(Keysets.serialize(result));
                err.println(command + ": " + Keysets.describe(result));
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("KeysetTool: " + e.getMessage());
            return 1;
        }
    }

    private static KeysetHandle in(Supplier<byte[]> input) {
        return Keysets.parse(new String(input.get(), StandardCharsets.UTF_8));
    }

    private static int keyId(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException(args[0] + " needs a key ID (list shows them)");
        }
        try {
            return Integer.parseUnsignedInt(args[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + args[1] + "' is not a key ID (an unsigned number)");
        }
    }
}
