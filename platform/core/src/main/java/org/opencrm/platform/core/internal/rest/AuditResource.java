package org.opencrm.platform.core.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.audit.AuditEntry;
import org.opencrm.platform.api.audit.AuditQuery;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * /api/v1/audit?actor=&recordType=&recordId=&action=&from=&to= (dates as yyyy-MM-dd or ISO instants) and
 * /api/v1/audit/{recordType}/{recordId}: who changed what, when, and to what — the entries of records inside the caller's
 * data scope (HQ reads everything).
 */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final AuditTrail audit;
    private final BusinessClock clock;

    @Activate
    public AuditResource(@Reference AuditTrail audit, @Reference BusinessClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    @ApiDoc(value = "searchAudit", summary = "Search the audit trail", description = "from and to: a date (yyyy-MM-dd, in the business time zone) or an ISO-8601 instant.")
    public Page<AuditEntry> search(@QueryParam("actor") String actor, @QueryParam("recordType") String type, @QueryParam("recordId") String id,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        user.require("core.audit.read");
        PageRequest page = PageRequest.of(null, offset, limit);
        return audit.search(user, new AuditQuery(actor, type, id, action, instant("from", from, false), instant("to", to, true)), page.offset(), page.limit());
    }

    /** A date means its start in the business time zone; as the exclusive upper bound it means the end of that day. */
    private Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate d = LocalDate.parse(value);
                return endOfDay ? clock.endOf(d) : clock.startOf(d);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a date (yyyy-MM-dd) or an ISO-8601 instant, got '" + value + "'", "notADateOrInstant", field, value);
        }
    }

    @GET
    @Path("{recordType}/{recordId}")
    @ApiDoc(value = "getRecordAudit", summary = "The audit trail of one record")
    public Page<AuditEntry> forRecord(@PathParam("recordType") String type, @PathParam("recordId") String id,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        user.require("core.audit.read");
        PageRequest page = PageRequest.of(null, offset, limit);
        return audit.forRecord(user, type, id, page.offset(), page.limit());
    }
}
