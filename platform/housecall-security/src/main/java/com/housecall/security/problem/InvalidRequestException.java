package com.housecall.security.problem;

import java.util.List;

/** A request that breaks a rule bean validation cannot express; answered 400 with every field named. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidRequestException(List<FieldProblem> errors) {
        super("invalid request");
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
