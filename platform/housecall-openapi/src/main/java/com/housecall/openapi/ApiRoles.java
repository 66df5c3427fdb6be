package com.housecall.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The realm roles (CONTRACT.md section 2) that may call a route. The document lists them as the route's bearer
 * security requirement (OpenAPI 3.1 lets a non-OAuth scheme name roles there) and in its description. The rules
 * themselves stay in the service's security chain; the document tests compare the two lists.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiRoles {

    /** Role names, as in {@link com.housecall.security.Roles}. */
    String[] value();

    /** Whose records each role reaches, when not all: "a patient their own consultations". */
    String ownership() default "";
}
