package uk.dapp.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.InvalidCaseIdException;

/**
 * What an evaluator may never be shown (docs/domain/roles.md): a name, an exact date, free text or a
 * raw case ID. Each page's whole HTML (attributes, hidden fields and links included) is swept for
 * the identifying values of a known synthetic population, for anything that parses as a case ID,
 * and for a date to the day in any of the usual spellings, except the moment the page's figures
 * are as at (the snapshot it states, and its download link's {@code asOf}), which is no one's date.
 */
final class PrivacySweep {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{18,}");
    /**
     * The random values the app writes into every response: the CSRF token (the forms' hidden
     * {@code _csrf} inputs and the layout's {@code dapp-csrf} meta tag) and the CSP nonce. A run of 18
     * letters and digits inside one parses as a case ID about one time in 32 (the ID's check symbol),
     * so they are blanked before the case ID and date sweeps; they carry no case data.
     */
    private static final Pattern PER_RESPONSE_RANDOM =
            Pattern.compile("<(?:input|meta)\\b[^>]*\\bname=\"(?:_csrf|dapp-csrf)\"[^>]*>|\\bnonce=\"[^\"]*\"");

    private static final List<Pattern> DATES = List.of(
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}"),
            Pattern.compile("\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b"),
            Pattern.compile(
                    "\\b\\d{1,2}(st|nd|rd|th)? (January|February|March|April|May|June|July|August|September|October"
                            + "|November|December) \\d{4}\\b"));

    private final List<String> identifying;
    private final List<String> swept = new ArrayList<>();

    PrivacySweep(List<String> identifying) {
        this.identifying = List.copyOf(identifying);
    }

    /** Sweeps a page; {@code snapshots} are the texts that state the moment its figures are as at. */
    void page(String name, String html, List<String> snapshots) {
        for (String value : identifying) {
            assertThat(html).as("%s must not hold %s", name, value).doesNotContainIgnoringCase(value);
        }
        String withoutRandom = PER_RESPONSE_RANDOM.matcher(html).replaceAll("[per-response random]");
        Matcher tokens = TOKEN.matcher(withoutRandom);
        while (tokens.find()) {
            assertThat(isCaseId(tokens.group()))
                    .as("%s holds a case ID: %s", name, tokens.group())
                    .isFalse();
        }
        String withoutSnapshots = withoutRandom;
        for (String snapshot : snapshots) {
            withoutSnapshots = withoutSnapshots.replace(snapshot, "[the snapshot]");
        }
        for (Pattern date : DATES) {
            Matcher found = date.matcher(withoutSnapshots);
            assertThat(found.find())
                    .as("%s holds a date to the day: %s", name, found.find(0) ? found.group() : "")
                    .isFalse();
        }
        swept.add(name);
    }

    List<String> swept() {
        return List.copyOf(swept);
    }

    private static boolean isCaseId(String token) {
        try {
            CaseId.parse(token);
            return true;
        } catch (InvalidCaseIdException notOne) {
            return false;
        }
    }
}
