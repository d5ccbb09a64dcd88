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
 * Every case ID the documents and contracts show as an example passes its own check: a newcomer
 * who copies one from the README, an ADR or a contract gets an answer, not a 400.
 */
class DocumentedCaseIdsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern GROUPED = Pattern.compile("(?<![0-9A-Za-z-])[0-9A-Z]{6}-[0-9A-Z]{6}-[0-9A-Z]{6}(?![0-9A-Za-z-])");

    @Test
    void everyCaseIdInTheDocumentsAndContractsIsValid() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("dapp")));
        for (String folder : List.of("docs", "api-specs/src/main/resources/openapi", "k8s")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
                files.filter(file -> file.toString().endsWith(".md") || file.toString().endsWith(".yaml"))
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
        assertThat(found).as("case IDs found (the README's audit examples at least)").hasSizeGreaterThanOrEqualTo(3);
        assertThat(invalid).isEmpty();
    }
}
