package uk.dapp.platform.privacy;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of an extract row type, flattened from its record components (nested records give
 * dotted names: {@code quasi.ageBand}). Made only for types that pass
 * {@link SensitivityLabels#exportable}, so a writer fed through it cannot be given an identifier,
 * free text or an unlabelled field.
 *
 * <p>Quasi-identifier columns may only come from a nested {@link ReleasedQuasiIdentifiers}, the
 * k-anonymity plan's output; one declared anywhere else is refused, because the plan never saw it.
 *
 * <p>Each column holds one plain value: text, a number, a boolean, an enum, a {@link YearMonth} or
 * a {@link Year}. Days and moments are refused (an extract dates things by month at the finest),
 * and so are lists, maps and optionals.
 */
public final class ExportColumns<T extends Record> {

    private static final MethodType OBJECT_TO_OBJECT = MethodType.methodType(Object.class, Object.class);

    private final Class<T> type;
    private final List<String> names;
    private final List<SensitivityLabel> labels;
    // method handles rather than Method.invoke: an extract reads every column of every row through them
    private final List<MethodHandle[]> paths;

    private ExportColumns(
            Class<T> type, List<String> names, List<SensitivityLabel> labels, List<MethodHandle[]> paths) {
        this.type = type;
        this.names = List.copyOf(names);
        this.labels = List.copyOf(labels);
        this.paths = List.copyOf(paths);
    }

    /**
     * @throws NotExportableException when a field may not be exported or is not a plain value
     */
    public static <T extends Record> ExportColumns<T> of(Class<T> type) {
        List<LabelledField> leaves = SensitivityLabels.exportable(type);
        List<String> names = new ArrayList<>();
        List<SensitivityLabel> labels = new ArrayList<>();
        List<MethodHandle[]> paths = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (LabelledField leaf : leaves) {
            Method[] path = accessors(type, leaf.path());
            if (path == null) {
                refusals.add(leaf.path() + " is inside a list, map or optional");
                refused.add(leaf.path());
            } else if (leaf.label() == SensitivityLabel.QUASI_IDENTIFIER
                    && path[path.length - 1].getDeclaringClass() != ReleasedQuasiIdentifiers.class) {
                // only the plan's output has been through k-anonymity; any other one would bypass it
                refusals.add(leaf.path() + " is a quasi-identifier outside ReleasedQuasiIdentifiers, "
                        + "so the k-anonymity plan would not cover it");
                refused.add(leaf.path());
            } else if (!plain(leaf.type())) {
                refusals.add(leaf.path() + " is a " + leaf.type().getSimpleName()
                        + ", not one plain value by month at the finest");
                refused.add(leaf.path());
            } else {
                names.add(leaf.path());
                labels.add(leaf.label());
                paths.add(handles(path));
            }
        }
        if (!refusals.isEmpty()) {
            throw new NotExportableException(type, refusals, refused);
        }
        return new ExportColumns<>(type, names, labels, paths);
    }

    public Class<T> type() {
        return type;
    }

    public List<String> names() {
        return names;
    }

    /** The label of each column, in column order. */
    public List<SensitivityLabel> labels() {
        return labels;
    }

    /** A row's values in column order; every column under a null nested record is null. */
    public List<Object> values(T row) {
        Object[] values = new Object[paths.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = row;
            for (MethodHandle accessor : paths.get(i)) {
                if (value == null) {
                    break;
                }
                value = invoke(accessor, value);
            }
            values[i] = value;
        }
        return Arrays.asList(values);
    }

    /** Writes one row through the writer, whose columns must be these. */
    public void write(RowWriter writer, T row) {
        writer.writeRow(values(row));
    }

    private static boolean plain(Class<?> type) {
        return type.isPrimitive()
                || type == String.class
                || Number.class.isAssignableFrom(type)
                || type == Boolean.class
                || type.isEnum()
                || type == YearMonth.class
                || type == Year.class;
    }

    /** The accessors from the row to a leaf, or null when the path crosses anything but a record. */
    private static Method[] accessors(Class<?> root, String dottedPath) {
        String[] steps = dottedPath.split("\\.");
        Method[] path = new Method[steps.length];
        Class<?> current = root;
        for (int i = 0; i < steps.length; i++) {
            if (current == null || !current.isRecord()) {
                return null;
            }
            RecordComponent found = null;
            for (RecordComponent component : current.getRecordComponents()) {
                if (component.getName().equals(steps[i])) {
                    found = component;
                }
            }
            if (found == null) {
                return null;
            }
            Method accessor = found.getAccessor();
            // rows are often package-private records in a service
            accessor.setAccessible(true);
            path[i] = accessor;
            current = i + 1 < steps.length ? found.getType() : null;
        }
        return path;
    }

    /** Each accessor as a handle from Object to Object. */
    private static MethodHandle[] handles(Method[] path) {
        MethodHandle[] handles = new MethodHandle[path.length];
        for (int i = 0; i < path.length; i++) {
            try {
                handles[i] = MethodHandles.lookup().unreflect(path[i]).asType(OBJECT_TO_OBJECT);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + path[i], e);
            }
        }
        return handles;
    }

    private static Object invoke(MethodHandle accessor, Object target) {
        try {
            return (Object) accessor.invokeExact(target);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("reading a column failed", e);
        }
    }
}
