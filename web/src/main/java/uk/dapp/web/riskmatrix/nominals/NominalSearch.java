package uk.dapp.web.riskmatrix.nominals;

/** The nominal search (a GET form), named as the API names its query. */
public class NominalSearch {

    private String name;
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
