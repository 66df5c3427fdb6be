package com.housecall.messaging;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps a row to a record, a snake_case column to its camelCase component: {@code .query(RecordRows.of(Row.class))}.
 * Not {@code .query(Row.class)}: Spring's mapper looks each camelCase name up first and catches the driver's
 * exception, and H2 writes every such exception to its trace file, stack and all. Under load that was 8% of
 * booking's CPU (issue 14, JFR).
 */
public final class RecordRows<T extends Record> implements RowMapper<T> {

    private final Constructor<T> constructor;
    private final String[] names;
    private final TypeDescriptor[] types;
    private final ConversionService conversions = DefaultConversionService.getSharedInstance();

    private RecordRows(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record has its canonical constructor", e);
        }
        names = Arrays.stream(components).map(component -> normalised(component.getName())).toArray(String[]::new);
        types = new TypeDescriptor[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = new TypeDescriptor(MethodParameter.forExecutable(constructor, i));
        }
    }

    public static <T extends Record> RecordRows<T> of(Class<T> type) {
        return new RecordRows<>(type);
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        ResultSetMetaData metadata = rs.getMetaData();
        Map<String, Integer> columns = new HashMap<>();
        for (int column = metadata.getColumnCount(); column >= 1; column--) {
            columns.put(normalised(JdbcUtils.lookupColumnName(metadata, column)), column);
        }
        Object[] args = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            Integer column = columns.get(names[i]);
            if (column == null) {
                throw new IllegalStateException("No column for " + names[i] + " in the query's result");
            }
            Object value = JdbcUtils.getResultSetValue(rs, column, types[i].getObjectType());
            args[i] = conversions.convert(value, types[i]);
        }
        return BeanUtils.instantiateClass(constructor, args);
    }

    /** {@code event_id}, {@code EVENT_ID} and {@code eventId} are one name. */
    private static String normalised(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
