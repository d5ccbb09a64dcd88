package uk.dapp.partnersupport.track;

/** The three divisions of GOV.UK's bank holidays data, under the keys it uses. */
public enum BankHolidayDivision {
    ENGLAND_AND_WALES("england-and-wales"),
    SCOTLAND("scotland"),
    NORTHERN_IRELAND("northern-ireland");

    private final String key;

    BankHolidayDivision(String key) {
        this.key = key;
    }

    /** The division's key in the data ({@code england-and-wales}), also how it is configured. */
    public String key() {
        return key;
    }
}
