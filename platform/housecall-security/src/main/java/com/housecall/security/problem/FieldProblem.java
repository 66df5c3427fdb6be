package com.housecall.security.problem;

/** One invalid field: a dotted path with indexes ({@code intake.phq9[8]}) and what is wrong, never its value. */
public record FieldProblem(String field, String message) {
}
