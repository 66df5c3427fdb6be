package com.housecall.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The field paths of each event type that operators may see, derived from {@link OperatorVisible} on the payload
 * records: {@code field}, {@code object.field}, {@code list[].field}, {@code list[]} (a list of scalars).
 */
public final class OperatorView {

    private static final Map<String, Set<String>> BY_TYPE = EventCatalog.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalog.Entry::type, entry -> paths(entry.payload())));

    private OperatorView() {
    }

    /** The visible paths of a type; none for a type the catalogue does not know. */
    public static Set<String> paths(String type) {
        return BY_TYPE.getOrDefault(type, Set.of());
    }

    static Set<String> paths(Class<? extends ConsultationEvent> payload) {
        Set<String> paths = new TreeSet<>(Set.of("consultationId"));
        paths.addAll(visible(payload, ""));
        return Set.copyOf(paths);
    }

    private static Set<String> visible(Class<?> record, String prefix) {
        Set<String> paths = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (!component.isAnnotationPresent(OperatorVisible.class)) {
                continue;
            }
            String path = prefix + component.getName();
            Class<?> type = component.getType();
            if (List.class.isAssignableFrom(type)) {
                Class<?> element = elementType(component.getGenericType());
                if (element.isRecord()) {
                    paths.addAll(visible(element, path + "[]."));
                } else {
                    paths.add(path + "[]");
                }
            } else if (type.isRecord()) {
                paths.addAll(visible(type, path + "."));
            } else {
                paths.add(path);
            }
        }
        return paths;
    }

    private static Class<?> elementType(Type list) {
        if (list instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new IllegalStateException("A visible list needs its element type");
    }
}
