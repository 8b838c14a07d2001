package org.opencrm.module.audit.internal.rest;

import java.io.InputStream;
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
import javax.ws.rs.core.StreamingOutput;

import org.opencrm.module.audit.internal.AuditRuntime;
import org.opencrm.module.audit.internal.FranchiseAuditNames;
import org.opencrm.module.audit.internal.dto.ActionData;
import org.opencrm.module.audit.internal.dto.AuditData;
import org.opencrm.module.audit.internal.dto.AuditData.PhotoData;
import org.opencrm.module.audit.internal.dto.PlanData;
import org.opencrm.module.audit.internal.dto.PlanData.PlanStoreData;
import org.opencrm.module.audit.internal.dto.Requests;
import org.opencrm.module.audit.internal.dto.ResultData;
import org.opencrm.module.audit.internal.dto.TemplateData;
import org.opencrm.module.audit.internal.service.AuditExports;
import org.opencrm.module.audit.internal.service.AuditReport;
import org.opencrm.module.audit.internal.service.AuditService;
import org.opencrm.platform.pdf.PdfDocuments;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.Multipart;
import org.opencrm.platform.rest.QueryParams;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * /api/v1/audits: templates, plans, audits with items and photos, corrective actions and results. Photos are sent as
 * a multipart body ({@code multipart/mixed}; part {@code file}, and {@code itemId} for an item's photo), checked by
 * content: anything but a JPEG or PNG within the size limit is a 4xx and nothing is written. Records of stores the
 * caller does not see are 404 on every path.
 */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class AuditsEndpoint implements ModuleEndpoint {
    private static final String ID = "{id: [0-9]+}";
    private final AuditRuntime rt;
    /** The platform's PDF service (crm-platform-pdf, which the module's feature installs); without it the report is 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PdfDocuments pdfs;

    @Activate
    public AuditsEndpoint(@Reference AuditRuntime rt) {
        this.rt = rt;
    }

    @Override
    public String path() {
        return FranchiseAuditNames.REST_PATH;
    }

    private static PageRequest page(Integer offset, Integer limit) {
        return PageRequest.of(null, offset, limit);
    }

    // ---- templates

    @GET
    @Path("templates")
    @ApiDoc(value = "listAuditTemplates", summary = "Checklist templates, every version (without items)")
    public List<TemplateData> templates(@Context SecurityContext sc) {
        return rt.templates.list(RestSupport.user(sc));
    }

    @GET
    @Path("templates/" + ID)
    @ApiDoc(value = "getAuditTemplate", summary = "A template version with its sections and items")
    public TemplateData template(@PathParam("id") long id, @Context SecurityContext sc) {
        return rt.templates.get(RestSupport.user(sc), id);
    }

    @POST
    @Path("templates")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createAuditTemplate", status = 201, returns = TemplateData.class, summary = "A new template (version 1, a draft)")
    public Response createTemplate(TemplateData body, @Context SecurityContext sc) {
        return Response.status(201).entity(rt.templates.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @PUT
    @Path("templates/" + ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "updateAuditTemplate", summary = "Replace a draft's sections and items (a published version is 409)")
    public TemplateData updateTemplate(@PathParam("id") long id, TemplateData body, @Context SecurityContext sc) {
        return rt.templates.update(RestSupport.user(sc), id, RestSupport.body(body));
    }

    @POST
    @Path("templates/" + ID + "/publish")
    @ApiDoc(value = "publishAuditTemplate", summary = "Publish a draft version; it never changes again")
    public TemplateData publish(@PathParam("id") long id, @Context SecurityContext sc) {
        return rt.templates.publish(RestSupport.user(sc), id);
    }

    @POST
    @Path("templates/" + ID + "/versions")
    @ApiDoc(value = "newAuditTemplateVersion", status = 201, returns = TemplateData.class, summary = "A new draft version copied from this one")
    public Response newVersion(@PathParam("id") long id, @Context SecurityContext sc) {
        return Response.status(201).entity(rt.templates.newVersion(RestSupport.user(sc), id)).build();
    }

    // ---- plans

    @GET
    @Path("plans")
    @ApiDoc(value = "listAuditPlans", summary = "Audit plans (a supervisor's own; all with audit.admin)")
    public List<PlanData> plans(@Context SecurityContext sc) {
        return rt.plans.list(RestSupport.user(sc));
    }

    @POST
    @Path("plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createAuditPlan", status = 201, returns = PlanData.class, summary = "A plan: stores by region, parent partner or list")
    public Response createPlan(PlanData body, @Context SecurityContext sc) {
        return Response.status(201).entity(rt.plans.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("plans/" + ID)
    @ApiDoc(value = "getAuditPlan", summary = "A plan with its stores and their due dates")
    public PlanData plan(@PathParam("id") long id, @Context SecurityContext sc) {
        return rt.plans.get(RestSupport.user(sc), id);
    }

    @GET
    @Path("plans/due")
    @ApiDoc(value = "listDueAudits", summary = "Stores due for an audit, soonest first (overdue=true: only overdue; mine=true: my stores)")
    public Page<PlanStoreData> due(@QueryParam("overdue") String overdue, @QueryParam("mine") String mine, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return rt.plans.due(RestSupport.user(sc), "true".equals(overdue), "true".equals(mine), page(offset, limit));
    }

    @POST
    @Path("plans/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "planFollowUpAudit", summary = "Plan a follow-up audit of a store: its plan entries fall due on dueDate")
    public List<PlanStoreData> followUp(Requests.FollowUp body, @Context SecurityContext sc) {
        Requests.FollowUp in = RestSupport.body(body);
        return rt.plans.followUp(RestSupport.user(sc), in.storeId(), in.dueDate());
    }

    // ---- audits

    @GET
    @ApiDoc(value = "listAudits", summary = "Audits of the stores the caller sees, newest first")
    public Page<AuditData.Summary> list(@QueryParam("storeId") String storeId, @QueryParam("status") String status, @QueryParam("mine") String mine,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return rt.audits.list(RestSupport.user(sc), QueryParams.number("storeId", storeId), status, "true".equals(mine), page(offset, limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "startAudit", status = 201, returns = AuditData.class, summary = "Start an audit at a store (announced or not)")
    public Response start(Requests.StartAudit body, @Context HttpHeaders headers, @Context SecurityContext sc) {
        return Response.status(201).entity(rt.audits.inLanguage(rt.audits.start(RestSupport.user(sc), RestSupport.body(body)), language(headers))).build();
    }

    @GET
    @Path(ID)
    @ApiDoc(value = "getAudit", summary = "An audit with its section scores, items and photos; the checklist's texts in the Accept-Language where its template version has them")
    public AuditData get(@PathParam("id") long id, @Context HttpHeaders headers, @Context SecurityContext sc) {
        return rt.audits.get(RestSupport.user(sc), id, language(headers));
    }

    @PUT
    @Path(ID + "/items/{itemId: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "answerAuditItem", summary = "Answer an item: PASS, FAIL, NA, or a score")
    public AuditData answer(@PathParam("id") long id, @PathParam("itemId") long itemId, Requests.Answer body, @Context HttpHeaders headers,
            @Context SecurityContext sc) {
        return rt.audits.inLanguage(rt.audits.answer(RestSupport.user(sc), id, itemId, RestSupport.body(body)), language(headers));
    }

    @PUT
    @Path(ID + "/finish")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "finishAudit", summary = "The auditor's comment and the store manager's acknowledgement")
    public AuditData finish(@PathParam("id") long id, Requests.Finish body, @Context HttpHeaders headers, @Context SecurityContext sc) {
        return rt.audits.inLanguage(rt.audits.finish(RestSupport.user(sc), id, RestSupport.body(body)), language(headers));
    }

    @POST
    @Path(ID + "/submit")
    @ApiDoc(value = "submitAudit", summary = "Score and submit the audit (read-only afterwards; failed items become corrective actions)")
    public AuditData submit(@PathParam("id") long id, @Context HttpHeaders headers, @Context SecurityContext sc) {
        return rt.audits.inLanguage(rt.audits.submit(RestSupport.user(sc), id), language(headers));
    }

    @POST
    @Path(ID + "/photos")
    @Consumes({ "multipart/form-data", "multipart/mixed", "multipart/related" })
    @ApiDoc(value = "addAuditPhoto", status = 201, returns = PhotoData.class, summary = "Attach a photo (JPEG or PNG; parts file (or photo) and itemId; multipart/form-data needs the header X-Requested-With)")
    public Response addPhoto(@PathParam("id") long id, InputStream body, @Context HttpHeaders headers, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        Multipart m = Multipart.read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body, rt.settings().maxPhotoBytes());
        Multipart.Part file = file(m);
        return Response.status(201).entity(rt.audits.addPhoto(user, id, QueryParams.number("itemId", m.text("itemId")), file.fileName(), file.content()))
                .build();
    }

    /** The upload: part "file", or "photo" as in {@code curl -F photo=@x.jpg}. */
    private static Multipart.Part file(Multipart m) {
        return m.part("file").or(() -> m.part("photo"))
                .orElseThrow(() -> new InvalidInputException("file", "the part 'file' (or 'photo') is missing", "required"));
    }

    @GET
    @Path(ID + "/photos/{photoId: [0-9]+}")
    @Produces({ "image/jpeg", "image/png" })
    @ApiDoc(value = "getAuditPhoto", summary = "A photo (thumbnail=true: its JPEG thumbnail)")
    public Response photo(@PathParam("id") long id, @PathParam("photoId") long photoId, @QueryParam("thumbnail") String thumbnail,
            @Context SecurityContext sc) {
        AuditService.Content c = rt.audits.photoContent(RestSupport.user(sc), id, photoId, "true".equals(thumbnail));
        return Response.ok(c.bytes(), c.contentType()).header("Cache-Control", "private, max-age=3600").build();
    }

    @GET
    @Path(ID + "/report.pdf")
    @Produces("application/pdf")
    @ApiDoc(value = "getAuditReport", summary = "The audit report as PDF, with the photos of failed items, in the language of ?lang=zh-CN|en, else of "
            + "Accept-Language (English by default); 503 when feature crm-platform-pdf is not installed")
    public Response report(@PathParam("id") long id, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context SecurityContext sc) {
        PdfDocuments documents = RestSupport.installed(pdfs, "crm-platform-pdf");
        byte[] pdf = new AuditReport(rt.audits, rt.actions, documents, rt.clock).pdf(RestSupport.user(sc), id, RestSupport.language(lang, headers));
        return RestSupport.document(pdf, "application/pdf", "audit-" + id + ".pdf");
    }

    // ---- corrective actions

    @GET
    @Path("actions")
    @ApiDoc(value = "listAuditActions", summary = "Corrective actions, due soonest first (overdue=true: only overdue)")
    public Page<ActionData> actions(@QueryParam("storeId") String storeId, @QueryParam("auditId") String auditId, @QueryParam("status") String status,
            @QueryParam("overdue") String overdue, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context HttpHeaders headers,
            @Context SecurityContext sc) {
        Page<ActionData> found = rt.actions.list(RestSupport.user(sc), QueryParams.number("storeId", storeId), QueryParams.number("auditId", auditId), status,
                "true".equals(overdue), page(offset, limit));
        return new Page<>(rt.actions.inLanguage(found.items(), language(headers)), found.total());
    }

    @GET
    @Path("actions/export")
    @Produces("text/csv; charset=UTF-8")
    @ApiDoc(value = "exportAuditActions", returns = String.class, summary = "The corrective actions as CSV (UTF-8 with BOM; the list's filters and scope; "
            + "headers in the Accept-Language)")
    public Response exportActions(@QueryParam("storeId") String storeId, @QueryParam("auditId") String auditId, @QueryParam("status") String status,
            @QueryParam("overdue") String overdue, @Context HttpHeaders headers, @Context SecurityContext sc) {
        AuditExports.Download csv = rt.exports.actions(RestSupport.user(sc), QueryParams.number("storeId", storeId), QueryParams.number("auditId", auditId),
                status, "true".equals(overdue), language(headers));
        return download(csv, "audit-actions-" + rt.clock.today() + ".csv");
    }

    @GET
    @Path("actions/" + ID)
    @ApiDoc(value = "getAuditAction", summary = "A corrective action with its evidence photos")
    public ActionData action(@PathParam("id") long id, @Context HttpHeaders headers, @Context SecurityContext sc) {
        return rt.actions.inLanguage(List.of(rt.actions.get(RestSupport.user(sc), id)), language(headers)).get(0);
    }

    @POST
    @Path("actions/" + ID + "/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "respondAuditAction", summary = "The franchisee's response")
    public ActionData respond(@PathParam("id") long id, Requests.Respond body, @Context SecurityContext sc) {
        return rt.actions.respond(RestSupport.user(sc), id, RestSupport.body(body));
    }

    @POST
    @Path("actions/" + ID + "/evidence")
    @Consumes({ "multipart/form-data", "multipart/mixed", "multipart/related" })
    @ApiDoc(value = "addAuditActionEvidence", status = 201, returns = PhotoData.class, summary = "An evidence photo of the correction (part file or photo; multipart/form-data needs the header X-Requested-With)")
    public Response evidence(@PathParam("id") long id, InputStream body, @Context HttpHeaders headers, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        Multipart m = Multipart.read(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body, rt.settings().maxPhotoBytes());
        Multipart.Part file = file(m);
        return Response.status(201).entity(rt.actions.addEvidence(user, id, file.fileName(), file.content(), rt.audits)).build();
    }

    @POST
    @Path("actions/" + ID + "/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "verifyAuditAction", summary = "Accept (close) or reopen the action")
    public ActionData verify(@PathParam("id") long id, Requests.Verify body, @Context SecurityContext sc) {
        return rt.actions.verify(RestSupport.user(sc), id, RestSupport.body(body));
    }

    // ---- results

    @GET
    @Path("results/ranking")
    @ApiDoc(value = "auditStoreRanking", summary = "Stores by latest score (worst=true: worst first; region=)")
    public Page<ResultData.StoreRank> ranking(@QueryParam("region") String region, @QueryParam("worst") String worst,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return rt.results.ranking(RestSupport.user(sc), region, "true".equals(worst), page(offset, limit));
    }

    @GET
    @Path("results/ranking/export")
    @Produces("text/csv; charset=UTF-8")
    @ApiDoc(value = "exportAuditStoreRanking", returns = String.class, summary = "The store ranking as CSV (UTF-8 with BOM; region=, worst=; "
            + "headers in the Accept-Language)")
    public Response exportRanking(@QueryParam("region") String region, @QueryParam("worst") String worst, @Context HttpHeaders headers,
            @Context SecurityContext sc) {
        AuditExports.Download csv = rt.exports.ranking(RestSupport.user(sc), region, "true".equals(worst), language(headers));
        return download(csv, "audit-ranking-" + rt.clock.today() + ".csv");
    }

    /** A CSV download, streamed (the checks ran before: a refusal is an error answer, not a broken file). */
    private static Response download(AuditExports.Download csv, String fileName) {
        StreamingOutput body = csv::writeTo;
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** The caller's language as the whole API chooses it (and words its refusals): the first zh or en of the Accept-Language, else English. */
    private static Locale language(HttpHeaders headers) {
        return RestSupport.language(headers);
    }

    @GET
    @Path("results/regions")
    @ApiDoc(value = "auditRegionRanking", summary = "Regions by the average of their stores' latest scores")
    public List<ResultData.RegionRank> regions(@Context SecurityContext sc) {
        return rt.results.regions(RestSupport.user(sc));
    }

    @GET
    @Path("results/trend")
    @ApiDoc(value = "auditScoreTrend", summary = "Monthly average score (months=12; storeId= for one store)")
    public List<ResultData.TrendPoint> trend(@QueryParam("months") String months, @QueryParam("storeId") String storeId, @Context SecurityContext sc) {
        Long m = QueryParams.number("months", months);
        return rt.results.trend(RestSupport.user(sc), QueryParams.number("storeId", storeId), m == null ? 12 : m.intValue());
    }

    @GET
    @Path("results/failed-items")
    @ApiDoc(value = "auditMostFailedItems", summary = "Items failed most often (from, to: yyyy-MM-dd; default the last 12 months)")
    public List<ResultData.FailedItem> failedItems(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return rt.results.mostFailed(RestSupport.user(sc), QueryParams.date("from", from), QueryParams.date("to", to), limit == null ? 20 : limit);
    }

    @GET
    @Path("results/actions")
    @ApiDoc(value = "auditActionCounts", summary = "Open, responded, overdue and escalated corrective actions")
    public ResultData.ActionCounts actionCounts(@Context SecurityContext sc) {
        return rt.results.actionCounts(RestSupport.user(sc));
    }

    @GET
    @Path("results/stores/" + ID)
    @ApiDoc(value = "auditStoreHistory", summary = "A store's submitted audits, oldest first")
    public ResultData.StoreHistory history(@PathParam("id") long id, @Context SecurityContext sc) {
        return rt.results.history(RestSupport.user(sc), id);
    }

    @GET
    @Path("results/sales")
    @ApiDoc(value = "auditScoreBesideSales", summary = "Stores by latest score beside their sales from the modules that provide them")
    public ResultData.ScoreBesideSales sales(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context HttpHeaders headers, @Context SecurityContext sc) {
        return rt.results.scoreBesideSales(RestSupport.user(sc), QueryParams.date("from", from), QueryParams.date("to", to), language(headers),
                page(offset, limit));
    }
}
