package com.housecall.screening;

import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** A list's {@code page} (0-based) and {@code size} (1-100, default 20) as CONTRACT.md section 3 reads them. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Both parameters checked together: one 400 names each bad one. */
    public static Paging of(String page, String size) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageNumber = number(page, 0, Integer.MAX_VALUE / MAX_SIZE, "page", problems);
        int pageSize = number(size, 1, MAX_SIZE, "size", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Paging(pageNumber, pageSize);
    }

    public int offset() {
        return page * size;
    }

    private static int number(String text, int min, int max, String field, List<FieldProblem> problems) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "must be a whole number from " + min + " to " + max));
        return min;
    }
}
