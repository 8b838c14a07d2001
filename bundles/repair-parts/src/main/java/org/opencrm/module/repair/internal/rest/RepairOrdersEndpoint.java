package org.opencrm.module.repair.internal.rest;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.module.repair.internal.dto.ApprovalInput;
import org.opencrm.module.repair.internal.dto.Diagnosis;
import org.opencrm.module.repair.internal.dto.FaultCodeData;
import org.opencrm.module.repair.internal.dto.NewRepairOrder;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.QuoteDecision;
import org.opencrm.module.repair.internal.dto.QuoteInput;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.RepairOrderSearch;
import org.opencrm.module.repair.internal.dto.ReplacementData;
import org.opencrm.module.repair.internal.dto.ReplacementInput;
import org.opencrm.module.repair.internal.dto.StatusChange;
import org.opencrm.module.repair.internal.service.FaultCodeService;
import org.opencrm.module.repair.internal.service.Records;
import org.opencrm.module.repair.internal.service.RepairContext;
import org.opencrm.module.repair.internal.service.RepairOrderService;
import org.opencrm.module.repair.internal.service.RepairPrintouts;
import org.opencrm.module.repair.internal.service.ReplacementService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.pdf.PdfDocuments;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.opencrm.platform.rest.QueryParams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * /api/v1/repair-orders: receipt, the steps, diagnosis, dispatch, quotes, part replacement requests and their
 * approval (the HQ inbox is GET /repair-orders/replacements?inWarranty=true), and the fault-code catalogue.
 */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class RepairOrdersEndpoint implements ModuleEndpoint {
    private final RepairOrderService orders;
    private final ReplacementService replacements;
    private final FaultCodeService faultCodes;
    private final RepairContext ctx;
    /** The platform's PDF service (crm-platform-pdf, which the module's feature installs); without it the printouts are 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PdfDocuments pdfs;

    @Activate
    public RepairOrdersEndpoint(@Reference RepairOrderService orders, @Reference ReplacementService replacements, @Reference FaultCodeService faultCodes,
            @Reference RepairContext ctx) {
        this.ctx = ctx;
        this.orders = orders;
        this.replacements = replacements;
        this.faultCodes = faultCodes;
    }

    @Override
    public String path() {
        return "repair-orders";
    }

    /** ?q= (RO number or IMEI prefix) &status= &centreAccountId= &contactId= &imei= &technician= &offset= &limit= */
    @GET
    @ApiDoc(value = "searchRepairOrders", params = { @ApiDoc.Param(name = "centreAccountId", type = Long.class), @ApiDoc.Param(name = "contactId", type = Long.class) })
    public Page<RepairOrderData> search(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("centreAccountId") String centre,
            @QueryParam("contactId") String contact, @QueryParam("imei") String imei, @QueryParam("technician") String technician,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return orders.search(RestSupport.user(sc), new RepairOrderSearch(null, status, QueryParams.number("centreAccountId", centre),
                QueryParams.number("contactId", contact), imei, technician), PageRequest.of(q, offset, limit));
    }

    /** A device received: {serviceRequestId?, contactId, centreAccountId, imei | serialNumber, modelCode?, symptom, inWarranty (without the registry), warrantyNote?, technician?} */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "receiveRepairOrder", status = 201, returns = RepairOrderData.class, summary = "Receive a device for repair (opens a repair order)")
    public Response receive(NewRepairOrder body, @Context SecurityContext sc) {
        return Response.status(201).entity(orders.receive(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("{id}")
    @ApiDoc(value = "getRepairOrder", summary = "A repair order by id or number (RO...)")
    public RepairOrderData get(@PathParam("id") String id, @Context SecurityContext sc) {
        return orders.get(RestSupport.user(sc), Records.requireNumber("RO", "id", id));
    }

    @GET
    @Path("{id}/receipt.pdf")
    @Produces("application/pdf")
    @ApiDoc(value = "getRepairIntakeReceipt", summary = "The intake receipt (接修单) of a repair order as PDF, in the language of ?lang=zh-CN|en, else of Accept-Language (English by default)")
    public Response receipt(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context SecurityContext sc) {
        return pdf(id, lang, headers, sc, false);
    }

    @GET
    @Path("{id}/pickup.pdf")
    @Produces("application/pdf")
    @ApiDoc(value = "getRepairPickupSlip", summary = "The pickup slip (取机单) of a repair order that is READY or RETURNED, as PDF, in the language of ?lang=zh-CN|en, else of Accept-Language (English by default)")
    public Response pickup(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context SecurityContext sc) {
        return pdf(id, lang, headers, sc, true);
    }

    /** A printed paper in the reader's language (?lang=, else Accept-Language, English by default); 503 without crm-platform-pdf. */
    private Response pdf(String id, String lang, HttpHeaders headers, SecurityContext sc, boolean pickup) {
        PdfDocuments documents = RestSupport.installed(pdfs, "crm-platform-pdf");
        long orderId = Records.requireNumber("RO", "id", id);
        Locale locale = RestSupport.language(lang, headers);
        RepairPrintouts printouts = new RepairPrintouts(ctx, orders, replacements, faultCodes, documents);
        byte[] pdf = pickup ? printouts.pickupSlip(RestSupport.user(sc), orderId, locale) : printouts.intakeReceipt(RestSupport.user(sc), orderId, locale);
        return RestSupport.document(pdf, "application/pdf", Records.number("RO", orderId) + (pickup ? "-pickup" : "-receipt") + ".pdf");
    }

    /** {faultCode, cause?, faultyPartNumber?, technician?, note?} */
    @POST
    @Path("{id}/diagnosis")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("diagnoseRepairOrder")
    public RepairOrderData diagnose(@PathParam("id") String id, Diagnosis body, @Context SecurityContext sc) {
        return orders.diagnose(RestSupport.user(sc), Records.requireNumber("RO", "id", id), RestSupport.body(body));
    }

    /** {status, note?}: WAITING_FOR_PARTS, REPAIRING, QUALITY_CHECK, READY, RETURNED, CANCELLED */
    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "moveRepairOrder", summary = "Move a repair order to its next step")
    public RepairOrderData move(@PathParam("id") String id, StatusChange body, @Context SecurityContext sc) {
        return orders.move(RestSupport.user(sc), Records.requireNumber("RO", "id", id), body);
    }

    /** {note: the technician's username} */
    @PUT
    @Path("{id}/technician")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("assignRepairTechnician")
    public RepairOrderData dispatch(@PathParam("id") String id, NoteInput body, @Context SecurityContext sc) {
        return orders.assignTechnician(RestSupport.user(sc), Records.requireNumber("RO", "id", id), body == null ? null : body.note());
    }

    /** {parts, labour} in CNY */
    @POST
    @Path("{id}/quote")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("quoteRepairOrder")
    public RepairOrderData quote(@PathParam("id") String id, QuoteInput body, @Context SecurityContext sc) {
        return orders.quote(RestSupport.user(sc), Records.requireNumber("RO", "id", id), RestSupport.body(body));
    }

    /** {accepted, note?} */
    @POST
    @Path("{id}/quote/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "decideRepairQuote", summary = "Record the customer's decision on a quote")
    public RepairOrderData decide(@PathParam("id") String id, QuoteDecision body, @Context SecurityContext sc) {
        return orders.decideQuote(RestSupport.user(sc), Records.requireNumber("RO", "id", id), body);
    }

    @GET
    @Path("{id}/replacements")
    @ApiDoc("listRepairOrderReplacements")
    public Page<ReplacementData> replacementsOf(@PathParam("id") String id, @Context SecurityContext sc) {
        return Page.of(replacements.forOrder(RestSupport.user(sc), Records.requireNumber("RO", "id", id)));
    }

    /** {partNumber, quantity?, note?, removedSerial?} (the serial of the faulty part the centre takes out) */
    @POST
    @Path("{id}/replacements")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "requestReplacementPart", status = 201, returns = ReplacementData.class)
    public Response requestPart(@PathParam("id") String id, ReplacementInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(replacements.request(RestSupport.user(sc), Records.requireNumber("RO", "id", id), RestSupport.body(body))).build();
    }

    /** ?status= (default PENDING) &inWarranty= : the approval inbox */
    @GET
    @Path("replacements")
    @ApiDoc(value = "listReplacementRequests", summary = "Part replacement requests (the approval inbox)", params = { @ApiDoc.Param(name = "inWarranty", type = Boolean.class), @ApiDoc.Param(name = "status", type = org.opencrm.module.repair.internal.model.ReplacementStatus.class, description = "default PENDING") })
    public Page<ReplacementData> replacements(@QueryParam("status") String status, @QueryParam("inWarranty") String inWarranty,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return replacements.search(RestSupport.user(sc), status, QueryParams.flag("inWarranty", inWarranty), PageRequest.of(null, offset, limit));
    }

    @GET
    @Path("replacements/{rid}")
    @ApiDoc("getReplacementRequest")
    public ReplacementData replacement(@PathParam("rid") long id, @Context SecurityContext sc) {
        return replacements.get(RestSupport.user(sc), id);
    }

    /** {removedSerial?, fittedSerial?, note?}: in warranty repair.approve, else repair.write; removedSerial when the request had none */
    @POST
    @Path("replacements/{rid}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("approveReplacementRequest")
    public ReplacementData approve(@PathParam("rid") long id, ApprovalInput body, @Context SecurityContext sc) {
        return replacements.approve(RestSupport.user(sc), id, body);
    }

    /** {note: the reason} */
    @POST
    @Path("replacements/{rid}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("rejectReplacementRequest")
    public ReplacementData reject(@PathParam("rid") long id, NoteInput body, @Context SecurityContext sc) {
        return replacements.reject(RestSupport.user(sc), id, body);
    }

    /** ?active=true for a diagnosis form */
    @GET
    @Path("fault-codes")
    @ApiDoc(value = "listFaultCodes", params = @ApiDoc.Param(name = "active", type = Boolean.class, description = "true: only active codes"))
    public Page<FaultCodeData> faultCodes(@QueryParam("active") String active, @Context SecurityContext sc) {
        return Page.of(faultCodes.list(RestSupport.user(sc), Boolean.TRUE.equals(QueryParams.flag("active", active))));
    }

    /** {code, description (English), descriptionZh? (Chinese), active?}: adds a code or changes it (repair.admin) */
    @PUT
    @Path("fault-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "saveFaultCode", summary = "Add or change a fault code")
    public FaultCodeData saveFaultCode(FaultCodeData body, @Context SecurityContext sc) {
        return faultCodes.save(RestSupport.user(sc), RestSupport.body(body));
    }

    /** Whether the handset registry decides warranties right now. */
    @GET
    @Path("registry")
    @ApiDoc(value = "getHandsetRegistryPresence", summary = "Whether the handset registry decides warranties right now")
    public java.util.Map<String, Boolean> registry(@Context SecurityContext sc) {
        RestSupport.user(sc).require(org.opencrm.module.repair.internal.RepairModule.READ);
        return java.util.Map.of("present", orders.registryPresent());
    }
}
