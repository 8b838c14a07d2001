package org.opencrm.platform.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ext.ParamConverter;
import javax.ws.rs.ext.ParamConverterProvider;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.rest.QueryParams;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Whole-number parameters ({@code Integer}, {@code int}, {@code Long}, {@code long}) of every resource, core and module:
 * a value that is not one ({@code limit=abc}, {@code accountId=1e3}, an id beyond the range) is a 400 naming the
 * parameter. JAX-RS itself answers a bare 404 for a query or path parameter it cannot convert.
 */
@Component(service = ParamConverterProvider.class)
@JaxrsExtension
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        boolean isLong = rawType == Long.class || rawType == long.class;
        boolean isInt = rawType == Integer.class || rawType == int.class;
        if (!isLong && !isInt) {
            return null;
        }
        String name = name(annotations);
        boolean primitive = rawType.isPrimitive();
        return (ParamConverter<T>) new ParamConverter<Object>() {
            @Override
            public Object fromString(String value) {
                if (value == null || value.isBlank()) {
                    if (primitive) {
                        throw new InvalidInputException(name, name + " is required", "required");
                    }
                    return null;
                }
                Long n = QueryParams.number(name, value);
                if (isLong) {
                    return n;
                }
                if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                    throw new InvalidInputException(name, "'" + value + "' is out of range for " + name, "outOfRange", value);
                }
                return n.intValue();
            }

            @Override
            public String toString(Object value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** The parameter's name from its JAX-RS annotation ("value" when it has none). */
    static String name(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
                if (a instanceof PathParam p) {
                    return p.value();
                }
                if (a instanceof HeaderParam h) {
                    return h.value();
                }
                if (a instanceof FormParam f) {
                    return f.value();
                }
                if (a instanceof MatrixParam m) {
                    return m.value();
                }
                if (a instanceof CookieParam c) {
                    return c.value();
                }
            }
        }
        return "value";
    }
}
