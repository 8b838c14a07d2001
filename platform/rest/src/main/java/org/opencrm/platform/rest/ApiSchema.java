package org.opencrm.platform.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds to the JSON schema that the OpenAPI document derives from a DTO record what its Java type does not say. The
 * properties themselves, their types and formats come from the record's components (a component of a primitive type
 * is always required).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiSchema {
    /** Properties a client must send (the server answers 400 naming the field without them). */
    String[] required() default {};

    /** Component name in the document when the simple class name is taken by another module's DTO. */
    String name() default "";

    String description() default "";
}
