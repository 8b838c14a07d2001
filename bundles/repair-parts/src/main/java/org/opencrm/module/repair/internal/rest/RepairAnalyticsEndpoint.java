package org.opencrm.module.repair.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.module.repair.internal.dto.FaultReport;
import org.opencrm.module.repair.internal.service.RepairAnalytics;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.opencrm.platform.rest.QueryParams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/repair-analytics: faults by model × fault code × part, top failing parts, repair rates; CSV export. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class RepairAnalyticsEndpoint implements ModuleEndpoint {
    private final RepairAnalytics analytics;

    @Activate
    public RepairAnalyticsEndpoint(@Reference RepairAnalytics analytics) {
        this.analytics = analytics;
    }

    @Override
    public String path() {
        return "repair-analytics";
    }

    /** ?from= &to= (yyyy-MM-dd, default the last 90 days) &top= (default 10) */
    @GET
    @ApiDoc(value = "getFaultReport", summary = "Faults by model, fault code and part; top failing parts; repair rates", params = { @ApiDoc.Param(name = "from", type = java.time.LocalDate.class, description = "default: 90 days ago"), @ApiDoc.Param(name = "to", type = java.time.LocalDate.class), @ApiDoc.Param(name = "top", type = Integer.class, description = "default 10") })
    public FaultReport report(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("top") String top, @Context SecurityContext sc) {
        Long n = QueryParams.number("top", top);
        return analytics.report(RestSupport.user(sc), QueryParams.date("from", from), QueryParams.date("to", to), n == null ? null : (int) Math.min(n, Integer.MAX_VALUE));
    }

    /** ?kind=faults|parts|rates &from= &to= : a CSV file */
    @GET
    @Path("csv")
    @Produces("text/csv")
    @ApiDoc(value = "exportFaultReport", summary = "The fault report as CSV", returns = String.class, params = { @ApiDoc.Param(name = "from", type = java.time.LocalDate.class), @ApiDoc.Param(name = "to", type = java.time.LocalDate.class) })
    public Response csv(@QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to, @Context SecurityContext sc) {
        String csv = analytics.csv(RestSupport.user(sc), QueryParams.date("from", from), QueryParams.date("to", to), kind);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"repair-" + (kind == null ? "faults" : kind) + ".csv\"").build();
    }
}
