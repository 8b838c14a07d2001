package org.opencrm.module.membership.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.opencrm.module.membership.internal.service.InsufficientBalanceException;

/**
 * A till answer: the result, or for too few points / too little stored value the platform's 409 error body with the
 * balance added ({"error","message","field","pointsBalance"} or {..., "valueBalance","currency"}).
 */
final class Replies {
    private Replies() {
    }

    static Response till(Supplier<Object> call) {
        try {
            return Response.ok(call.get(), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (InsufficientBalanceException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.code());
            body.put("message", e.getMessage());
            body.put("field", e.field());
            if (e.valueBalance() != null) {
                body.put("valueBalance", e.valueBalance());
                body.put("currency", "CNY");
            } else {
                body.put("pointsBalance", e.pointsBalance());
            }
            return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }
}
