package org.opencrm.module.handset.internal.rest;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.ExchangeRequest;
import org.opencrm.module.handset.internal.dto.ExchangeResult;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.dto.HistoryEntry;
import org.opencrm.module.handset.internal.dto.ImportReport;
import org.opencrm.module.handset.internal.dto.RegisterRequest;
import org.opencrm.module.handset.internal.dto.ReturnRequest;
import org.opencrm.module.handset.internal.dto.SaleRequest;
import org.opencrm.module.handset.internal.dto.SearchCriteria;
import org.opencrm.module.handset.internal.dto.StatusRequest;
import org.opencrm.module.handset.internal.dto.TransferRequest;
import org.opencrm.module.handset.internal.service.CardImporter;
import org.opencrm.module.handset.internal.service.HandsetService;
import org.opencrm.module.handset.internal.service.SaleService;
import org.opencrm.module.handset.internal.service.WarrantyCardPrint;
import org.opencrm.module.handset.internal.service.WarrantyPolicy;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.csv.ImportLimits;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.pdf.PdfDocuments;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.QueryParams;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * /api/v1/handsets: units, their warranty cards and their life (sale, return, exchange, transfer, status), history,
 * CSV export and the import of warranty cards. {key} is an IMEI (either slot) or a serial number.
 */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class HandsetsEndpoint implements ModuleEndpoint {
    private final HandsetService handsets;
    private final SaleService sales;
    private final CardImporter importer;
    private final ImportLimits limits;
    private final WarrantyPolicy policy;
    private final CustomerDirectory customers;
    /** The platform's PDF service (crm-platform-pdf, which the module's feature installs); without it the printed card is 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PdfDocuments pdfs;

    @Activate
    public HandsetsEndpoint(@Reference HandsetService handsets, @Reference SaleService sales, @Reference CardImporter importer,
            @Reference ImportLimits limits, @Reference WarrantyPolicy policy, @Reference CustomerDirectory customers) {
        this.policy = policy;
        this.customers = customers;
        this.handsets = handsets;
        this.sales = sales;
        this.importer = importer;
        this.limits = limits;
    }

    @Override
    public String path() {
        return "handsets";
    }

    /** ?q= (digits: IMEI prefix, else serial prefix) &imei= &serial= &ownerMobile= &model= &status= &offset= &limit= */
    @GET
    @ApiDoc(value = "searchHandsets", description = "q: digits match an IMEI prefix, else a serial number prefix.", params = @ApiDoc.Param(name = "status", type = HandsetStatus.class))
    public Page<HandsetData> search(@QueryParam("q") String q, @QueryParam("imei") String imei, @QueryParam("serial") String serial,
            @QueryParam("ownerMobile") String ownerMobile, @QueryParam("model") String model, @QueryParam("status") String status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return handsets.search(RestSupport.user(sc), criteria(imei, serial, ownerMobile, model, status), PageRequest.of(q, offset, limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "registerHandset", status = 201, returns = HandsetData.class)
    public Response register(RegisterRequest body, @Context SecurityContext sc) {
        return Response.status(201).entity(handsets.register(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("export")
    @Produces("text/csv; charset=UTF-8")
    @ApiDoc(value = "exportHandsets", summary = "Export handsets as CSV", returns = String.class, params = @ApiDoc.Param(name = "status", type = HandsetStatus.class))
    public Response export(@QueryParam("q") String q, @QueryParam("imei") String imei, @QueryParam("serial") String serial,
            @QueryParam("ownerMobile") String ownerMobile, @QueryParam("model") String model, @QueryParam("status") String status,
            @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        user.require(HandsetModule.READ); // fail with 403 before the 200 header is sent
        SearchCriteria criteria = criteria(imei, serial, ownerMobile, model, status);
        String query = q == null || q.isBlank() ? null : q.strip();
        StreamingOutput out = os -> handsets.exportCsv(user, criteria, query, new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8)));
        return Response.ok(out).header("Content-Disposition", "attachment; filename=\"handsets.csv\"").build();
    }

    /**
     * CSV of warranty cards (see CardImporter for the columns); answers a per-row report. A body over the deployment's
     * import limit (etc/org.opencrm.import.cfg) is a 413: at once when its length is declared, else where the limit is
     * passed (the rows before it, each a sale of its own, stay saved).
     */
    @POST
    @Path("warranty-cards/import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM })
    @ApiDoc(value = "importWarrantyCards", summary = "Import warranty cards from CSV (per-row report)")
    public ImportReport importCards(InputStream body, @Context HttpHeaders headers, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        user.require(HandsetModule.SALE);
        limits.checkLength(headers.getLength());
        return importer.importCards(user, new InputStreamReader(limits.limit(body), StandardCharsets.UTF_8));
    }

    @GET
    @Path("{key}")
    @ApiDoc(value = "getHandset", summary = "A unit by IMEI (either slot) or serial number")
    public HandsetData get(@PathParam("key") String key, @Context SecurityContext sc) {
        return handsets.get(RestSupport.user(sc), key);
    }

    @GET
    @Path("{key}/warranty-card.pdf")
    @Produces("application/pdf")
    @ApiDoc(value = "getWarrantyCardPdf", summary = "The printed warranty card (三包凭证) of a sold unit as PDF, in the language of ?lang=zh-CN|en, "
            + "else of Accept-Language (English by default); 503 when feature crm-platform-pdf is not installed")
    public Response warrantyCard(@PathParam("key") String key, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context SecurityContext sc) {
        PdfDocuments documents = RestSupport.installed(pdfs, "crm-platform-pdf");
        byte[] pdf = new WarrantyCardPrint(handsets, policy, customers, documents).pdf(RestSupport.user(sc), key, RestSupport.language(lang, headers));
        return RestSupport.document(pdf, "application/pdf", "warranty-card-" + key + ".pdf");
    }

    @GET
    @Path("{key}/history")
    @ApiDoc(value = "getHandsetHistory", summary = "A unit's history, newest first")
    public Page<HistoryEntry> history(@PathParam("key") String key, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return handsets.history(RestSupport.user(sc), key, PageRequest.of(null, offset, limit));
    }

    @POST
    @Path("{imei}/sale")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "sellHandset", status = 201, returns = HandsetData.class, summary = "Record the sale of a unit (activates its warranty)")
    public Response sell(@PathParam("imei") String imei, SaleRequest body, @Context SecurityContext sc) {
        return Response.status(201).entity(sales.sell(RestSupport.user(sc), imei, RestSupport.body(body))).build();
    }

    @POST
    @Path("{imei}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "returnHandset", summary = "Record the return of a sold unit", bodyRequired = false)
    public HandsetData returnUnit(@PathParam("imei") String imei, ReturnRequest body, @Context SecurityContext sc) {
        return sales.returnUnit(RestSupport.user(sc), imei, body);
    }

    @POST
    @Path("{imei}/exchange")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "exchangeHandset", summary = "Exchange a unit for another")
    public ExchangeResult exchange(@PathParam("imei") String imei, ExchangeRequest body, @Context SecurityContext sc) {
        return sales.exchange(RestSupport.user(sc), imei, RestSupport.body(body));
    }

    @POST
    @Path("{imei}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "transferHandset", summary = "Transfer a unit to another owner")
    public HandsetData transfer(@PathParam("imei") String imei, TransferRequest body, @Context SecurityContext sc) {
        return sales.transfer(RestSupport.user(sc), imei, RestSupport.body(body));
    }

    @POST
    @Path("{imei}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "changeHandsetStatus", summary = "Change a unit's status")
    public HandsetData status(@PathParam("imei") String imei, StatusRequest body, @Context SecurityContext sc) {
        return handsets.changeStatus(RestSupport.user(sc), imei, RestSupport.body(body));
    }

    private static SearchCriteria criteria(String imei, String serial, String ownerMobile, String model, String status) {
        return new SearchCriteria(imei, serial, ownerMobile, model, QueryParams.enumValue("status", status, HandsetStatus.class), null);
    }
}
