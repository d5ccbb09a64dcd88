package uk.dapp.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository explains itself: no file leans on a document kept outside it, and every relative
 * link in its Markdown leads to a file or folder that exists. It lives beside the manifest tests
 * because, like them, it checks the repository's own files rather than running code.
 * <p>
 * The files are those git would commit (tracked, or new and not ignored); outside a git checkout,
 * every file below the root except build output and local run data.
 */
class SelfContainedRepositoryTest {

    /**
     * Names of the design brief and stack notes the project started from, which lived beside the
     * repository. Spelt in pieces so that this file does not match itself.
     */
    private static final List<String> OUTSIDE_REFERENCES =
            List.of(".." + "/shared", "DESIGN" + ".md", "NOTES" + "-STACK");

    /** What a walk skips when there is no git to ask: .gitignore's folders and git's own. */
    private static final Set<String> UNTRACKED_FOLDERS =
            Set.of(".git", "target", "data", ".keycloak", ".run", ".idea", ".vscode", "node_modules");

    /** An inline link or image, {@code [text](target "title")}, and a reference definition, {@code [id]: target}. */
    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern FENCED_CODE = Pattern.compile("(?ms)^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\\1[`~]*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)[^`].*?\\1", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @Test
    void noFileRefersToDocumentsOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : repositoryFiles()) {
            String text = text(file);
            if (text == null) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String reference : OUTSIDE_REFERENCES) {
                    if (lines[i].contains(reference)) {
                        found.add(relative(file) + ":" + (i + 1) + " refers to " + reference);
                    }
                }
            }
        }
        assertThat(found)
                .as("what the project relies on is written in docs/ (see docs/README.md); cite that instead")
                .isEmpty();
    }

    @Test
    void everyRelativeLinkInTheMarkdownLeadsToAFileThatExists() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : repositoryFiles()) {
            String text = file.getFileName().toString().endsWith(".md") ? text(file) : null;
            if (text == null) {
                continue;
            }
            for (String target : relativeLinks(text)) {
                checked++;
                Path resolved = target.startsWith("/")
                        ? Manifests.ROOT.resolve(target.substring(1))
                        : file.getParent().resolve(target);
                if (!Files.exists(resolved.normalize())) {
                    broken.add(relative(file) + " links to " + target + ", which does not exist");
                }
            }
        }
        assertThat(checked).as("links found in the repository's Markdown").isPositive();
        assertThat(broken).isEmpty();
    }

    @Test
    void theLinkReaderFindsLinksOutsideCodeOnly() {
        String markdown = """
                See [the roles](domain/roles.md#admin) and ![a plan](img/plan.png "Plan"), [site](https://example.org),
                [here](#top), `[not](code.md)` and [ref]: ../ref.md "Ref"
                [defined]: adr/0001.md
                ```
                [in a block](block.md)
                ```
                [last](a%20b.md?plain=1)
                """;
        assertThat(relativeLinks(markdown))
                .containsExactlyInAnyOrder("domain/roles.md", "img/plan.png", "adr/0001.md", "a b.md");
    }

    /** The relative targets of a Markdown text's links, without fragment or query, outside code. */
    static List<String> relativeLinks(String markdown) {
        String prose =
                CODE_SPAN.matcher(FENCED_CODE.matcher(markdown).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher m = pattern.matcher(prose);
            while (m.find()) {
                String target = m.group(1).replaceFirst("[#?].*$", "");
                if (!target.isEmpty() && !SCHEME.matcher(target).find()) {
                    targets.add(URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8));
                }
            }
        }
        return targets;
    }

    private static List<Path> repositoryFiles() {
        List<Path> files = gitFiles();
        return files != null ? files : walkedFiles();
    }

    /** What git would commit, or null outside a checkout or without git. */
    private static List<Path> gitFiles() {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                    .directory(Manifests.ROOT.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return null;
            }
            Set<String> names = new TreeSet<>(Arrays.asList(new String(out, StandardCharsets.UTF_8).split("\0")));
            names.remove("");
            // a tracked file deleted in the working tree is no longer there to check
            return names.stream()
                    .map(Manifests.ROOT::resolve)
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static List<Path> walkedFiles() {
        try (Stream<Path> all = Files.walk(Manifests.ROOT)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> Manifests.ROOT.relativize(p).getNameCount() > 0)
                    .filter(p -> {
                        for (Path part : Manifests.ROOT.relativize(p)) {
                            if (UNTRACKED_FOLDERS.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as text, or null when it is binary (holds a NUL byte). */
    private static String text(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path file) {
        return Manifests.ROOT.relativize(file).toString();
    }
}
