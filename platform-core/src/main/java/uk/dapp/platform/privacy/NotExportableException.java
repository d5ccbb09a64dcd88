package uk.dapp.platform.privacy;

import java.util.List;

/** A type was offered for export with a field that must never leave (or that nobody has labelled). */
public class NotExportableException extends IllegalArgumentException {

    private final transient Class<?> type;
    private final List<String> fields;

    public NotExportableException(Class<?> type, List<String> reasons, List<String> fields) {
        super(type.getName() + " may not be exported: " + String.join("; ", reasons));
        this.type = type;
        this.fields = List.copyOf(fields);
    }

    public Class<?> type() {
        return type;
    }

    /** The dotted paths of the offending fields, in declaration order. */
    public List<String> fields() {
        return fields;
    }
}
