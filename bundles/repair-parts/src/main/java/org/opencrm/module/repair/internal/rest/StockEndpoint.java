package org.opencrm.module.repair.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.module.repair.internal.dto.MovementData;
import org.opencrm.module.repair.internal.dto.StockInput;
import org.opencrm.module.repair.internal.dto.StockLevel;
import org.opencrm.module.repair.internal.dto.TransferData;
import org.opencrm.module.repair.internal.dto.TransferInput;
import org.opencrm.module.repair.internal.dto.WarehouseData;
import org.opencrm.module.repair.internal.dto.WarehouseInput;
import org.opencrm.module.repair.internal.service.StockService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.opencrm.platform.rest.QueryParams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/stock: warehouses, quantities, the ledger, receipts, returns to the shelf, adjustments and transfers. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class StockEndpoint implements ModuleEndpoint {
    private final StockService stock;

    @Activate
    public StockEndpoint(@Reference StockService stock) {
        this.stock = stock;
    }

    @Override
    public String path() {
        return "stock";
    }

    /** Quantities in scope: ?warehouseId= &q= (part number prefix) &offset= &limit= */
    @GET
    @ApiDoc(value = "listStockLevels", description = "q: a part number prefix.", params = @ApiDoc.Param(name = "warehouseId", type = Long.class))
    public Page<StockLevel> levels(@QueryParam("warehouseId") String warehouseId, @QueryParam("q") String q, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return stock.levels(RestSupport.user(sc), QueryParams.number("warehouseId", warehouseId), PageRequest.of(q, offset, limit));
    }

    @GET
    @Path("warehouses")
    @ApiDoc("listWarehouses")
    public Page<WarehouseData> warehouses(@Context SecurityContext sc) {
        return Page.of(stock.warehouses(RestSupport.user(sc)));
    }

    /** {code, name, kind: HQ | REGIONAL | CENTRE, accountId, supplierId?} (repair.admin) */
    @POST
    @Path("warehouses")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createWarehouse", status = 201, returns = WarehouseData.class)
    public Response createWarehouse(WarehouseInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(stock.createWarehouse(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("warehouses/{id}")
    @ApiDoc("getWarehouse")
    public WarehouseData warehouse(@PathParam("id") long id, @Context SecurityContext sc) {
        return stock.warehouse(RestSupport.user(sc), id);
    }

    /** The ledger of a warehouse, newest first: ?partNumber= &offset= &limit= */
    @GET
    @Path("warehouses/{id}/movements")
    @ApiDoc(value = "listStockMovements", summary = "A warehouse's stock ledger, newest first")
    public Page<MovementData> movements(@PathParam("id") long id, @QueryParam("partNumber") String partNumber, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return stock.movements(RestSupport.user(sc), id, partNumber, PageRequest.of(null, offset, limit));
    }

    /** The warehouse of a service centre (created on first use). */
    @GET
    @Path("centres/{accountId}")
    @ApiDoc(value = "getCentreWarehouse", summary = "The warehouse of a service centre (created on first use)")
    public WarehouseData centre(@PathParam("accountId") long accountId, @Context SecurityContext sc) {
        return stock.centreWarehouse(RestSupport.user(sc), accountId);
    }

    /** {warehouseId, partNumber, quantity, note?} goods in (repair.stock) */
    @POST
    @Path("receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "receiveStock", status = 201, returns = MovementData.class, summary = "Goods in")
    public Response receipt(StockInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(stock.receive(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    /** {warehouseId, partNumber, quantity, note?} an unused part back on the shelf (repair.write) */
    @POST
    @Path("returns")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "returnStockToShelf", status = 201, returns = MovementData.class, summary = "An unused part back on the shelf")
    public Response returned(StockInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(stock.returnToShelf(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    /** {warehouseId, partNumber, quantity (±), note: the reason} (repair.stock) */
    @POST
    @Path("adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "adjustStock", status = 201, returns = MovementData.class)
    public Response adjustment(StockInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(stock.adjust(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    /** {fromWarehouseId, toWarehouseId, partNumber, quantity, note?} both legs at once (repair.stock) */
    @POST
    @Path("transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "transferStock", status = 201, returns = TransferData.class, summary = "Transfer stock between warehouses (both legs at once)")
    public Response transfer(TransferInput body, @Context SecurityContext sc) {
        TransferData t = stock.transfer(RestSupport.user(sc), RestSupport.body(body));
        return Response.status(201).entity(t).build();
    }
}
