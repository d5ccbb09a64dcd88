package uk.dapp.web.outcomes.extract;

/**
 * The extract's choices, named as the API's query ({@code GET /api/outcomes/extract}): the format
 * (csv or json) and k, the smallest group a released row may be in (empty: the partnership's
 * setting, which the gateway lets an evaluator raise but not lower).
 */
public class ExtractForm {

    private String format = "csv";
    private Integer k;

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format == null || format.isBlank() ? null : format.strip();
    }

    public Integer getK() {
        return k;
    }

    public void setK(Integer k) {
        this.k = k;
    }
}
