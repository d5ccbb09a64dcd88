package uk.dapp.riskmatrix.nominal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What to search nominals by; each part optional, all given parts must match. */
public record NominalSearch(
        String nameFragment, LocalDate dateOfBirth, String identifier, String area, Boolean serial) {

    /** The search as the caller asked it, for the audit record (names what was asked, in a fixed order). */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (nameFragment != null) {
            parts.add("name=" + nameFragment.strip());
        }
        if (dateOfBirth != null) {
            parts.add("dateOfBirth=" + dateOfBirth);
        }
        if (identifier != null) {
            parts.add("identifier=" + identifier.strip());
        }
        if (area != null) {
            parts.add("area=" + area.strip());
        }
        if (serial != null) {
            parts.add("serial=" + serial);
        }
        return String.join("&", parts);
    }
}
