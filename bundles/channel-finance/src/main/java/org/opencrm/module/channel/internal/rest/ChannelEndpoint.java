package org.opencrm.module.channel.internal.rest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

import org.opencrm.module.channel.internal.ChannelNames;
import org.opencrm.module.channel.internal.dto.AgingReport;
import org.opencrm.module.channel.internal.dto.ChangeInput;
import org.opencrm.module.channel.internal.dto.CollectionData;
import org.opencrm.module.channel.internal.dto.CreditData;
import org.opencrm.module.channel.internal.dto.CreditNoteData;
import org.opencrm.module.channel.internal.dto.CreditNoteInput;
import org.opencrm.module.channel.internal.dto.DecisionInput;
import org.opencrm.module.channel.internal.dto.HistoryData;
import org.opencrm.module.channel.internal.dto.InvoiceData;
import org.opencrm.module.channel.internal.dto.LedgerData;
import org.opencrm.module.channel.internal.dto.OrderData;
import org.opencrm.module.channel.internal.dto.OrderInput;
import org.opencrm.module.channel.internal.dto.PartnerData;
import org.opencrm.module.channel.internal.dto.PartnerInput;
import org.opencrm.module.channel.internal.dto.PaymentData;
import org.opencrm.module.channel.internal.dto.PaymentInput;
import org.opencrm.module.channel.internal.dto.PriceData;
import org.opencrm.module.channel.internal.dto.ProductData;
import org.opencrm.module.channel.internal.dto.ProgrammeData;
import org.opencrm.module.channel.internal.dto.ProgrammeInput;
import org.opencrm.module.channel.internal.dto.ReasonInput;
import org.opencrm.module.channel.internal.dto.RebateResultData;
import org.opencrm.module.channel.internal.dto.RunData;
import org.opencrm.module.channel.internal.dto.RunInput;
import org.opencrm.module.channel.internal.dto.ShipInput;
import org.opencrm.module.channel.internal.dto.ShipmentData;
import org.opencrm.module.channel.internal.dto.StatementData;
import org.opencrm.module.channel.internal.dto.WriteOffData;
import org.opencrm.module.channel.internal.dto.WriteOffInput;
import org.opencrm.module.channel.internal.service.CatalogueService;
import org.opencrm.module.channel.internal.service.CreditRefusedException;
import org.opencrm.module.channel.internal.service.OrderService;
import org.opencrm.module.channel.internal.service.PartnerService;
import org.opencrm.module.channel.internal.service.RebateService;
import org.opencrm.module.channel.internal.service.ReceivablesService;
import org.opencrm.module.channel.internal.service.StatementFormats;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.QueryParams;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * /api/v1/channel/...: partners, products and price lists, orders and shipments, invoices, payments, credit notes,
 * write-offs, rebate programmes and runs, statements (JSON, CSV, printable page), aging, the collection run. A credit
 * refusal is a 409 whose body adds {@code messageKey}, {@code limit}, {@code exposure} and {@code shortfall}.
 */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class ChannelEndpoint implements ModuleEndpoint {
    private final PartnerService partners;
    private final CatalogueService catalogue;
    private final OrderService orders;
    private final ReceivablesService receivables;
    private final RebateService rebates;

    @Activate
    public ChannelEndpoint(@Reference PartnerService partners, @Reference CatalogueService catalogue, @Reference OrderService orders,
            @Reference ReceivablesService receivables, @Reference RebateService rebates) {
        this.partners = partners;
        this.catalogue = catalogue;
        this.orders = orders;
        this.receivables = receivables;
        this.rebates = rebates;
    }

    @Override
    public String path() {
        return ChannelNames.REST_PATH;
    }

    private static CrmUser user(SecurityContext sc) {
        return RestSupport.user(sc);
    }

    // ------------------------------------------------------------ partners

    @GET
    @Path("partners")
    @ApiDoc(value = "listChannelPartners", description = "q: a name prefix; grade, status (NORMAL, ON_HOLD, BLACKLISTED): filters.")
    public Page<PartnerData> partners(@QueryParam("q") String q, @QueryParam("grade") String grade, @QueryParam("status") String status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return partners.list(user(sc), PageRequest.of(q, offset, limit), grade, status);
    }

    @POST
    @Path("partners")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createChannelPartner", status = 201, returns = PartnerData.class)
    public Response createPartner(PartnerInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(partners.create(user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("partners/{id}")
    @ApiDoc(value = "getChannelPartner", summary = "A partner; an automatic credit status's reason in the language of Accept-Language (English by default)")
    public PartnerData partner(@PathParam("id") long id, @Context SecurityContext sc, @Context javax.ws.rs.core.HttpHeaders headers) {
        return partners.get(user(sc), id, RestSupport.language(headers));
    }

    @POST
    @Path("partners/{id}/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "changeChannelPartner", description = "Exactly one of grade (AUTO releases an HQ-fixed grade), creditLimit, term, status, with a reason.")
    public PartnerData change(@PathParam("id") long id, ChangeInput body, @Context SecurityContext sc) {
        return partners.change(user(sc), id, RestSupport.body(body));
    }

    @GET
    @Path("partners/{id}/history")
    @ApiDoc(value = "getChannelPartnerHistory", summary = "A partner's changes, newest first; a system's reasons in the language of Accept-Language (English by default)")
    public Page<HistoryData> history(@PathParam("id") long id, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc, @Context javax.ws.rs.core.HttpHeaders headers) {
        return partners.history(user(sc), id, PageRequest.of(null, offset, limit), RestSupport.language(headers));
    }

    @GET
    @Path("partners/{id}/reminders")
    @ApiDoc(value = "getChannelPartnerReminders", summary = "The partner's collection reminders, newest first, in the Accept-Language")
    public List<String> reminders(@PathParam("id") long id, @Context javax.ws.rs.core.HttpHeaders headers, @Context SecurityContext sc) {
        return receivables.reminders(user(sc), id, RestSupport.language(headers));
    }

    @GET
    @Path("partners/{id}/credit")
    @ApiDoc(value = "getChannelPartnerCredit", description = "Limit, receivables, orders not yet invoiced, exposure, available credit, overdue.")
    public CreditData credit(@PathParam("id") long id, @Context SecurityContext sc) {
        return partners.credit(user(sc), id);
    }

    @GET
    @Path("partners/{id}/ledger")
    @ApiDoc("getChannelPartnerLedger")
    public Page<LedgerData> ledger(@PathParam("id") long id, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return receivables.ledger(user(sc), id, PageRequest.of(null, offset, limit));
    }

    @GET
    @Path("partners/{id}/statement")
    @ApiDoc(value = "getChannelStatement", description = "from, to: the period (dates, both inclusive).", params = { @ApiDoc.Param(name = "from", type = LocalDate.class),
            @ApiDoc.Param(name = "to", type = LocalDate.class) })
    public StatementData statement(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to, @Context SecurityContext sc) {
        return receivables.statement(user(sc), id, QueryParams.date("from", from), QueryParams.date("to", to));
    }

    @GET
    @Path("partners/{id}/statement.csv")
    @Produces("text/csv; charset=UTF-8")
    @ApiDoc(value = "downloadChannelStatement", returns = String.class, params = { @ApiDoc.Param(name = "from", type = LocalDate.class),
            @ApiDoc.Param(name = "to", type = LocalDate.class) })
    public Response statementCsv(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to, @Context SecurityContext sc) {
        StatementData s = receivables.statement(user(sc), id, QueryParams.date("from", from), QueryParams.date("to", to));
        return Response.ok(StatementFormats.csv(s), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"statement-" + id + "-" + s.from() + "-" + s.to() + ".csv\"").build();
    }

    @GET
    @Path("partners/{id}/statement.html")
    @Produces(MediaType.TEXT_HTML + "; charset=UTF-8")
    @ApiDoc(value = "printChannelStatement", returns = String.class, params = { @ApiDoc.Param(name = "from", type = LocalDate.class),
            @ApiDoc.Param(name = "to", type = LocalDate.class) })
    public Response statementHtml(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to, @Context SecurityContext sc) {
        StatementData s = receivables.statement(user(sc), id, QueryParams.date("from", from), QueryParams.date("to", to));
        return Response.ok(StatementFormats.html(s), MediaType.TEXT_HTML + "; charset=UTF-8").build();
    }

    @GET
    @Path("partners/{id}/rebates")
    @ApiDoc("getChannelPartnerRebates")
    public List<RebateResultData> partnerRebates(@PathParam("id") long id, @Context SecurityContext sc) {
        return rebates.forPartner(user(sc), id);
    }

    // ------------------------------------------------------------ products and price lists

    @GET
    @Path("products")
    @ApiDoc(value = "listChannelProducts", description = "q: a code or name prefix.")
    public Page<ProductData> products(@QueryParam("q") String q, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return catalogue.products(user(sc), q, PageRequest.of(q, 0, limit).limit());
    }

    @POST
    @Path("products")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createChannelProduct", status = 201, returns = ProductData.class)
    public Response createProduct(ProductData body, @Context SecurityContext sc) {
        return Response.status(201).entity(catalogue.createProduct(user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("price-lists")
    @ApiDoc(value = "listChannelPrices", description = "grade: one grade's price list; all grades without it.")
    public List<PriceData> prices(@QueryParam("grade") String grade, @Context SecurityContext sc) {
        return catalogue.prices(user(sc), grade == null || grade.isBlank() ? null : grade.strip());
    }

    @PUT
    @Path("price-lists")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "setChannelPrice", description = "Sets the price (CNY) of a product for a grade.")
    public PriceData setPrice(PriceData body, @Context SecurityContext sc) {
        return catalogue.setPrice(user(sc), RestSupport.body(body));
    }

    // ------------------------------------------------------------ orders

    @GET
    @Path("orders")
    @ApiDoc(value = "listChannelOrders", params = @ApiDoc.Param(name = "accountId", type = Long.class))
    public Page<OrderData> orders(@QueryParam("accountId") String accountId, @QueryParam("status") String status, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return orders.list(user(sc), QueryParams.number("accountId", accountId), status, PageRequest.of(null, offset, limit));
    }

    @POST
    @Path("orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "submitChannelOrder", status = 201, returns = OrderData.class, description = "Credit-checked; 409 credit_limit, credit_hold or credit_overdue "
            + "with limit, exposure and shortfall. overrideReason (channel.credit.override) lets it through.")
    public Response submit(OrderInput body, @Context SecurityContext sc) {
        return credit(() -> Response.status(201).entity(orders.submit(user(sc), RestSupport.body(body))).build());
    }

    @GET
    @Path("orders/{id}")
    @ApiDoc("getChannelOrder")
    public OrderData order(@PathParam("id") long id, @Context SecurityContext sc) {
        return orders.get(user(sc), id);
    }

    @POST
    @Path("orders/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "approveChannelOrder", returns = OrderData.class, bodyRequired = false, description = "The credit is checked again; reason: a credit override.")
    public Response approve(@PathParam("id") long id, ReasonInput body, @Context SecurityContext sc) {
        return credit(() -> Response.ok(orders.approve(user(sc), id, body)).build());
    }

    @POST
    @Path("orders/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("cancelChannelOrder")
    public OrderData cancel(@PathParam("id") long id, ReasonInput body, @Context SecurityContext sc) {
        return orders.cancel(user(sc), id, body);
    }

    @POST
    @Path("orders/{id}/shipments")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "shipChannelOrder", status = 201, returns = ShipmentData.class, bodyRequired = false,
            description = "Ships the lines named (every open line when none): the shipment is invoiced at once.")
    public Response ship(@PathParam("id") long id, ShipInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(orders.ship(user(sc), id, body)).build();
    }

    @GET
    @Path("orders/{id}/shipments")
    @ApiDoc("listChannelShipments")
    public List<ShipmentData> shipments(@PathParam("id") long id, @Context SecurityContext sc) {
        return orders.shipments(user(sc), id);
    }

    // ------------------------------------------------------------ receivables

    @GET
    @Path("invoices")
    @ApiDoc(value = "listChannelInvoices", params = { @ApiDoc.Param(name = "accountId", type = Long.class), @ApiDoc.Param(name = "open", type = Boolean.class) })
    public Page<InvoiceData> invoices(@QueryParam("accountId") String accountId, @QueryParam("open") String open, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return receivables.invoices(user(sc), QueryParams.number("accountId", accountId), Boolean.TRUE.equals(QueryParams.flag("open", open)),
                PageRequest.of(null, offset, limit));
    }

    @GET
    @Path("invoices/{id}")
    @ApiDoc("getChannelInvoice")
    public InvoiceData invoice(@PathParam("id") long id, @Context SecurityContext sc) {
        return receivables.invoice(user(sc), id);
    }

    @GET
    @Path("payments")
    @ApiDoc(value = "listChannelPayments", params = @ApiDoc.Param(name = "accountId", type = Long.class))
    public Page<PaymentData> payments(@QueryParam("accountId") String accountId, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return receivables.payments(user(sc), QueryParams.number("accountId", accountId), PageRequest.of(null, offset, limit));
    }

    @POST
    @Path("payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "recordChannelPayment", status = 201, returns = PaymentData.class, description = "Allocated to the oldest open invoices unless invoiceIds names them.")
    public Response pay(PaymentInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(receivables.pay(user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("credit-notes")
    @ApiDoc(value = "listChannelCreditNotes", params = @ApiDoc.Param(name = "accountId", type = Long.class))
    public Page<CreditNoteData> creditNotes(@QueryParam("accountId") String accountId, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return receivables.creditNotes(user(sc), QueryParams.number("accountId", accountId), PageRequest.of(null, offset, limit));
    }

    @POST
    @Path("credit-notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "issueChannelCreditNote", status = 201, returns = CreditNoteData.class)
    public Response creditNote(CreditNoteInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(receivables.creditNote(user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("write-offs")
    @ApiDoc("listChannelWriteOffs")
    public Page<WriteOffData> writeOffs(@QueryParam("status") String status, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return receivables.writeOffs(user(sc), status, PageRequest.of(null, offset, limit));
    }

    @POST
    @Path("write-offs")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "requestChannelWriteOff", status = 201, returns = WriteOffData.class)
    public Response requestWriteOff(WriteOffInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(receivables.requestWriteOff(user(sc), RestSupport.body(body))).build();
    }

    @POST
    @Path("write-offs/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "decideChannelWriteOff", description = "channel.writeoff, not the user who asked.")
    public WriteOffData decide(@PathParam("id") long id, DecisionInput body, @Context SecurityContext sc) {
        return receivables.decideWriteOff(user(sc), id, RestSupport.body(body));
    }

    @GET
    @Path("aging")
    @ApiDoc(value = "getChannelAging", description = "asOf: the date (today by default); accountId: one partner; limit: partner rows (largest first).", params = {
            @ApiDoc.Param(name = "asOf", type = LocalDate.class), @ApiDoc.Param(name = "accountId", type = Long.class) })
    public AgingReport aging(@QueryParam("asOf") String asOf, @QueryParam("accountId") String accountId, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return receivables.aging(user(sc), QueryParams.date("asOf", asOf), QueryParams.number("accountId", accountId), PageRequest.of(null, 0, limit).limit());
    }

    @POST
    @Path("collection-runs")
    @ApiDoc(value = "runChannelCollection", description = "Reminders for overdue invoices once per level; automatic credit hold past the configured days.")
    public CollectionData collect(@Context javax.ws.rs.core.HttpHeaders headers, @Context SecurityContext sc) {
        return receivables.collect(user(sc), RestSupport.language(headers));
    }

    // ------------------------------------------------------------ rebates

    @GET
    @Path("rebate-programmes")
    @ApiDoc("listChannelRebateProgrammes")
    public List<ProgrammeData> programmes(@Context SecurityContext sc) {
        return rebates.programmes(user(sc));
    }

    @POST
    @Path("rebate-programmes")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createChannelRebateProgramme", status = 201, returns = ProgrammeData.class)
    public Response createProgramme(ProgrammeInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(rebates.create(user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("rebate-runs")
    @ApiDoc("listChannelRebateRuns")
    public Page<RunData> runs(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return rebates.runs(user(sc), PageRequest.of(null, offset, limit));
    }

    @POST
    @Path("rebate-runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "runChannelRebates", description = "Computes (again, until approved) a programme for a closed period.")
    public RunData run(RunInput body, @Context SecurityContext sc) {
        return rebates.run(user(sc), RestSupport.body(body));
    }

    @GET
    @Path("rebate-runs/{id}")
    @ApiDoc("getChannelRebateRun")
    public RunData rebateRun(@PathParam("id") long id, @Context SecurityContext sc) {
        return rebates.get(user(sc), id);
    }

    @POST
    @Path("rebate-runs/{id}/approve")
    @ApiDoc(value = "approveChannelRebateRun", description = "channel.admin, not the user who computed the run last.")
    public RunData approveRun(@PathParam("id") long id, @Context SecurityContext sc) {
        return rebates.approve(user(sc), id);
    }

    @POST
    @Path("rebate-runs/{id}/settle")
    @ApiDoc(value = "settleChannelRebateRun", description = "Each partner's rebate as a REBATE credit note, once.")
    public RunData settleRun(@PathParam("id") long id, @Context SecurityContext sc) {
        return rebates.settle(user(sc), id);
    }

    // ------------------------------------------------------------ the credit refusal

    /** The call's answer, or for a credit refusal the 409 error body with the message key, limit, exposure and shortfall. */
    static Response credit(Supplier<Response> call) {
        try {
            return call.get();
        } catch (RuntimeException thrown) {
            CreditRefusedException e = refusal(thrown);
            if (e == null) {
                throw thrown;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.code());
            body.put("message", e.getMessage());
            body.put("field", e.field());
            body.put("messageKey", e.messageKey());
            body.put("limit", e.limit());
            body.put("exposure", e.exposure());
            body.put("shortfall", e.shortfall());
            body.put("currency", "CNY");
            return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }

    /** The credit refusal a transaction layer may have wrapped, or null. */
    private static CreditRefusedException refusal(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof CreditRefusedException c) {
                return c;
            }
        }
        return null;
    }
}
