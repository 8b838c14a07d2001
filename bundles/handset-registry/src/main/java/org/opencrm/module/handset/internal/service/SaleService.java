package org.opencrm.module.handset.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.api.HandsetChannelShipment;
import org.opencrm.module.handset.api.HandsetEvents;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.AccessoryData;
import org.opencrm.module.handset.internal.dto.ExchangeRequest;
import org.opencrm.module.handset.internal.dto.ExchangeResult;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.dto.ReturnRequest;
import org.opencrm.module.handset.internal.dto.SaleRequest;
import org.opencrm.module.handset.internal.dto.TransferRequest;
import org.opencrm.module.handset.internal.model.Accessory;
import org.opencrm.module.handset.internal.model.EventType;
import org.opencrm.module.handset.internal.model.Handset;
import org.opencrm.module.handset.internal.model.HandsetEvent;
import org.opencrm.module.handset.internal.model.HandsetModel;
import org.opencrm.module.handset.internal.model.Sale;
import org.opencrm.module.handset.internal.model.SaleStatus;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.ScopeDeniedException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The warranty card's life: sale, return (7 days), exchange (15 days), ownership transfer. Each is one transaction
 * that locks the unit rows first, so of two concurrent sales of one unit exactly one succeeds and the other gets a
 * 409 saying the unit is SOLD. Everything is validated before anything is written; each change goes to the unit's
 * history, the audit trail and the owner's timeline, and an event is posted after the commit.
 */
@Component(service = SaleService.class)
public class SaleService {
    static final int MAX_ACCESSORIES = 10;
    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final TimelineService timeline;
    private final CustomerDirectory customers;
    private final DataScopes scopes;
    private final WarrantyPolicy policy;
    private final CrmEventPublisher events;

    @Activate
    public SaleService(@Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa, @Reference AuditTrail audit,
            @Reference TimelineService timeline, @Reference CustomerDirectory customers, @Reference DataScopes scopes,
            @Reference WarrantyPolicy policy, @Reference CrmEventPublisher events) {
        this.jpa = jpa;
        this.audit = audit;
        this.timeline = timeline;
        this.customers = customers;
        this.scopes = scopes;
        this.policy = policy;
        this.events = events;
    }

    // ---------------------------------------------------------------- sale

    /** Registers the warranty card of an IN_STOCK unit: the unit is SOLD to the contact through the store. */
    public HandsetData sell(CrmUser user, String imeiInput, SaleRequest in) {
        user.require(HandsetModule.SALE);
        String imei = Fields.imei("imei", imeiInput);
        if (in == null) {
            throw Units.missingBody();
        }
        ContactRef owner = owner(user, "contactId", in.contactId());
        if (in.storeAccountId() == null) {
            throw new InvalidInputException("storeAccountId", "storeAccountId is required: the store that sold the unit", "handset.storeRequired");
        }
        AccountRef store = customers.account(in.storeAccountId())
                .orElseThrow(() -> new InvalidInputException("storeAccountId", "account " + in.storeAccountId() + " does not exist", "handset.noSuchAccount"));
        if (!scopes.canSee(user, store.id())) {
            throw new ScopeDeniedException("store " + store.id() + " (" + store.name() + ") is outside your data scope: you can register sales only for your own stores", "handset.storeOutsideScope", store.id(), store.name());
        }
        if (in.retailerAccountId() != null && customers.account(in.retailerAccountId()).isEmpty()) {
            throw new InvalidInputException("retailerAccountId", "account " + in.retailerAccountId() + " does not exist", "handset.noSuchAccount");
        }
        String invoice = Fields.optional("invoiceNumber", in.invoiceNumber(), 64);
        LocalDate today = policy.today();
        LocalDate saleDate = in.saleDate() == null ? today : in.saleDate();
        if (saleDate.isAfter(today)) {
            throw new InvalidInputException("saleDate", "saleDate " + saleDate + " is in the future (today is " + today + ")", "handset.dateInFuture", saleDate.toString(), today.toString());
        }
        if (in.channel() == null) {
            throw new InvalidInputException("channel", "channel is required: one of STORE_CLERK, HOTLINE, SELF_SERVICE_WEB, SERVICE_OUTLET", "handset.channelRequired");
        }
        List<AccessoryData> accessories = accessories("accessories", in.accessories());
        String note = Fields.optional("note", in.note(), 500);
        HandsetData out = jpa.txExpr(TransactionType.Required, em -> {
            Handset h = Units.lockedByImei(em, imei);
            Units.requireStatus(h, "a sale", HandsetStatus.IN_STOCK);
            HandsetModel model = em.find(HandsetModel.class, h.modelId);
            if (model.launchDate != null && saleDate.isBefore(model.launchDate)) {
                throw new InvalidInputException("saleDate", "saleDate " + saleDate + " is before model " + model.code + " was launched (" + model.launchDate + ")", "handset.saleBeforeLaunch", saleDate.toString(), model.code, String.valueOf(model.launchDate));
            }
            WarrantyTerms terms = policy.terms();
            Sale s = new Sale();
            s.handsetId = h.id;
            s.contactId = owner.id();
            s.retailerAccountId = in.retailerAccountId();
            s.storeAccountId = store.id();
            s.invoiceNumber = invoice;
            s.saleDate = saleDate;
            s.warrantyStart = saleDate;
            s.warrantyUntil = WarrantyRules.until(saleDate, terms.handsetMonths(model));
            s.channel = in.channel();
            s.status = SaleStatus.ACTIVE;
            s.createdAt = Instant.now();
            s.createdBy = user.username();
            em.persist(s);
            persistAccessories(em, s, accessories, model, terms);
            HandsetStatus from = h.status;
            issue(h, s, user);
            Units.event(em, h, EventType.SOLD, from, user.username(), note);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", h.status);
            changes.put("saleId", s.id);
            changes.put("contactId", s.contactId);
            changes.put("storeAccountId", s.storeAccountId);
            changes.put("retailerAccountId", s.retailerAccountId);
            changes.put("invoiceNumber", s.invoiceNumber);
            changes.put("saleDate", s.saleDate);
            changes.put("warrantyUntil", s.warrantyUntil);
            changes.put("channel", s.channel);
            changes.put("accessories", accessories.size());
            audit.record(user.username(), HandsetService.RECORD, h.id.toString(), "sell", changes, s.storeAccountId);
            timeline.record(TimelineEntry.of(owner.id(), null, HandsetModule.ID, "HANDSET_SOLD", "Handset bought: " + model.name,
                    "IMEI " + h.imei + ", " + store.name() + ", sold " + saleDate + ", warranty until " + s.warrantyUntil
                            + (invoice == null ? "" : ", invoice " + invoice),
                    user.username(), HandsetService.RECORD, h.imei).withTitleKey("timeline.title.sold", model.name));
            em.flush();
            return Units.detail(em, h);
        });
        events.post(List.of(CrmEvent.of(HandsetEvents.SOLD, user.username(), "id", out.id(), HandsetEvents.IMEI, out.imei(),
                HandsetEvents.STATUS, out.status().name(), HandsetEvents.CONTACT_ID, out.ownerContactId())));
        return out;
    }

    /** Copies the card's facts onto the unit row (what lists, scopes and the IMEI lookup read). */
    private static void issue(Handset h, Sale s, CrmUser user) {
        h.status = HandsetStatus.SOLD;
        h.saleId = s.id;
        h.ownerContactId = s.contactId;
        h.storeAccountId = s.storeAccountId;
        h.saleDate = s.saleDate;
        h.warrantyStart = s.warrantyStart;
        h.warrantyUntil = s.warrantyUntil;
        Units.touch(h, user.username());
    }

    private static void persistAccessories(EntityManager em, Sale s, List<AccessoryData> accessories, HandsetModel model, WarrantyTerms terms) {
        for (AccessoryData a : accessories) {
            Accessory x = new Accessory();
            x.saleId = s.id;
            x.type = a.type();
            x.code = a.code();
            x.warrantyUntil = WarrantyRules.until(s.warrantyStart, terms.accessoryMonths(model, a.type()));
            em.persist(x);
        }
    }

    /** Validated accessories: a type each, each type once, codes up to 64 characters. */
    static List<AccessoryData> accessories(String field, List<AccessoryData> in) {
        if (in == null || in.isEmpty()) {
            return List.of();
        }
        if (in.size() > MAX_ACCESSORIES) {
            throw new InvalidInputException(field, "at most " + MAX_ACCESSORIES + " accessories", "handset.tooManyAccessories", MAX_ACCESSORIES);
        }
        Set<AccessoryType> seen = EnumSet.noneOf(AccessoryType.class);
        List<AccessoryData> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            AccessoryData a = in.get(i);
            String f = field + "[" + i + "]";
            if (a == null || a.type() == null) {
                throw new InvalidInputException(f + ".type", "type is required: one of " + java.util.Arrays.toString(AccessoryType.values()), "handset.accessoryTypeRequired", java.util.Arrays.toString(AccessoryType.values()));
            }
            if (!seen.add(a.type())) {
                throw new InvalidInputException(f + ".type", a.type() + " is listed twice", "handset.accessoryTwice", "accessory." + a.type());
            }
            out.add(new AccessoryData(a.type(), Fields.optional(f + ".code", a.code(), 64), null));
        }
        return out;
    }

    /** A contact that exists and that the user may see, else a 400 naming the field. */
    private ContactRef owner(CrmUser user, String field, Long contactId) {
        if (contactId == null) {
            throw new InvalidInputException(field, field + " is required: the owner (a contact id)", "handset.ownerContactRequired");
        }
        return customers.contact(contactId).filter(c -> scopes.canSeeContact(user, c.id()))
                .orElseThrow(() -> new InvalidInputException(field, "contact " + contactId + " does not exist", "noSuchContact", contactId));
    }

    /** A sold unit the user may see, locked; 404 when it does not exist or lies outside the user's scope. */
    private Handset lockedVisible(EntityManager em, CrmUser user, String imei) {
        Handset h = Units.lockedByImei(em, imei);
        if (!Units.visible(scopes, user, h)) {
            throw new RecordNotFoundException("handset", imei);
        }
        return h;
    }

    /** The day of a return or exchange: today by default, not in the future, not before the sale. */
    private LocalDate actionDay(LocalDate requested, Sale s) {
        LocalDate today = policy.today();
        LocalDate day = requested == null ? today : requested;
        if (day.isAfter(today)) {
            throw new InvalidInputException("date", "date " + day + " is in the future (today is " + today + ")", "handset.dateInFuture", day.toString(), today.toString());
        }
        if (day.isBefore(s.saleDate)) {
            throw new InvalidInputException("date", "date " + day + " is before the sale on " + s.saleDate, "handset.dateBeforeSale", day.toString(), String.valueOf(s.saleDate));
        }
        return day;
    }

    /**
     * Overrides of a rule (window, model) need the permission and a reason; returns the reason to record, or null
     * when no rule had to be overridden.
     */
    private static String override(CrmUser user, List<String> brokenRules, String reasonInput, String refusalCode, String refusalField, int windowDays) {
        if (brokenRules.isEmpty()) {
            return null;
        }
        String reason = Fields.optional("overrideReason", reasonInput, 400);
        if (reason == null) {
            throw new ConflictException(refusalCode, refusalField, String.join("; ", brokenRules), "handset.overrideNeeded", windowDays);
        }
        if (!user.hasPermission(HandsetModule.OVERRIDE)) {
            throw new AccessDeniedException(HandsetModule.OVERRIDE);
        }
        return "override of: " + String.join("; ", brokenRules.stream().map(r -> r.replaceAll("; HQ can override.*$", "")).toList()) + " — reason: " + reason;
    }

    private static Sale activeCard(EntityManager em, Handset h) {
        Sale s = h.saleId == null ? null : em.find(Sale.class, h.saleId);
        if (s == null || s.status != SaleStatus.ACTIVE) {
            throw new ConflictException("invalid_status", "status", "handset " + h.imei + " has no active warranty card", "handset.noActiveCard", h.imei);
        }
        return s;
    }

    // ---------------------------------------------------------------- return

    /** Undoes the sale within the return window (day 0 = sale day): the unit is RETURNED and has no owner any more. */
    public HandsetData returnUnit(CrmUser user, String imeiInput, ReturnRequest in) {
        user.require(HandsetModule.SALE);
        String imei = Fields.imei("imei", imeiInput);
        ReturnRequest r = in == null ? new ReturnRequest(null, null, null) : in;
        String note = Fields.optional("note", r.note(), 500);
        HandsetData out = jpa.txExpr(TransactionType.Required, em -> {
            Handset h = lockedVisible(em, user, imei);
            Units.requireStatus(h, "a return", HandsetStatus.SOLD);
            Sale s = activeCard(em, h);
            LocalDate day = actionDay(r.date(), s);
            int window = policy.terms().returnDays();
            List<String> broken = WarrantyRules.withinWindow(s.saleDate, day, window) ? List.of()
                    : List.of(WarrantyRules.windowMessage("a return", window, s.saleDate, day));
            String overridden = override(user, broken, r.overrideReason(), "return_window_expired", "date", window);
            Long previousOwner = h.ownerContactId;
            HandsetStatus from = h.status;
            s.status = SaleStatus.RETURNED;
            s.closedOn = day;
            h.status = HandsetStatus.RETURNED;
            h.ownerContactId = null;
            Units.touch(h, user.username());
            HandsetEvent e = Units.event(em, h, EventType.RETURNED, from, user.username(), note);
            e.previousContactId = previousOwner;
            e.overrideReason = overridden;
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", h.status);
            changes.put("returnedOn", day);
            changes.put("daysSinceSale", WarrantyRules.daysSince(s.saleDate, day));
            changes.put("previousOwner", previousOwner);
            changes.put("note", note);
            changes.put("override", overridden);
            audit.record(user.username(), HandsetService.RECORD, h.id.toString(), "return", changes, s.storeAccountId);
            HandsetModel model = em.find(HandsetModel.class, h.modelId);
            timeline.record(TimelineEntry.of(previousOwner, null, HandsetModule.ID, "HANDSET_RETURNED", "Handset returned: " + model.name,
                    "IMEI " + h.imei + ", returned " + day + " (day " + WarrantyRules.daysSince(s.saleDate, day) + " after the sale)"
                            + (note == null ? "" : ": " + note) + (overridden == null ? "" : "; " + overridden),
                    user.username(), HandsetService.RECORD, h.imei).withTitleKey("timeline.title.returned", model.name));
            em.flush();
            return Units.detail(em, h);
        });
        events.post(List.of(CrmEvent.of(HandsetEvents.RETURNED, user.username(), "id", out.id(), HandsetEvents.IMEI, out.imei(),
                HandsetEvents.STATUS, out.status().name(), HandsetEvents.PREVIOUS_CONTACT_ID, out.card() == null ? null : out.card().contactId())));
        return out;
    }

    // ---------------------------------------------------------------- exchange

    /**
     * Exchanges a faulty SOLD unit within the exchange window for an IN_STOCK unit of the same model (another model
     * needs the override: the rules promise a unit of the same model and specification). The old card is closed
     * EXCHANGED; the new unit gets a card with the same owner, store, invoice and sale date (so the windows stay
     * anchored to the original sale) whose warranty starts again on the exchange day.
     */
    public ExchangeResult exchange(CrmUser user, String imeiInput, ExchangeRequest in) {
        user.require(HandsetModule.SALE);
        String imei = Fields.imei("imei", imeiInput);
        if (in == null) {
            throw Units.missingBody();
        }
        String newImei = Fields.imei("newImei", in.newImei());
        if (newImei.equals(imei)) {
            throw new InvalidInputException("newImei", "newImei must be another unit than the one exchanged", "handset.exchangeSameUnit");
        }
        String note = Fields.optional("note", in.note(), 500);
        List<AccessoryData> newAccessories = in.accessories() == null ? null : accessories("accessories", in.accessories());
        ExchangeResult out = jpa.txExpr(TransactionType.Required, em -> {
            // lock both rows in id order, so that two exchanges involving the same two units cannot deadlock
            Handset oldPeek = Units.byImei(em, imei, false).orElseThrow(() -> new RecordNotFoundException("handset", imei));
            Handset newPeek = Units.byImei(em, newImei, false)
                    .orElseThrow(() -> new InvalidInputException("newImei", "no unit with IMEI " + newImei + " is registered", "handset.noUnitWithImei", newImei));
            if (oldPeek.id.equals(newPeek.id)) {
                throw new InvalidInputException("newImei", "newImei is the second IMEI of the unit exchanged", "handset.exchangeImei2");
            }
            Handset old;
            Handset fresh;
            if (oldPeek.id < newPeek.id) {
                old = lockedVisible(em, user, oldPeek.imei);
                fresh = Units.lockedByImei(em, newPeek.imei);
            } else {
                fresh = Units.lockedByImei(em, newPeek.imei);
                old = lockedVisible(em, user, oldPeek.imei);
            }
            Units.requireStatus(old, "an exchange", HandsetStatus.SOLD);
            if (fresh.status != HandsetStatus.IN_STOCK) {
                throw new ConflictException("invalid_status", "newImei", "unit " + fresh.imei + " is " + fresh.status + "; only an IN_STOCK unit can be handed out", "handset.newUnitNotInStock", fresh.imei, "status." + fresh.status.name());
            }
            Sale card = activeCard(em, old);
            LocalDate day = actionDay(in.date(), card);
            HandsetModel oldModel = em.find(HandsetModel.class, old.modelId);
            HandsetModel newModel = em.find(HandsetModel.class, fresh.modelId);
            int window = policy.terms().exchangeDays();
            List<String> broken = new ArrayList<>();
            if (!WarrantyRules.withinWindow(card.saleDate, day, window)) {
                broken.add(WarrantyRules.windowMessage("an exchange", window, card.saleDate, day));
            }
            if (!oldModel.id.equals(newModel.id)) {
                broken.add("an exchange is for a unit of the same model (" + oldModel.code + "), not " + newModel.code
                        + "; HQ can override with the permission handset.override and an overrideReason");
            }
            String code = broken.size() == 1 && !oldModel.id.equals(newModel.id) ? "model_mismatch" : "exchange_window_expired";
            String field = code.equals("model_mismatch") ? "newImei" : "date";
            String overridden = override(user, broken, in.overrideReason(), code, field, window);
            WarrantyTerms terms = policy.terms();

            Sale next = new Sale();
            next.handsetId = fresh.id;
            next.contactId = card.contactId;
            next.retailerAccountId = card.retailerAccountId;
            next.storeAccountId = card.storeAccountId;
            next.invoiceNumber = card.invoiceNumber;
            next.saleDate = card.saleDate;
            next.warrantyStart = day;
            next.warrantyUntil = WarrantyRules.until(day, terms.handsetMonths(newModel));
            next.channel = card.channel;
            next.status = SaleStatus.ACTIVE;
            next.previousSaleId = card.id;
            next.createdAt = Instant.now();
            next.createdBy = user.username();
            em.persist(next);
            List<AccessoryData> carried = newAccessories != null ? newAccessories
                    : Units.accessories(em, card.id).stream().map(a -> new AccessoryData(a.type, a.code, null)).toList();
            persistAccessories(em, next, carried, newModel, terms);

            card.status = SaleStatus.EXCHANGED;
            card.closedOn = day;
            Long owner = old.ownerContactId;
            HandsetStatus oldFrom = old.status;
            old.status = HandsetStatus.EXCHANGED;
            old.ownerContactId = null;
            Units.touch(old, user.username());
            HandsetStatus newFrom = fresh.status;
            issue(fresh, next, user);

            HandsetEvent out1 = Units.event(em, old, EventType.EXCHANGED_OUT, oldFrom, user.username(), note);
            out1.previousContactId = owner;
            out1.relatedHandsetId = fresh.id;
            out1.overrideReason = overridden;
            HandsetEvent in1 = Units.event(em, fresh, EventType.EXCHANGED_IN, newFrom, user.username(), note);
            in1.relatedHandsetId = old.id;
            in1.overrideReason = overridden;

            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", old.status);
            changes.put("exchangedOn", day);
            changes.put("daysSinceSale", WarrantyRules.daysSince(card.saleDate, day));
            changes.put("newImei", fresh.imei);
            changes.put("previousOwner", owner);
            changes.put("note", note);
            changes.put("override", overridden);
            audit.record(user.username(), HandsetService.RECORD, old.id.toString(), "exchange-out", changes, card.storeAccountId);
            Map<String, Object> issued = new LinkedHashMap<>();
            issued.put("status", fresh.status);
            issued.put("saleId", next.id);
            issued.put("contactId", next.contactId);
            issued.put("warrantyStart", next.warrantyStart);
            issued.put("warrantyUntil", next.warrantyUntil);
            issued.put("exchangedFor", old.imei);
            issued.put("override", overridden);
            audit.record(user.username(), HandsetService.RECORD, fresh.id.toString(), "exchange-in", issued, next.storeAccountId);
            timeline.record(TimelineEntry.of(owner, null, HandsetModule.ID, "HANDSET_EXCHANGED", "Handset exchanged: " + oldModel.name
                    + (oldModel.id.equals(newModel.id) ? "" : " → " + newModel.name),
                    "IMEI " + old.imei + " → " + fresh.imei + " on " + day + " (day " + WarrantyRules.daysSince(card.saleDate, day)
                            + " after the sale); new warranty until " + next.warrantyUntil + (note == null ? "" : ": " + note)
                            + (overridden == null ? "" : "; " + overridden),
                    user.username(), HandsetService.RECORD, fresh.imei).withTitleKey("timeline.title.exchanged", oldModel.name, oldModel.id.equals(newModel.id) ? "" : " → " + newModel.name));
            em.flush();
            return new ExchangeResult(Units.detail(em, old), Units.detail(em, fresh));
        });
        events.post(List.of(CrmEvent.of(HandsetEvents.EXCHANGED, user.username(), "id", out.returned().id(), HandsetEvents.IMEI,
                out.returned().imei(), HandsetEvents.STATUS, out.returned().status().name(), HandsetEvents.CONTACT_ID, out.issued().ownerContactId(),
                HandsetEvents.NEW_ID, out.issued().id(), HandsetEvents.NEW_IMEI, out.issued().imei())));
        return out;
    }

    // ---------------------------------------------------------------- transfer

    /** Moves ownership to another contact; the card (store, dates, warranty) stays, the previous owner stays in history. */
    public HandsetData transfer(CrmUser user, String imeiInput, TransferRequest in) {
        user.require(HandsetModule.SALE);
        String imei = Fields.imei("imei", imeiInput);
        if (in == null) {
            throw Units.missingBody();
        }
        ContactRef next = owner(user, "contactId", in.contactId());
        String note = Fields.optional("note", in.note(), 500);
        HandsetData out = jpa.txExpr(TransactionType.Required, em -> {
            Handset h = lockedVisible(em, user, imei);
            Units.requireStatus(h, "a transfer", HandsetStatus.SOLD, HandsetStatus.IN_REPAIR);
            Sale s = activeCard(em, h);
            Long previous = h.ownerContactId;
            if (java.util.Objects.equals(previous, next.id())) {
                throw new InvalidInputException("contactId", "contact " + next.id() + " already owns handset " + h.imei, "handset.alreadyOwner", next.id(), h.imei);
            }
            s.contactId = next.id();
            h.ownerContactId = next.id();
            Units.touch(h, user.username());
            HandsetEvent e = Units.event(em, h, EventType.TRANSFERRED, h.status, user.username(), note);
            e.previousContactId = previous;
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("ownerContactId", next.id());
            changes.put("previousOwner", previous);
            changes.put("note", note);
            audit.record(user.username(), HandsetService.RECORD, h.id.toString(), "transfer", changes, s.storeAccountId);
            HandsetModel model = em.find(HandsetModel.class, h.modelId);
            String previousName = previous == null ? "?" : customers.contact(previous).map(ContactRef::name).orElse("?");
            if (previous != null) {
                timeline.record(TimelineEntry.of(previous, null, HandsetModule.ID, "HANDSET_TRANSFERRED", "Handset passed on: " + model.name,
                        "IMEI " + h.imei + " now belongs to " + next.name() + (note == null ? "" : ": " + note), user.username(), HandsetService.RECORD, h.imei).withTitleKey("timeline.title.passedOn", model.name));
            }
            timeline.record(TimelineEntry.of(next.id(), null, HandsetModule.ID, "HANDSET_TRANSFERRED", "Handset taken over: " + model.name,
                    "IMEI " + h.imei + " from " + previousName + ", warranty until " + h.warrantyUntil + (note == null ? "" : ": " + note),
                    user.username(), HandsetService.RECORD, h.imei).withTitleKey("timeline.title.takenOver", model.name));
            em.flush();
            return Units.detail(em, h);
        });
        events.post(List.of(CrmEvent.of(HandsetEvents.TRANSFERRED, user.username(), "id", out.id(), HandsetEvents.IMEI, out.imei(),
                HandsetEvents.STATUS, out.status().name(), HandsetEvents.CONTACT_ID, out.ownerContactId())));
        return out;
    }

    // ---------------------------------------------------------------- channel sell-in (the HandsetRegistry API)

    /**
     * {@link org.opencrm.module.handset.api.HandsetRegistry#shippedToPartner}: each unit recorded as shipped to the
     * partner's account (on the unit, in its history and the audit trail), one timeline entry on the partner's account
     * for the units newly recorded; a unit already shipped to this partner is left as it is. No permission or scope
     * check here: the calling module checks its own. In the caller's transaction (JTA): all or nothing.
     */
    public List<HandsetChannelShipment> shippedToPartner(CrmUser actor, long partnerAccountId, List<String> imeis, String referenceInput) {
        if (actor == null) {
            throw new IllegalArgumentException("actor is required");
        }
        if (imeis == null || imeis.isEmpty()) {
            return List.of();
        }
        String reference = Fields.optional("reference", referenceInput, 40);
        List<String> wanted = imeis.stream().map(i -> Fields.imei("imeis", i)).toList();
        AccountRef partner = customers.account(partnerAccountId).orElseThrow(() -> new InvalidInputException("partnerAccountId",
                "account " + partnerAccountId + " does not exist", "handset.noSuchAccount"));
        return jpa.txExpr(TransactionType.Required, em -> {
            List<HandsetChannelShipment> out = new ArrayList<>();
            Map<String, Integer> newByModel = new LinkedHashMap<>();
            List<String> newImeis = new ArrayList<>();
            Instant now = Instant.now();
            for (String imei : wanted) {
                Handset h = Units.lockedByImei(em, imei); // of two shipments of one unit, the second waits and sees the first
                HandsetModel m = em.find(HandsetModel.class, h.modelId);
                if (h.channelAccountId != null && h.channelAccountId == partnerAccountId) {
                    out.add(channelShipment(h, m)); // recorded before (a repeated or retried call): nothing more
                    continue;
                }
                if (h.channelAccountId != null) {
                    String holder = customers.account(h.channelAccountId).map(AccountRef::name).orElse("#" + h.channelAccountId);
                    throw new ConflictException("held_by_other", "imeis", "handset " + h.imei + " was shipped to " + holder + " already",
                            "handset.heldByOther", h.imei, holder);
                }
                Units.requireStatus(h, "shipping to a partner", HandsetStatus.IN_STOCK);
                h.channelAccountId = partnerAccountId;
                h.channelShippedAt = now;
                h.channelReference = reference;
                Units.touch(h, actor.username());
                HandsetEvent e = Units.event(em, h, EventType.CHANNEL_SHIPPED, h.status, actor.username(), reference);
                e.accountId = partnerAccountId;
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("channelAccountId", partnerAccountId);
                changes.put("reference", reference);
                audit.record(actor.username(), HandsetService.RECORD, h.id.toString(), "shipToPartner", changes, partnerAccountId);
                newByModel.merge(m == null ? "?" : m.name, 1, Integer::sum);
                newImeis.add(h.imei);
                out.add(channelShipment(h, m));
            }
            if (!newImeis.isEmpty()) {
                // named by its type in the reader's language (timeline.type.HANDSET_CHANNEL_SHIPPED); the title is the models and counts
                List<String> counts = new ArrayList<>();
                newByModel.forEach((model, n) -> counts.add(n + " × " + model));
                String title = (reference == null ? "" : reference + ": ") + String.join(", ", counts);
                String detail = "IMEI " + String.join(", ", newImeis.size() > 50 ? newImeis.subList(0, 50) : newImeis)
                        + (newImeis.size() > 50 ? " … (+" + (newImeis.size() - 50) + ")" : "");
                timeline.record(TimelineEntry.of(null, partner.id(), HandsetModule.ID, "HANDSET_CHANNEL_SHIPPED", truncate(title, 200),
                        truncate(detail, 2000), actor.username(), HandsetService.RECORD, newImeis.get(0)));
            }
            em.flush();
            return out;
        });
    }

    static HandsetChannelShipment channelShipment(Handset h, HandsetModel m) {
        return new HandsetChannelShipment(h.imei, m == null ? null : m.code, h.channelAccountId, h.channelShippedAt, h.channelReference);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
