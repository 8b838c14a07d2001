package org.opencrm.module.channel.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.channel.api.ChannelEvents;
import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.ChannelNames;
import org.opencrm.module.channel.internal.dto.LineInput;
import org.opencrm.module.channel.internal.dto.OrderData;
import org.opencrm.module.channel.internal.dto.OrderInput;
import org.opencrm.module.channel.internal.dto.OrderLineData;
import org.opencrm.module.channel.internal.dto.ProductData;
import org.opencrm.module.channel.internal.dto.ReasonInput;
import org.opencrm.module.channel.internal.dto.ShipInput;
import org.opencrm.module.channel.internal.dto.ShipLineInput;
import org.opencrm.module.channel.internal.dto.ShipmentData;
import org.opencrm.module.channel.internal.model.CreditStatus;
import org.opencrm.module.channel.internal.model.Invoice;
import org.opencrm.module.channel.internal.model.LedgerKind;
import org.opencrm.module.channel.internal.model.OrderLine;
import org.opencrm.module.channel.internal.model.OrderStatus;
import org.opencrm.module.channel.internal.model.PartnerProfile;
import org.opencrm.module.channel.internal.model.Price;
import org.opencrm.module.channel.internal.model.SalesOrder;
import org.opencrm.module.channel.internal.model.Shipment;
import org.opencrm.module.channel.internal.model.ShipmentLine;
import org.opencrm.module.channel.internal.model.ShippedUnit;
import org.opencrm.module.channel.spi.ProductSource;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.TransactionRetry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sell-in orders: submit (credit checked) → approve (checked again) → ship, partially or whole (each shipment is
 * invoiced at once, due after the partner's settlement term) → paid when every invoice is; cancel before shipping.
 *
 * <p>The credit check: exposure = receivables (the ledger's balance: invoices not yet paid or credited) + orders
 * submitted or approved and not yet invoiced, this order included. An order of a partner on hold or blacklisted, of a
 * partner with an invoice overdue by more than the configured days, or one that takes the exposure over the credit
 * limit is refused (409, {@link CreditRefusedException}) and nothing is written, unless a user with
 * channel.credit.override gives a reason (recorded on the order and in the audit trail). The check runs with the
 * partner's row locked: of two orders racing for the last credit the second waits for the first and sees it.
 */
@Component(service = OrderService.class)
public class OrderService {
    public static final String RECORD = "order";
    static final int MAX_LINES = 200;
    static final int MAX_QUANTITY = 100_000;
    private final TransactionRetry retry = TransactionRetry.standard();
    private final JpaTemplate jpa;
    private final DataScopes scopes;
    private final ChannelSettings settings;
    private final ChannelRecords records;
    private final PartnerService partners;
    private final CatalogueService catalogue;
    private final ReceivablesService receivables;
    private final CrmEventPublisher events;

    @Activate
    public OrderService(@Reference(target = ChannelNames.JPA_TARGET) JpaTemplate jpa, @Reference DataScopes scopes, @Reference ChannelSettings settings,
            @Reference ChannelRecords records, @Reference PartnerService partners, @Reference CatalogueService catalogue,
            @Reference ReceivablesService receivables, @Reference CrmEventPublisher events) {
        this.jpa = jpa;
        this.scopes = scopes;
        this.settings = settings;
        this.records = records;
        this.partners = partners;
        this.catalogue = catalogue;
        this.receivables = receivables;
        this.events = events;
    }

    // ------------------------------------------------------------ submit, approve, cancel

    public OrderData submit(CrmUser user, OrderInput in) {
        return submit(user, in, null);
    }

    /** Submits an order on {@code on} (now when null; the demo data enters a year of orders). */
    public OrderData submit(CrmUser user, OrderInput in, Instant on) {
        user.require(ChannelModule.ORDER);
        long accountId = partners.requestedAccount(user, in, in == null ? null : in.accountId());
        String override = override(user, in.overrideReason());
        String note = PartnerService.optional("note", in.note(), 500);
        List<LineInput> lines = in.lines();
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInputException("lines", "an order needs at least one line", "channel.order.noLines");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("lines", "an order has at most " + MAX_LINES + " lines", "channel.order.tooManyLines", MAX_LINES);
        }
        for (int i = 0; i < lines.size(); i++) {
            LineInput l = lines.get(i);
            if (l == null || l.productCode() == null || l.productCode().isBlank()) {
                throw new InvalidInputException("lines[" + i + "].productCode", "productCode is required", "required");
            }
            if (l.quantity() == null || l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                throw new InvalidInputException("lines[" + i + "].quantity", "quantity is 1 to " + MAX_QUANTITY, "channel.quantity.invalid", MAX_QUANTITY);
            }
        }
        return credited(accountId, user, () -> retry.run("order submit", () -> jpa.txExpr(TransactionType.Required, em -> {
            PartnerProfile p = Books.lock(em, accountId);
            Instant now = on == null ? settings.now() : on;
            SalesOrder o = new SalesOrder();
            o.accountId = accountId;
            o.status = OrderStatus.SUBMITTED;
            o.note = note;
            o.submittedAt = now;
            o.submittedBy = user.username();
            o.changedAt = now;
            List<OrderLine> made = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < lines.size(); i++) {
                LineInput l = lines.get(i);
                String code = l.productCode().strip();
                String field = "lines[" + i + "].productCode";
                ProductData product = catalogue.product(em, code)
                        .orElseThrow(() -> new InvalidInputException(field, "product " + code + " does not exist", "channel.product.unknown", code));
                // the product's own spelling of its code (the handset registry's are upper case)
                Price price = CatalogueService.price(em, p.grade, product.code()).orElseThrow(() -> new InvalidInputException(field,
                        "product " + code + " has no price for grade " + p.grade, "channel.price.missing", code, Grades.messageArg(p.grade)));
                OrderLine line = new OrderLine();
                line.lineNo = i + 1;
                line.productCode = product.code();
                line.productName = product.name();
                line.serialised = Boolean.TRUE.equals(product.serialised());
                line.quantity = l.quantity();
                line.unitPriceFen = price.priceFen;
                total = Math.addExact(total, Math.multiplyExact(price.priceFen, (long) l.quantity()));
                made.add(line);
            }
            o.totalFen = total;
            Books.Position pos = Books.position(em, p, settings.clock().dateOf(now));
            check(p, pos, total, user, override, o);
            em.persist(o);
            o.number = ReceivablesService.number("SO", o.id);
            for (OrderLine line : made) {
                line.orderId = o.id;
                em.persist(line);
            }
            records.audit(user.username(), RECORD, o.id, "submit", ChannelRecords.changes("number", o.number, "total", Money.yuan(total), "lines", made.size(),
                    "exposure", Money.yuan(pos.exposureFen() + total), "limit", Money.yuan(p.creditLimitFen), "override", o.overrideReason), accountId);
            records.timeline(accountId, "channel.order", "Order " + o.number + " submitted: " + Money.yuan(total) + " CNY", o.overrideReason == null ? note
                    : "credit override by " + o.overrideBy + ": " + o.overrideReason, user.username(), RECORD, o.id,
                    "timeline.title.orderSubmitted", o.number, Money.yuan(total).toPlainString());
            records.event(ChannelEvents.ORDER_SUBMITTED, user.username(), accountId, "orderId", o.id, "amount", Money.yuan(total).toPlainString(), "override",
                    o.overrideReason != null);
            em.flush();
            return data(em, o);
        })));
    }

    /** HQ approves a submitted order; the credit is checked again (the order already counts in the exposure). */
    public OrderData approve(CrmUser user, long id, ReasonInput in) {
        return approve(user, id, in, null);
    }

    public OrderData approve(CrmUser user, long id, ReasonInput in, Instant on) {
        user.require(ChannelModule.APPROVE);
        String override = override(user, in == null ? null : in.reason());
        long accountId = accountOf(user, id);
        return credited(accountId, user, () -> retry.run("order approve", () -> jpa.txExpr(TransactionType.Required, em -> {
            PartnerProfile p = Books.lock(em, accountId);
            SalesOrder o = em.find(SalesOrder.class, id);
            em.refresh(o);
            if (o.status != OrderStatus.SUBMITTED) {
                throw new ConflictException("invalid_status", "status", "order " + o.number + " is " + o.status + ", not SUBMITTED", "channel.order.status",
                        o.number, "orderStatus." + o.status.name());
            }
            Instant now = on == null ? settings.now() : on;
            Books.Position pos = Books.position(em, p, settings.clock().dateOf(now));
            String before = o.overrideReason;
            o.overrideReason = null;
            check(p, pos, 0, user, override, o);
            if (o.overrideReason == null) {
                o.overrideReason = before;
            }
            o.status = OrderStatus.APPROVED;
            o.approvedAt = now;
            o.approvedBy = user.username();
            o.changedAt = now;
            records.audit(user.username(), RECORD, o.id, "approve", ChannelRecords.changes("exposure", Money.yuan(pos.exposureFen()), "limit",
                    Money.yuan(p.creditLimitFen), "override", override == null ? null : o.overrideReason), accountId);
            records.timeline(accountId, "channel.order", "Order " + o.number + " approved", override == null ? null : "credit override: " + override,
                    user.username(), RECORD, o.id, "timeline.title.orderApproved", o.number);
            records.event(ChannelEvents.ORDER_APPROVED, user.username(), accountId, "orderId", o.id);
            em.flush();
            return data(em, o);
        })));
    }

    /** Cancels an order that has not shipped: by whoever may order for the partner, or an approver. */
    public OrderData cancel(CrmUser user, long id, ReasonInput in) {
        if (!user.hasPermission(ChannelModule.APPROVE)) {
            user.require(ChannelModule.ORDER);
        }
        String reason = PartnerService.required("reason", in == null ? null : in.reason(), 500);
        long accountId = accountOf(user, id);
        return retry.run("order cancel", () -> jpa.txExpr(TransactionType.Required, em -> {
            Books.lock(em, accountId);
            SalesOrder o = em.find(SalesOrder.class, id);
            em.refresh(o);
            if (o.status != OrderStatus.SUBMITTED && o.status != OrderStatus.APPROVED) {
                throw new ConflictException("invalid_status", "status", "order " + o.number + " is " + o.status + ": only orders not shipped are cancelled",
                        "channel.order.notCancellable", o.number, "orderStatus." + o.status.name());
            }
            o.status = OrderStatus.CANCELLED;
            o.cancelReason = reason;
            o.changedAt = settings.now();
            records.audit(user.username(), RECORD, o.id, "cancel", ChannelRecords.changes("reason", reason), accountId);
            records.timeline(accountId, "channel.order", "Order " + o.number + " cancelled", reason, user.username(), RECORD, o.id,
                    "timeline.title.orderCancelled", o.number);
            records.event(ChannelEvents.ORDER_CANCELLED, user.username(), accountId, "orderId", o.id);
            em.flush();
            return data(em, o);
        }));
    }

    // ------------------------------------------------------------ ship

    public ShipmentData ship(CrmUser user, long id, ShipInput in) {
        return ship(user, id, in, null);
    }

    /**
     * Ships what the lines say (every open line in full when none are named): a shipment, its invoice (due after the
     * partner's term), the ledger entry, credit the partner had ahead applied to it, the grade evaluated.
     */
    public ShipmentData ship(CrmUser user, long id, ShipInput in, LocalDate on) {
        user.require(ChannelModule.APPROVE);
        long accountId = accountOf(user, id);
        List<ShipLineInput> asked = in == null || in.lines() == null ? List.of() : in.lines();
        return retry.run("order ship", () -> jpa.txExpr(TransactionType.Required, em -> {
            PartnerProfile p = Books.lock(em, accountId);
            SalesOrder o = em.find(SalesOrder.class, id);
            em.refresh(o);
            if (o.status != OrderStatus.APPROVED && o.status != OrderStatus.PARTIALLY_SHIPPED) {
                throw new ConflictException("invalid_status", "status", "order " + o.number + " is " + o.status + ": approve it before shipping",
                        "channel.order.notShippable", o.number, "orderStatus." + o.status.name());
            }
            LocalDate day = on == null ? settings.today() : on;
            List<OrderLine> lines = lines(em, o.id);
            Map<Long, OrderLine> byId = new HashMap<>();
            lines.forEach(l -> byId.put(l.id, l));
            List<ShipLineInput> plan = new ArrayList<>();
            if (asked.isEmpty()) {
                for (OrderLine l : lines) {
                    if (l.quantity > l.shippedQuantity) {
                        if (l.serialised) {
                            throw new InvalidInputException("lines", "line " + l.lineNo + " (" + l.productCode + ") ships by serial number: list the lines with their serials",
                                    "channel.ship.serialsRequired", l.lineNo, l.productCode);
                        }
                        plan.add(new ShipLineInput(l.id, l.quantity - l.shippedQuantity, null));
                    }
                }
            } else {
                plan.addAll(asked);
            }
            Shipment s = new Shipment();
            s.orderId = o.id;
            s.accountId = accountId;
            s.shippedOn = day;
            s.createdBy = user.username();
            s.createdAt = settings.now();
            em.persist(s);
            s.number = ReceivablesService.number("SH", s.id);
            long amount = 0;
            Set<Long> seen = new HashSet<>();
            Set<String> serialsSeen = new HashSet<>();
            for (int i = 0; i < plan.size(); i++) {
                ShipLineInput x = plan.get(i);
                String f = "lines[" + i + "]";
                OrderLine l = x == null || x.orderLineId() == null ? null : byId.get(x.orderLineId());
                if (l == null || !seen.add(l.id)) {
                    throw new InvalidInputException(f + ".orderLineId", "not a line of order " + o.number + " (or named twice)", "channel.ship.line", o.number);
                }
                int open = l.quantity - l.shippedQuantity;
                if (x.quantity() == null || x.quantity() < 1 || x.quantity() > open) {
                    throw new InvalidInputException(f + ".quantity", "line " + l.lineNo + " has " + open + " left to ship", "channel.ship.quantity", l.lineNo, open);
                }
                List<String> serials = x.serials() == null ? List.of() : x.serials().stream().map(String::strip).toList();
                if (l.serialised || !serials.isEmpty()) {
                    if (serials.size() != x.quantity()) {
                        throw new InvalidInputException(f + ".serials", "list one serial number (IMEI) per unit: " + x.quantity(), "channel.ship.serialCount",
                                x.quantity());
                    }
                    for (String serial : serials) {
                        if (!serial.matches("[A-Za-z0-9-]{4,40}") || !serialsSeen.add(serial) || shippedBefore(em, serial)) {
                            throw new InvalidInputException(f + ".serials", "serial " + serial + " is invalid or was shipped already", "channel.ship.serial", serial);
                        }
                        ShippedUnit u = new ShippedUnit();
                        u.shipmentId = s.id;
                        u.accountId = accountId;
                        u.productCode = l.productCode;
                        u.serial = serial;
                        em.persist(u);
                    }
                    Optional<ProductSource> source = catalogue.source();
                    if (source.isPresent() && source.get().product(l.productCode).isPresent()) {
                        source.get().shipped(user, accountId, l.productCode, serials, s.number);
                    }
                }
                long lineAmount = Math.multiplyExact(l.unitPriceFen, (long) x.quantity());
                ShipmentLine sl = new ShipmentLine();
                sl.shipmentId = s.id;
                sl.orderLineId = l.id;
                sl.productCode = l.productCode;
                sl.quantity = x.quantity();
                sl.amountFen = lineAmount;
                em.persist(sl);
                l.shippedQuantity += x.quantity();
                amount = Math.addExact(amount, lineAmount);
            }
            if (plan.isEmpty()) {
                throw new ConflictException("nothing_to_ship", "lines", "order " + o.number + " has nothing left to ship", "channel.ship.nothing", o.number);
            }
            s.amountFen = amount;
            Invoice inv = new Invoice();
            inv.accountId = accountId;
            inv.orderId = o.id;
            inv.shipmentId = s.id;
            inv.issuedOn = day;
            inv.dueOn = day.plusDays(p.term.days());
            inv.amountFen = amount;
            inv.openFen = amount;
            inv.createdAt = settings.now();
            em.persist(inv);
            inv.number = ReceivablesService.number("INV", inv.id);
            s.invoiceId = inv.id;
            o.shippedFen += amount;
            o.status = lines.stream().allMatch(l -> l.shippedQuantity == l.quantity) ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED;
            o.changedAt = settings.now();
            receivables.ledger(em, accountId, LedgerKind.INVOICE, inv.id, inv.number, amount, day, user.username());
            em.flush();
            receivables.applyCredits(em, accountId, day);
            partners.evaluate(em, p, day, user.username(), PartnerService.REASON_SHIPMENT, s.number);
            records.audit(user.username(), RECORD, o.id, "ship", ChannelRecords.changes("shipment", s.number, "invoice", inv.number, "amount", Money.yuan(amount),
                    "dueOn", inv.dueOn, "status", o.status), accountId);
            records.timeline(accountId, "channel.shipment", "Shipment " + s.number + " of " + o.number + ": " + Money.yuan(amount) + " CNY, invoice " + inv.number
                    + " due " + inv.dueOn, null, user.username(), RECORD, o.id,
                    "timeline.title.shipped", s.number, o.number, Money.yuan(amount).toPlainString(), inv.number, inv.dueOn);
            records.event(ChannelEvents.SHIPPED, user.username(), accountId, "shipmentId", s.id, "orderId", o.id, "invoiceId", inv.id, "amount",
                    Money.yuan(amount).toPlainString());
            em.flush();
            return new ShipmentData(s.id, s.number, o.id, accountId, day, Money.yuan(amount), inv.id, inv.number);
        }));
    }

    // ------------------------------------------------------------ reads

    public OrderData get(CrmUser user, long id) {
        user.require(ChannelModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> data(em, visible(em, user, id)));
    }

    public Page<OrderData> list(CrmUser user, Long accountId, String status, PageRequest page) {
        user.require(ChannelModule.READ);
        if (accountId != null) {
            partners.visible(user, accountId);
        }
        OrderStatus st = status == null || status.isBlank() ? null : status(status);
        ScopeFilter scope = scopes.filter(user);
        return jpa.txExpr(TransactionType.Supports, em -> Books.page(em, SalesOrder.class, ReceivablesService.conditions("x.accountId = :a", accountId,
                "x.status = :s", st), scope, "x.id DESC", page, o -> data(em, o)));
    }

    public List<ShipmentData> shipments(CrmUser user, long orderId) {
        user.require(ChannelModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            visible(em, user, orderId);
            List<ShipmentData> out = new ArrayList<>();
            for (Shipment s : em.createQuery("SELECT s FROM Shipment s WHERE s.orderId = :o ORDER BY s.id", Shipment.class).setParameter("o", orderId)
                    .getResultList()) {
                Invoice inv = s.invoiceId == null ? null : em.find(Invoice.class, s.invoiceId);
                out.add(new ShipmentData(s.id, s.number, s.orderId, s.accountId, s.shippedOn, Money.yuan(s.amountFen), s.invoiceId, inv == null ? null : inv.number));
            }
            return out;
        });
    }

    // ------------------------------------------------------------ the credit check

    /**
     * Refuses the order unless the partner's credit allows it ({@code extraFen}: what the order adds to the exposure
     * that is not in it yet), or lets it through with the override reason of a user allowed to.
     */
    void check(PartnerProfile p, Books.Position pos, long extraFen, CrmUser user, String override, SalesOrder o) {
        long exposure = Math.addExact(pos.exposureFen(), extraFen);
        CreditRefusedException refusal = null;
        if (p.creditStatus != CreditStatus.NORMAL) {
            refusal = new CreditRefusedException("credit_hold", "partner " + p.accountName + " is " + p.creditStatus
                    + (p.creditStatusReason == null ? "" : " (" + p.creditStatusReason + ")"), CreditRefusedException.KEY_HOLD, p.creditLimitFen, exposure,
                    "status." + p.creditStatus.name());
        } else if (pos.oldestOverdueDays() > settings.rules().blockingOverdueDays()) {
            refusal = new CreditRefusedException("credit_overdue", "partner " + p.accountName + " has an invoice overdue " + pos.oldestOverdueDays()
                    + " days (more than " + settings.rules().blockingOverdueDays() + ")", CreditRefusedException.KEY_OVERDUE, p.creditLimitFen, exposure,
                    pos.oldestOverdueDays());
        } else if (exposure > p.creditLimitFen) {
            refusal = new CreditRefusedException("credit_limit", "the order takes " + p.accountName + "'s exposure to " + Money.yuan(exposure)
                    + " CNY, over the credit limit of " + Money.yuan(p.creditLimitFen) + " CNY by " + Money.yuan(exposure - p.creditLimitFen) + " CNY",
                    CreditRefusedException.KEY_LIMIT, p.creditLimitFen, exposure, null);
        }
        if (refusal == null) {
            return;
        }
        if (override == null) {
            throw refusal;
        }
        o.overrideReason = override;
        o.overrideBy = user.username();
    }

    /** Runs the work; a credit refusal is posted as an event (after the rollback: nothing else was written) and thrown. */
    private <T> T credited(long accountId, CrmUser user, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (CreditRefusedException e) {
            events.post(ChannelEvents.CREDIT_REFUSED, user.username(), "accountId", accountId, "code", e.code(), "limit", e.limit().toPlainString(), "exposure",
                    e.exposure().toPlainString(), "shortfall", e.shortfall().toPlainString());
            throw e;
        }
    }

    /** The override reason, when given: only for users with channel.credit.override (403 otherwise). */
    private static String override(CrmUser user, String reason) {
        String r = PartnerService.optional("overrideReason", reason, 500);
        if (r != null) {
            user.require(ChannelModule.CREDIT_OVERRIDE);
        }
        return r;
    }

    // ------------------------------------------------------------ helpers

    private long accountOf(CrmUser user, long id) {
        return jpa.txExpr(TransactionType.Supports, em -> visible(em, user, id).accountId);
    }

    private SalesOrder visible(EntityManager em, CrmUser user, long id) {
        SalesOrder o = em.find(SalesOrder.class, id);
        if (o == null || !scopes.canSee(user, o.accountId)) {
            throw new RecordNotFoundException(RECORD, id);
        }
        return o;
    }

    private static boolean shippedBefore(EntityManager em, String serial) {
        return em.createQuery("SELECT COUNT(u) FROM ShippedUnit u WHERE u.serial = :s", Long.class).setParameter("s", serial).getSingleResult() > 0;
    }

    static List<OrderLine> lines(EntityManager em, long orderId) {
        return em.createQuery("SELECT l FROM OrderLine l WHERE l.orderId = :o ORDER BY l.lineNo", OrderLine.class).setParameter("o", orderId).getResultList();
    }

    private static OrderStatus status(String s) {
        try {
            return OrderStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "status must be one of " + List.of(OrderStatus.values()), "channel.status.invalid", s);
        }
    }

    OrderData data(EntityManager em, SalesOrder o) {
        PartnerProfile p = em.find(PartnerProfile.class, o.accountId);
        List<OrderLineData> lines = lines(em, o.id).stream().map(l -> new OrderLineData(l.id, l.lineNo, l.productCode, l.productName, l.quantity, l.shippedQuantity,
                Money.yuan(l.unitPriceFen), Money.yuan(l.unitPriceFen * l.quantity), l.serialised)).toList();
        return new OrderData(o.id, o.number, o.accountId, p == null ? null : p.accountName, o.status.name(), Money.yuan(o.totalFen), Money.yuan(o.shippedFen),
                o.note, o.submittedAt, o.submittedBy, o.approvedAt, o.approvedBy, o.overrideReason, o.overrideBy, o.cancelReason, lines);
    }
}
