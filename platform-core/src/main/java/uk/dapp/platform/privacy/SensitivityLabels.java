package uk.dapp.platform.privacy;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@link Sensitivity} labels of a type, and refuses types that may not be exported.
 *
 * <p>Records are read by component, other classes by their instance fields (inherited ones too).
 * Nested records are followed wherever they appear: as a component's type, an array's element or
 * a type argument ({@code List<Session>}, {@code Optional<Partner>}), so a label cannot be
 * escaped by wrapping. A type already being inspected further up the path is not entered again.
 */
public final class SensitivityLabels {

    private SensitivityLabels() {}

    /**
     * Every component or field of the type and of the records nested in it, in declaration order,
     * with its label (null when it has none).
     */
    public static List<LabelledField> fields(Class<?> type) {
        List<LabelledField> out = new ArrayList<>();
        walk(type, "", new ArrayDeque<>(), out);
        return List.copyOf(out);
    }

    /**
     * The dotted paths of the components and fields that carry no label. A component whose type is
     * a record is not listed itself (its own components are), because the label belongs on what
     * is actually written.
     */
    public static List<String> unlabelled(Class<?> type) {
        return fields(type).stream()
                .filter(f -> !f.labelled() && !f.nested())
                .map(LabelledField::path)
                .toList();
    }

    /**
     * Checks that the type may be written to an anonymised extract and returns its labelled leaf
     * fields (nested records are not listed themselves, their components are).
     *
     * @throws NotExportableException naming every field that is a direct identifier or free text,
     *     sits inside a nested record so labelled, or has no label at all (a field nobody has
     *     thought about is refused, not assumed safe)
     */
    public static List<LabelledField> exportable(Class<?> type) {
        List<LabelledField> all = fields(type);
        List<String> reasons = new ArrayList<>();
        Set<String> offending = new LinkedHashSet<>();
        List<String> refusedPrefixes = new ArrayList<>();
        for (LabelledField field : all) {
            String inside = refusedPrefixes.stream()
                    .filter(prefix -> field.path().startsWith(prefix + "."))
                    .findFirst()
                    .orElse(null);
            if (field.labelled() && !field.label().exportable()) {
                reasons.add(field.path() + " is " + field.label());
                offending.add(field.path());
                if (field.nested()) {
                    refusedPrefixes.add(field.path());
                }
            } else if (inside != null) {
                offending.add(field.path());
            } else if (!field.labelled() && !field.nested()) {
                reasons.add(field.path() + " has no sensitivity label");
                offending.add(field.path());
            }
        }
        if (!reasons.isEmpty()) {
            throw new NotExportableException(type, reasons, List.copyOf(offending));
        }
        return all.stream().filter(f -> !f.nested()).toList();
    }

    private static void walk(Class<?> type, String prefix, Deque<Class<?>> inProgress, List<LabelledField> out) {
        inProgress.push(type);
        for (Member member : members(type)) {
            String path = prefix + member.name();
            Sensitivity annotation = member.annotation();
            SensitivityLabel label = annotation == null ? null : annotation.value();
            List<Class<?>> nestedRecords = new ArrayList<>();
            collectRecords(member.genericType(), nestedRecords);
            boolean nested = !nestedRecords.isEmpty();
            out.add(new LabelledField(path, label, member.type(), nested));
            for (Class<?> record : nestedRecords) {
                if (!inProgress.contains(record)) {
                    walk(record, path + ".", inProgress, out);
                }
            }
        }
        inProgress.pop();
    }

    /** The records a declared type is made of: itself, an array's element, or its type arguments. */
    private static void collectRecords(Type type, List<Class<?>> out) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collectRecords(c.getComponentType(), out);
            } else if (c.isRecord() && !out.contains(c)) {
                out.add(c);
            }
        } else if (type instanceof ParameterizedType p) {
            collectRecords(p.getRawType(), out);
            for (Type argument : p.getActualTypeArguments()) {
                collectRecords(argument, out);
            }
        } else if (type instanceof GenericArrayType a) {
            collectRecords(a.getGenericComponentType(), out);
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collectRecords(bound, out);
            }
        }
    }

    private record Member(String name, Class<?> type, Type genericType, Sensitivity annotation) {}

    private static List<Member> members(Class<?> type) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                members.add(new Member(
                        component.getName(),
                        component.getType(),
                        component.getGenericType(),
                        component.getAnnotation(Sensitivity.class)));
            }
            return members;
        }
        // superclass fields first, so paths read in the order a reader of the class would meet them
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type;
                c != null && c != Object.class && !c.getName().startsWith("java.");
                c = c.getSuperclass()) {
            hierarchy.addFirst(c);
        }
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                    continue;
                }
                members.add(new Member(
                        field.getName(),
                        field.getType(),
                        field.getGenericType(),
                        field.getAnnotation(Sensitivity.class)));
            }
        }
        return members;
    }
}
