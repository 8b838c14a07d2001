package org.opencrm.module.membership.internal.rest;

import java.util.Map;

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

import org.opencrm.module.membership.internal.dto.AdjustRequest;
import org.opencrm.module.membership.internal.dto.CardData;
import org.opencrm.module.membership.internal.dto.CouponData;
import org.opencrm.module.membership.internal.dto.EarnRequest;
import org.opencrm.module.membership.internal.dto.EnrolRequest;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.module.membership.internal.dto.MemberUpdate;
import org.opencrm.module.membership.internal.dto.OutboxData;
import org.opencrm.module.membership.internal.dto.PointsLedgerEntry;
import org.opencrm.module.membership.internal.dto.RedeemRequest;
import org.opencrm.module.membership.internal.dto.Reports;
import org.opencrm.module.membership.internal.dto.TxnResult;
import org.opencrm.module.membership.internal.dto.ValueLedgerEntry;
import org.opencrm.module.membership.internal.dto.ValueRequest;
import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.service.LedgerService;
import org.opencrm.module.membership.internal.service.Maintenance;
import org.opencrm.module.membership.internal.service.MemberService;
import org.opencrm.module.membership.internal.service.Outbox;
import org.opencrm.module.membership.internal.service.PromotionService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.opencrm.platform.rest.QueryParams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * /api/v1/members: enrolment, lookup at the till, the scoped list, a member's page, points (earn, redeem, adjust,
 * ledger), stored value (top-up, spend, refund, ledger), coupons, notifications, reports and the periodic run.
 */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class MembersEndpoint implements ModuleEndpoint {
    private final MemberService members;
    private final LedgerService ledger;
    private final PromotionService promotions;
    private final Outbox outbox;
    private final Maintenance maintenance;

    @Activate
    public MembersEndpoint(@Reference MemberService members, @Reference LedgerService ledger, @Reference PromotionService promotions,
            @Reference Outbox outbox, @Reference Maintenance maintenance) {
        this.members = members;
        this.ledger = ledger;
        this.promotions = promotions;
        this.outbox = outbox;
        this.maintenance = maintenance;
    }

    @Override
    public String path() {
        return "members";
    }

    /** ?q= (member-number or mobile prefix) &tier= &status= &storeAccountId= &offset= &limit= */
    @GET
    @ApiDoc(value = "searchMembers", description = "q: a member number or mobile prefix.", params = @ApiDoc.Param(name = "storeAccountId", type = Long.class))
    public Page<MemberData> search(@QueryParam("q") String q, @QueryParam("tier") String tier, @QueryParam("status") String status,
            @QueryParam("storeAccountId") String store, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return members.search(RestSupport.user(sc), blank(tier), blank(status), QueryParams.number("storeAccountId", store), PageRequest.of(q, offset, limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "enrolMember", status = 201, returns = MemberData.class)
    public Response enrol(EnrolRequest body, @Context SecurityContext sc) {
        return Response.status(201).entity(members.enrol(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    /** The till: ?key= card number, member number or mobile. */
    @GET
    @Path("lookup")
    @ApiDoc(value = "lookupMember", summary = "The till: a member by card number, member number or mobile")
    public MemberData lookup(@QueryParam("key") String key, @Context SecurityContext sc) {
        return members.lookup(RestSupport.user(sc), key).orElseThrow(() -> new RecordNotFoundException("member", key));
    }

    @GET
    @Path("reports/liability")
    @ApiDoc(value = "getPointsLiabilityReport", summary = "Report: outstanding points and stored value")
    public Reports.Liability liability(@Context SecurityContext sc) {
        return members.liability(RestSupport.user(sc));
    }

    @GET
    @Path("reports/tiers")
    @ApiDoc(value = "getTierReport", summary = "Report: members per tier")
    public Reports.TierDistribution tiers(@Context SecurityContext sc) {
        return members.tiers(RestSupport.user(sc));
    }

    @GET
    @Path("reports/active")
    @ApiDoc(value = "getActiveMembersReport", summary = "Report: members active in the last days")
    public Reports.ActiveMembers active(@QueryParam("days") Integer days, @Context SecurityContext sc) {
        return members.active(RestSupport.user(sc), days == null ? 90 : days);
    }

    /** Expiry and tier evaluation of every member now (it also runs periodically). */
    @POST
    @Path("maintenance/run")
    @ApiDoc(value = "runMembershipMaintenance", summary = "Run expiry and tier evaluation now")
    public Reports.MaintenanceRun run(@Context SecurityContext sc) {
        return maintenance.run(RestSupport.user(sc));
    }

    /** Whether a till's request went through: the result of an applied reference. */
    @GET
    @Path("transactions/{reference}")
    @ApiDoc(value = "getTillTransaction", summary = "Whether a till's request went through (by its reference)")
    public TxnResult transaction(@PathParam("reference") String reference, @Context SecurityContext sc) {
        return ledger.byReference(RestSupport.user(sc), reference);
    }

    @GET
    @Path("{id}")
    @ApiDoc("getMember")
    public MemberData get(@PathParam("id") long id, @Context SecurityContext sc) {
        return members.get(RestSupport.user(sc), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("updateMember")
    public MemberData update(@PathParam("id") long id, MemberUpdate body, @Context SecurityContext sc) {
        return members.update(RestSupport.user(sc), id, RestSupport.body(body));
    }

    @GET
    @Path("{id}/cards")
    @ApiDoc("listMemberCards")
    public Page<CardData> cards(@PathParam("id") long id, @Context SecurityContext sc) {
        return Page.of(members.get(RestSupport.user(sc), id).cards());
    }

    // ---------------------------------------------------------------- points

    @GET
    @Path("{id}/points")
    @ApiDoc(value = "getMemberPoints", summary = "A member's points balance and tier")
    public Map<String, Object> points(@PathParam("id") long id, @Context SecurityContext sc) {
        MemberData m = members.get(RestSupport.user(sc), id);
        return Map.of("memberId", m.id(), "pointsBalance", m.pointsBalance(), "tier", m.tier());
    }

    @POST
    @Path("{id}/points/earn")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "earnPoints", returns = TxnResult.class, description = "Too few points or too little stored value answers 409 with the error body plus the balance (pointsBalance, or valueBalance and currency).")
    public Response earn(@PathParam("id") long id, EarnRequest body, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        return Replies.till(() -> ledger.earn(user, id, RestSupport.body(body)));
    }

    @POST
    @Path("{id}/points/redeem")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "redeemPoints", returns = TxnResult.class, description = "Too few points or too little stored value answers 409 with the error body plus the balance (pointsBalance, or valueBalance and currency).")
    public Response redeem(@PathParam("id") long id, RedeemRequest body, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        return Replies.till(() -> ledger.redeem(user, id, RestSupport.body(body)));
    }

    @POST
    @Path("{id}/points/adjust")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "adjustPoints", returns = TxnResult.class, description = "Too few points or too little stored value answers 409 with the error body plus the balance (pointsBalance, or valueBalance and currency).")
    public Response adjust(@PathParam("id") long id, AdjustRequest body, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        return Replies.till(() -> ledger.adjust(user, id, RestSupport.body(body)));
    }

    @GET
    @Path("{id}/points/ledger")
    @ApiDoc(value = "getPointsLedger", summary = "A member's points ledger, newest first")
    public Page<PointsLedgerEntry> pointsLedger(@PathParam("id") long id, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return ledger.pointsLedger(RestSupport.user(sc), id, PageRequest.of(null, offset, limit));
    }

    // ---------------------------------------------------------------- stored value

    @GET
    @Path("{id}/stored-value")
    @ApiDoc(value = "getStoredValue", summary = "A member's stored-value balance")
    public Map<String, Object> storedValue(@PathParam("id") long id, @Context SecurityContext sc) {
        MemberData m = members.get(RestSupport.user(sc), id);
        return Map.of("memberId", m.id(), "balance", m.valueBalance(), "currency", m.currency());
    }

    @POST
    @Path("{id}/stored-value/top-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "topUpStoredValue", returns = TxnResult.class, description = "Too few points or too little stored value answers 409 with the error body plus the balance (pointsBalance, or valueBalance and currency).")
    public Response topUp(@PathParam("id") long id, ValueRequest body, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        return Replies.till(() -> ledger.topUp(user, id, RestSupport.body(body)));
    }

    @POST
    @Path("{id}/stored-value/spend")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "spendStoredValue", returns = TxnResult.class, description = "Too few points or too little stored value answers 409 with the error body plus the balance (pointsBalance, or valueBalance and currency).")
    public Response spend(@PathParam("id") long id, ValueRequest body, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        return Replies.till(() -> ledger.spend(user, id, RestSupport.body(body)));
    }

    @POST
    @Path("{id}/stored-value/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "refundStoredValue", returns = TxnResult.class, description = "Too few points or too little stored value answers 409 with the error body plus the balance (pointsBalance, or valueBalance and currency).")
    public Response refund(@PathParam("id") long id, ValueRequest body, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        return Replies.till(() -> ledger.refund(user, id, RestSupport.body(body)));
    }

    @GET
    @Path("{id}/stored-value/ledger")
    @ApiDoc(value = "getStoredValueLedger", summary = "A member's stored-value ledger, newest first")
    public Page<ValueLedgerEntry> valueLedger(@PathParam("id") long id, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return ledger.valueLedger(RestSupport.user(sc), id, PageRequest.of(null, offset, limit));
    }

    // ---------------------------------------------------------------- coupons, notifications

    @GET
    @Path("{id}/coupons")
    @ApiDoc("listMemberCoupons")
    public Page<CouponData> coupons(@PathParam("id") long id, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        members.get(user, id); // scope
        return promotions.coupons(user, id, PageRequest.of(null, offset, limit));
    }

    @GET
    @Path("{id}/notifications")
    @ApiDoc("listMemberNotifications")
    public Page<OutboxData> notifications(@PathParam("id") long id, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        members.get(user, id);
        return outbox.list(id, null, PageRequest.of(null, offset, limit));
    }

    /** The outbox of every member (administrators): ?status=PENDING|SENT|FAILED */
    @GET
    @Path("notifications")
    @ApiDoc(value = "listNotifications", summary = "The notification outbox of every member (administrators)")
    public Page<OutboxData> outbox(@QueryParam("status") String status, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        RestSupport.user(sc).require(MembershipModule.ADMIN);
        return outbox.list(null, blank(status) == null ? null : status.strip().toUpperCase(java.util.Locale.ROOT), PageRequest.of(null, offset, limit));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
