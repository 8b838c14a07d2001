package org.opencrm.platform.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.InvalidInputException;

class ParamConvertersTest {
    @SuppressWarnings("unused")
    private void resource(@QueryParam("limit") Integer limit, @QueryParam("accountId") Long accountId, @PathParam("id") long id) {
    }

    private static Annotation[] annotationsOf(int parameter) throws NoSuchMethodException {
        Method m = ParamConvertersTest.class.getDeclaredMethod("resource", Integer.class, Long.class, long.class);
        return m.getParameterAnnotations()[parameter];
    }

    @Test
    void aBadWholeNumberIsA400NamingTheParameter() throws Exception {
        ParamConverters provider = new ParamConverters();
        ParamConverter<Integer> limit = provider.getConverter(Integer.class, Integer.class, annotationsOf(0));
        assertEquals(50, limit.fromString("50"));
        assertNull(limit.fromString(""));
        assertEquals("limit", assertThrows(InvalidInputException.class, () -> limit.fromString("abc")).field());
        assertEquals("limit", assertThrows(InvalidInputException.class, () -> limit.fromString("99999999999")).field());
        ParamConverter<Long> account = provider.getConverter(Long.class, Long.class, annotationsOf(1));
        assertEquals(1000L, account.fromString("1000"));
        assertEquals("accountId", assertThrows(InvalidInputException.class, () -> account.fromString("1e3")).field());
        ParamConverter<Long> id = provider.getConverter(long.class, long.class, annotationsOf(2));
        assertEquals("id", assertThrows(InvalidInputException.class, () -> id.fromString("99999999999999999999")).field());
        assertEquals("id", assertThrows(InvalidInputException.class, () -> id.fromString("")).field());
        assertNull(provider.getConverter(String.class, String.class, annotationsOf(0)), "text stays JAX-RS's");
    }
}
