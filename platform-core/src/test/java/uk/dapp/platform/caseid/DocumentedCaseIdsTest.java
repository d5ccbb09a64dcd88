package uk.dapp.platform.caseid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every case ID the documents, contracts and the web app's pages show as an example passes its own
 * check: a newcomer who copies one from the README, an ADR, a contract or a page's hint gets an
 * answer, not a 400.
 */
class DocumentedCaseIdsTest {

    private static final Path ROOT = Path.of("..");
    /** Documents and contracts; the web app's pages, their prototype text and its messages (hints and errors). */
    private static final List<String> DOCUMENT_TYPES = List.of(".md", ".yaml", ".html", ".properties");

    private static final Pattern GROUPED =
            Pattern.compile("(?<![0-9A-Za-z-])[0-9A-Z]{6}-[0-9A-Z]{6}-[0-9A-Z]{6}(?![0-9A-Za-z-])");

    @Test
    void everyCaseIdInTheDocumentsContractsAndPagesIsValid() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("dapp")));
        for (String folder : List.of("docs", "api-specs/src/main/resources/openapi", "k8s", "web/src/main/resources")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
                files.filter(file -> DOCUMENT_TYPES.stream().anyMatch(file.toString()::endsWith))
                        .filter(file -> !file.toString().contains("/target/"))
                        .forEach(documents::add);
            }
        }
        List<String> found = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Path document : documents) {
            Matcher ids = GROUPED.matcher(Files.readString(document));
            while (ids.find()) {
                found.add(ids.group());
                try {
                    CaseId.parse(ids.group());
                } catch (InvalidCaseIdException e) {
                    invalid.add(ROOT.relativize(document) + ": " + ids.group() + " (" + e.getMessage() + ")");
                }
            }
        }
        assertThat(found)
                .as("case IDs found (the README's audit examples at least)")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(invalid).isEmpty();
    }
}
