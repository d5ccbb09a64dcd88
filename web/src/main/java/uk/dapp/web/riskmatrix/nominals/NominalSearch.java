package uk.dapp.web.riskmatrix.nominals;

import uk.dapp.web.forms.DateInput;

/** The nominal search (a GET form), named as the API names its query. */
public class NominalSearch {

    private String name;
    private DateInput dateOfBirth = new DateInput();
    private String identifier;
    private String area;
    private int page;

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = trimmed(name);
    }

    public DateInput getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(DateInput dateOfBirth) {
        this.dateOfBirth = dateOfBirth == null ? new DateInput() : dateOfBirth;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = trimmed(identifier);
    }

    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = trimmed(area);
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
