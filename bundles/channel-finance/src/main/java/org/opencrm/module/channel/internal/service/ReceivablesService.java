package org.opencrm.module.channel.internal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.channel.api.ChannelEvents;
import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.ChannelNames;
import org.opencrm.module.channel.internal.dto.AgingReport;
import org.opencrm.module.channel.internal.dto.AgingRow;
import org.opencrm.module.channel.internal.dto.AllocationData;
import org.opencrm.module.channel.internal.dto.CollectionData;
import org.opencrm.module.channel.internal.dto.CreditNoteData;
import org.opencrm.module.channel.internal.dto.CreditNoteInput;
import org.opencrm.module.channel.internal.dto.DecisionInput;
import org.opencrm.module.channel.internal.dto.InvoiceData;
import org.opencrm.module.channel.internal.dto.LedgerData;
import org.opencrm.module.channel.internal.dto.PaymentData;
import org.opencrm.module.channel.internal.dto.PaymentInput;
import org.opencrm.module.channel.internal.dto.StatementData;
import org.opencrm.module.channel.internal.dto.WriteOffData;
import org.opencrm.module.channel.internal.dto.WriteOffInput;
import org.opencrm.module.channel.internal.model.Allocation;
import org.opencrm.module.channel.internal.model.CollectionStep;
import org.opencrm.module.channel.internal.model.CreditNote;
import org.opencrm.module.channel.internal.model.CreditNoteReason;
import org.opencrm.module.channel.internal.model.CreditStatus;
import org.opencrm.module.channel.internal.model.Invoice;
import org.opencrm.module.channel.internal.model.LedgerEntry;
import org.opencrm.module.channel.internal.model.LedgerKind;
import org.opencrm.module.channel.internal.model.OrderStatus;
import org.opencrm.module.channel.internal.model.PartnerProfile;
import org.opencrm.module.channel.internal.model.Payment;
import org.opencrm.module.channel.internal.model.PaymentMethod;
import org.opencrm.module.channel.internal.model.RebateRunStatus;
import org.opencrm.module.channel.internal.model.SalesOrder;
import org.opencrm.module.channel.internal.model.WriteOff;
import org.opencrm.module.channel.internal.model.WriteOffStatus;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.activity.ActivityRecorder;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.TransactionRetry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Receivables: invoices (issued by shipments), payments allocated to the oldest open invoices first unless named,
 * credit notes, bad-debt write-offs with approval, the append-only ledger (balance = invoices - payments - credit notes
 * - write-offs, exact in fen), aging as of any date, statements and the collection run.
 *
 * <p>Every change locks the partner's row first (see {@link Books#lock}) and writes the ledger entry, the allocations
 * and the documents in one transaction.
 */
@Component(service = ReceivablesService.class)
public class ReceivablesService {
    static final Money MAX_AMOUNT = Money.ofFen(1_000_000_000_000_00L);
    private final TransactionRetry retry = TransactionRetry.standard();
    private final JpaTemplate jpa;
    private final DataScopes scopes;
    private final ChannelSettings settings;
    private final ChannelRecords records;
    private final PartnerService partners;

    @Activate
    public ReceivablesService(@Reference(target = ChannelNames.JPA_TARGET) JpaTemplate jpa, @Reference DataScopes scopes, @Reference ChannelSettings settings,
            @Reference ChannelRecords records, @Reference PartnerService partners) {
        this.jpa = jpa;
        this.scopes = scopes;
        this.settings = settings;
        this.records = records;
        this.partners = partners;
    }

    /** Started once the module's schema is at the latest version (the day settled of old invoices, its index). */
    @Reference
    private ChannelSchema schema;

    // ------------------------------------------------------------ payments and credit notes

    public PaymentData pay(CrmUser user, PaymentInput in) {
        return pay(user, in, null);
    }

    /** A payment received on {@code on} (today when null; the demo data records a year of them). */
    public PaymentData pay(CrmUser user, PaymentInput in, LocalDate on) {
        user.require(ChannelModule.FINANCE);
        long accountId = partners.requestedAccount(user, in, in == null ? null : in.accountId());
        PaymentMethod method = method(in.method());
        long amount = Money.ofYuan("amount", in.amount(), Money.Sign.POSITIVE, MAX_AMOUNT).fen();
        String reference = PartnerService.optional("reference", in.reference(), 100);
        return retry.run("payment", () -> jpa.txExpr(TransactionType.Required, em -> {
            PartnerProfile p = Books.lock(em, accountId);
            LocalDate day = on == null ? settings.today() : on;
            checkInvoices(em, accountId, in.invoiceIds());
            Payment pay = new Payment();
            pay.accountId = accountId;
            pay.method = method;
            pay.amountFen = amount;
            pay.receivedOn = day;
            pay.reference = reference;
            pay.createdBy = user.username();
            pay.createdAt = settings.now();
            em.persist(pay);
            pay.number = number("PAY", pay.id);
            ledger(em, accountId, LedgerKind.PAYMENT, pay.id, pay.number, -amount, day, user.username());
            List<Allocation> allocs = allocate(em, accountId, LedgerKind.PAYMENT, pay.id, amount, day, in.invoiceIds());
            pay.unallocatedFen = amount - allocs.stream().mapToLong(a -> a.amountFen).sum();
            records.audit(user.username(), "payment", pay.id, "create", ChannelRecords.changes("number", pay.number, "method", method, "amount", Money.yuan(amount),
                    "allocated", Money.yuan(amount - pay.unallocatedFen), "reference", reference), accountId);
            records.timeline(accountId, "channel.payment", "Payment " + pay.number + ": " + Money.yuan(amount) + " CNY (" + method + ")",
                    reference, user.username(), "payment", pay.id, "timeline.title.payment", pay.number, Money.yuan(amount).toPlainString(), "@method." + method);
            records.event(ChannelEvents.PAYMENT_RECEIVED, user.username(), accountId, "paymentId", pay.id, "amount", Money.yuan(amount).toPlainString());
            em.flush();
            return payment(em, pay);
        }));
    }

    public CreditNoteData creditNote(CrmUser user, CreditNoteInput in) {
        return creditNote(user, in, null);
    }

    /** A RETURN or ADJUSTMENT credit note (rebate credit notes come from settled rebate runs). */
    public CreditNoteData creditNote(CrmUser user, CreditNoteInput in, LocalDate on) {
        user.require(ChannelModule.FINANCE);
        long accountId = partners.requestedAccount(user, in, in == null ? null : in.accountId());
        CreditNoteReason reason;
        try {
            reason = CreditNoteReason.valueOf(PartnerService.required("reason", in.reason(), 20).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reason", "reason must be RETURN or ADJUSTMENT", "channel.creditNote.reason", in.reason());
        }
        if (reason == CreditNoteReason.REBATE) {
            throw new InvalidInputException("reason", "rebate credit notes are issued by settling a rebate run", "channel.creditNote.rebate");
        }
        long amount = Money.ofYuan("amount", in.amount(), Money.Sign.POSITIVE, MAX_AMOUNT).fen();
        String note = PartnerService.optional("note", in.note(), 500);
        return retry.run("credit note", () -> jpa.txExpr(TransactionType.Required, em -> {
            Books.lock(em, accountId);
            checkInvoices(em, accountId, in.invoiceIds());
            CreditNote c = issue(em, accountId, reason, amount, on == null ? settings.today() : on, note, null, user.username(), in.invoiceIds());
            em.flush();
            return creditNote(em, c);
        }));
    }

    /** Inside a transaction with the partner locked: the credit note, its ledger entry and its allocations. */
    CreditNote issue(EntityManager em, long accountId, CreditNoteReason reason, long amount, LocalDate day, String note, Long rebateResultId, String actor,
            List<Long> invoiceIds) {
        CreditNote c = new CreditNote();
        c.accountId = accountId;
        c.reason = reason;
        c.amountFen = amount;
        c.issuedOn = day;
        c.note = note;
        c.rebateResultId = rebateResultId;
        c.createdBy = actor;
        c.createdAt = settings.now();
        em.persist(c);
        c.number = number("CN", c.id);
        ledger(em, accountId, LedgerKind.CREDIT_NOTE, c.id, c.number, -amount, day, actor);
        List<Allocation> allocs = allocate(em, accountId, LedgerKind.CREDIT_NOTE, c.id, amount, day, invoiceIds);
        c.unallocatedFen = amount - allocs.stream().mapToLong(a -> a.amountFen).sum();
        records.audit(actor, "creditNote", c.id, "create", ChannelRecords.changes("number", c.number, "reason", reason, "amount", Money.yuan(amount), "note", note),
                accountId);
        records.timeline(accountId, "channel.creditNote", "Credit note " + c.number + " (" + reason + "): " + Money.yuan(amount) + " CNY", note, actor,
                "creditNote", c.id, "timeline.title.creditNote", c.number, "@creditNoteReason." + reason, Money.yuan(amount).toPlainString());
        records.event(ChannelEvents.CREDIT_NOTE_ISSUED, actor, accountId, "creditNoteId", c.id, "reason", reason.name(), "amount", Money.yuan(amount).toPlainString());
        if (reason == CreditNoteReason.RETURN) {
            partners.evaluate(em, Books.lock(em, accountId), settings.today(), actor, PartnerService.REASON_RETURN, c.number);
        }
        return c;
    }

    // ------------------------------------------------------------ write-offs

    public WriteOffData requestWriteOff(CrmUser user, WriteOffInput in) {
        user.require(ChannelModule.FINANCE);
        if (in == null || in.invoiceId() == null) {
            throw new InvalidInputException("invoiceId", "invoiceId is required", "required");
        }
        String reason = PartnerService.required("reason", in.reason(), 500);
        Long amount = in.amount() == null ? null : Money.ofYuan("amount", in.amount(), Money.Sign.POSITIVE, MAX_AMOUNT).fen();
        return retry.run("write-off request", () -> jpa.txExpr(TransactionType.Required, em -> {
            Invoice inv = visibleInvoice(em, user, in.invoiceId());
            Books.lock(em, inv.accountId);
            em.refresh(inv);
            long fen = amount == null ? inv.openFen : amount;
            if (fen <= 0 || fen > inv.openFen) {
                throw new InvalidInputException("amount", "a write-off is at most the invoice's open amount " + Money.yuan(inv.openFen), "channel.writeOff.tooMuch",
                        Money.yuan(inv.openFen));
            }
            WriteOff w = new WriteOff();
            w.accountId = inv.accountId;
            w.invoiceId = inv.id;
            w.amountFen = fen;
            w.reason = reason;
            w.status = WriteOffStatus.REQUESTED;
            w.requestedBy = user.username();
            w.requestedAt = settings.now();
            em.persist(w);
            em.flush();
            records.audit(user.username(), "writeOff", w.id, "request", ChannelRecords.changes("invoice", inv.number, "amount", Money.yuan(fen), "reason", reason),
                    inv.accountId);
            return writeOff(w);
        }));
    }

    /** Approve (the ledger entry and the allocation are written) or reject; never by the user who asked. */
    public WriteOffData decideWriteOff(CrmUser user, long id, DecisionInput in) {
        user.require(ChannelModule.WRITEOFF);
        if (in == null || in.approve() == null) {
            throw new InvalidInputException("approve", "approve is required (true or false)", "required");
        }
        String note = PartnerService.optional("note", in.note(), 500);
        return retry.run("write-off decision", () -> jpa.txExpr(TransactionType.Required, em -> {
            WriteOff w = em.find(WriteOff.class, id);
            if (w == null || !scopes.canSee(user, w.accountId)) {
                throw new RecordNotFoundException("writeOff", id);
            }
            Books.lock(em, w.accountId);
            em.refresh(w);
            if (w.status != WriteOffStatus.REQUESTED) {
                throw new ConflictException("invalid_status", "status", "write-off " + id + " is " + w.status, "channel.writeOff.decided", "writeOffStatus." + w.status.name());
            }
            if (w.requestedBy.equals(user.username())) {
                throw new ConflictException("four_eyes", "approve", "a write-off is decided by someone other than who asked for it", "channel.writeOff.fourEyes");
            }
            w.decidedBy = user.username();
            w.decidedAt = settings.now();
            if (Boolean.TRUE.equals(in.approve())) {
                Invoice inv = em.find(Invoice.class, w.invoiceId);
                em.refresh(inv);
                if (inv.openFen < w.amountFen) {
                    throw new ConflictException("invalid_amount", "amount", "the invoice's open amount is now " + Money.yuan(inv.openFen), "channel.writeOff.tooMuch",
                            Money.yuan(inv.openFen));
                }
                LocalDate day = settings.today();
                w.status = WriteOffStatus.APPROVED;
                w.writtenOffOn = day;
                ledger(em, w.accountId, LedgerKind.WRITE_OFF, w.id, "WO" + String.format(Locale.ROOT, "%06d", w.id), -w.amountFen, day, user.username());
                allocate(em, w.accountId, LedgerKind.WRITE_OFF, w.id, w.amountFen, day, List.of(inv.id));
                records.timeline(w.accountId, "channel.writeOff", "Written off " + Money.yuan(w.amountFen) + " CNY of " + inv.number, w.reason, user.username(),
                        "writeOff", w.id, "timeline.title.writeOff", Money.yuan(w.amountFen).toPlainString(), inv.number);
                records.event(ChannelEvents.WRITTEN_OFF, user.username(), w.accountId, "writeOffId", w.id, "invoiceId", inv.id, "amount",
                        Money.yuan(w.amountFen).toPlainString());
            } else {
                w.status = WriteOffStatus.REJECTED;
            }
            records.audit(user.username(), "writeOff", w.id, w.status == WriteOffStatus.APPROVED ? "approve" : "reject", ChannelRecords.changes("note", note),
                    w.accountId);
            em.flush();
            return writeOff(w);
        }));
    }

    public Page<WriteOffData> writeOffs(CrmUser user, String status, PageRequest page) {
        user.require(ChannelModule.READ);
        ScopeFilter scope = scopes.filter(user);
        WriteOffStatus st = status == null || status.isBlank() ? null : WriteOffStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        return jpa.txExpr(TransactionType.Supports, em -> Books.page(em, WriteOff.class, conditions("x.status = :s", st), scope, "x.id DESC", page,
                ReceivablesService::writeOff));
    }

    // ------------------------------------------------------------ lists

    public Page<InvoiceData> invoices(CrmUser user, Long accountId, boolean openOnly, PageRequest page) {
        user.require(ChannelModule.READ);
        if (accountId != null) {
            partners.visible(user, accountId);
        }
        ScopeFilter scope = scopes.filter(user);
        LocalDate today = settings.today();
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, String> names = new HashMap<>();
            return Books.page(em, Invoice.class, conditions("x.accountId = :a", accountId, "x.openFen > 0", openOnly ? Boolean.TRUE : null), scope,
                    "x.issuedOn DESC, x.id DESC", page, i -> invoice(i, name(em, names, i.accountId), today));
        });
    }

    public InvoiceData invoice(CrmUser user, long id) {
        user.require(ChannelModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Invoice i = visibleInvoice(em, user, id);
            return invoice(i, name(em, new HashMap<>(), i.accountId), settings.today());
        });
    }

    public Page<PaymentData> payments(CrmUser user, Long accountId, PageRequest page) {
        user.require(ChannelModule.READ);
        if (accountId != null) {
            partners.visible(user, accountId);
        }
        ScopeFilter scope = scopes.filter(user);
        return jpa.txExpr(TransactionType.Supports, em -> Books.page(em, Payment.class, conditions("x.accountId = :a", accountId), scope,
                "x.receivedOn DESC, x.id DESC", page, p -> payment(em, p)));
    }

    public Page<CreditNoteData> creditNotes(CrmUser user, Long accountId, PageRequest page) {
        user.require(ChannelModule.READ);
        if (accountId != null) {
            partners.visible(user, accountId);
        }
        ScopeFilter scope = scopes.filter(user);
        return jpa.txExpr(TransactionType.Supports, em -> Books.page(em, CreditNote.class, conditions("x.accountId = :a", accountId), scope,
                "x.issuedOn DESC, x.id DESC", page, n -> creditNote(em, n)));
    }

    /** The partner's ledger, oldest first, with the balance after each entry. */
    public Page<LedgerData> ledger(CrmUser user, long accountId, PageRequest page) {
        user.require(ChannelModule.READ);
        partners.visible(user, accountId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<LedgerEntry> entries = em.createQuery("SELECT l FROM LedgerEntry l WHERE l.accountId = :a ORDER BY l.onDate, l.id", LedgerEntry.class)
                    .setParameter("a", accountId).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            long before = 0;
            if (!entries.isEmpty() && page.offset() > 0) {
                LedgerEntry first = entries.get(0);
                before = Books.sum(em.createQuery("SELECT SUM(l.amountFen) FROM LedgerEntry l WHERE l.accountId = :a AND (l.onDate < :d OR (l.onDate = :d AND l.id < :i))")
                        .setParameter("a", accountId).setParameter("d", first.onDate).setParameter("i", first.id).getSingleResult());
            }
            long total = ((Number) em.createQuery("SELECT COUNT(l) FROM LedgerEntry l WHERE l.accountId = :a").setParameter("a", accountId).getSingleResult())
                    .longValue();
            return new Page<>(running(entries, before), total);
        });
    }

    private static List<LedgerData> running(List<LedgerEntry> entries, long before) {
        List<LedgerData> out = new ArrayList<>();
        long balance = before;
        for (LedgerEntry l : entries) {
            balance += l.amountFen;
            out.add(new LedgerData(l.id, l.kind.name(), l.documentId, l.documentNumber, Money.yuan(l.amountFen), l.onDate, Money.yuan(balance)));
        }
        return out;
    }

    // ------------------------------------------------------------ aging and statements

    /** Open receivables by days overdue as of {@code asOf} (today when null), of one partner or of every partner in scope. */
    public AgingReport aging(CrmUser user, LocalDate asOf, Long accountId, int limit) {
        user.require(ChannelModule.READ);
        if (accountId != null) {
            partners.visible(user, accountId);
        }
        LocalDate day = asOf == null ? settings.today() : asOf;
        ScopeFilter scope = scopes.filter(user);
        return jpa.txExpr(TransactionType.Supports, em -> aging(em, scope, day, accountId, limit));
    }

    AgingReport aging(EntityManager em, ScopeFilter scope, LocalDate day, Long accountId, int limit) {
        if (scope.isNothing()) {
            return new AgingReport(day, row(0, null, new long[5]), List.of(), 0);
        }
        long[] totals = new long[5];
        Map<Long, long[]> byPartner = buckets(em, scope, day, accountId, totals);
        List<Map.Entry<Long, long[]>> sorted = new ArrayList<>(byPartner.entrySet());
        sorted.sort((x, y) -> Long.compare(sum(y.getValue()), sum(x.getValue())));
        Map<Long, String> names = new HashMap<>();
        List<AgingRow> rows = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : sorted.subList(0, Math.min(limit, sorted.size()))) {
            rows.add(row(e.getKey(), name(em, names, e.getKey()), e.getValue()));
        }
        return new AgingReport(day, row(0, null, totals), rows, byPartner.size());
    }

    /**
     * Open amounts as of {@code day} per partner and bucket (added to {@code totals} too), in two statements whatever
     * the number of partners: the invoices open as of the day ({@code settledOn} after it or not yet, on the
     * CF_INVOICE_SETTLED / CF_INVOICE_ACCOUNT index) and, joined to the same invoices, what was allocated to them by then.
     */
    private static Map<Long, long[]> buckets(EntityManager em, ScopeFilter scope, LocalDate day, Long accountId, long[] totals) {
        String open = "i.issuedOn <= :d AND (i.settledOn IS NULL OR i.settledOn > :d)" + (accountId == null ? "" : " AND i.accountId = :a") + scope.jpql("i.accountId");
        javax.persistence.Query q = em.createQuery("SELECT i.id, i.accountId, i.dueOn, i.amountFen FROM Invoice i WHERE " + open);
        javax.persistence.Query paid = em.createQuery("SELECT a.invoiceId, SUM(a.amountFen) FROM Allocation a, Invoice i WHERE a.invoiceId = i.id AND a.onDate <= :d AND "
                + open + " GROUP BY a.invoiceId");
        for (javax.persistence.Query x : List.of(q, paid)) {
            x.setParameter("d", day);
            if (accountId != null) {
                x.setParameter("a", accountId);
            }
            scope.bind(x::setParameter);
        }
        Map<Long, Long> allocated = new HashMap<>();
        for (Object o : paid.getResultList()) {
            Object[] r = (Object[]) o;
            allocated.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        Map<Long, long[]> byPartner = new HashMap<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            long left = ((Number) r[3]).longValue() - allocated.getOrDefault(((Number) r[0]).longValue(), 0L);
            if (left <= 0) {
                continue;
            }
            int bucket = Aging.of((LocalDate) r[2], day).ordinal();
            byPartner.computeIfAbsent(((Number) r[1]).longValue(), k -> new long[5])[bucket] += left;
            totals[bucket] += left;
        }
        return byPartner;
    }

    private static long sum(long[] b) {
        long s = 0;
        for (long x : b) {
            s += x;
        }
        return s;
    }

    private static AgingRow row(long accountId, String name, long[] b) {
        return new AgingRow(accountId, name, Money.yuan(b[0]), Money.yuan(b[1]), Money.yuan(b[2]), Money.yuan(b[3]), Money.yuan(b[4]), Money.yuan(sum(b)));
    }

    /**
     * The rebate runs whose results a statement counts as earned: approved or settled. A computed run is a preview (it
     * can be computed again, or never approved) and earns nothing yet.
     */
    static final List<RebateRunStatus> EARNED = List.of(RebateRunStatus.APPROVED, RebateRunStatus.SETTLED);

    /** The statement (对账单) of a partner from {@code from} to {@code to} (inclusive): rebates earned are those of approved or settled runs. */
    public StatementData statement(CrmUser user, long accountId, LocalDate from, LocalDate to) {
        user.require(ChannelModule.READ);
        partners.visible(user, accountId);
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInputException("from", "from and to are required, from not after to", "channel.period.invalid");
        }
        return jpa.txExpr(TransactionType.Supports, em -> statement(em, accountId, from, to));
    }

    StatementData statement(EntityManager em, long accountId, LocalDate from, LocalDate to) {
        PartnerProfile p = em.find(PartnerProfile.class, accountId);
        if (p == null) {
            throw new RecordNotFoundException(PartnerService.RECORD, accountId);
        }
        long opening = Books.balanceBefore(em, accountId, from);
        List<LedgerEntry> entries = em.createQuery("SELECT l FROM LedgerEntry l WHERE l.accountId = :a AND l.onDate >= :f AND l.onDate <= :t ORDER BY l.onDate, l.id",
                LedgerEntry.class).setParameter("a", accountId).setParameter("f", from).setParameter("t", to).getResultList();
        Map<Long, long[]> aging = buckets(em, ScopeFilter.unrestricted(), to, accountId, new long[5]);
        long rebates = Books.sum(em.createQuery("SELECT SUM(r.totalFen) FROM RebateResult r, RebateRun u WHERE r.runId = u.id AND r.accountId = :a"
                + " AND u.periodEnd >= :f AND u.periodEnd <= :t AND u.status IN :st").setParameter("a", accountId).setParameter("f", from).setParameter("t", to)
                .setParameter("st", EARNED).getSingleResult());
        return statement(p, from, to, opening, entries, aging.getOrDefault(accountId, new long[5]), rebates);
    }

    /**
     * The statements of every partner for the period (the month-end close), in five statements whatever the number of
     * partners instead of five per partner: the partners, the opening balances (grouped), the period's ledger entries,
     * the aging at the period's end and the rebates earned (grouped). Each equals {@link #statement(EntityManager, long,
     * LocalDate, LocalDate)} of that partner.
     */
    List<StatementData> statements(EntityManager em, LocalDate from, LocalDate to) {
        List<PartnerProfile> all = em.createQuery("SELECT p FROM PartnerProfile p ORDER BY p.accountId", PartnerProfile.class).getResultList();
        Map<Long, Long> opening = grouped(em.createQuery("SELECT l.accountId, SUM(l.amountFen) FROM LedgerEntry l WHERE l.onDate < :f GROUP BY l.accountId")
                .setParameter("f", from).getResultList());
        Map<Long, List<LedgerEntry>> entries = new HashMap<>();
        for (LedgerEntry l : em.createQuery("SELECT l FROM LedgerEntry l WHERE l.onDate >= :f AND l.onDate <= :t ORDER BY l.accountId, l.onDate, l.id",
                LedgerEntry.class).setParameter("f", from).setParameter("t", to).getResultList()) {
            entries.computeIfAbsent(l.accountId, k -> new ArrayList<>()).add(l);
        }
        Map<Long, long[]> aging = buckets(em, ScopeFilter.unrestricted(), to, null, new long[5]);
        Map<Long, Long> rebates = grouped(em.createQuery("SELECT r.accountId, SUM(r.totalFen) FROM RebateResult r, RebateRun u WHERE r.runId = u.id"
                + " AND u.periodEnd >= :f AND u.periodEnd <= :t AND u.status IN :st GROUP BY r.accountId").setParameter("f", from).setParameter("t", to)
                .setParameter("st", EARNED).getResultList());
        List<StatementData> out = new ArrayList<>(all.size());
        for (PartnerProfile p : all) {
            out.add(statement(p, from, to, opening.getOrDefault(p.accountId, 0L), entries.getOrDefault(p.accountId, List.of()),
                    aging.getOrDefault(p.accountId, new long[5]), rebates.getOrDefault(p.accountId, 0L)));
        }
        return out;
    }

    private static Map<Long, Long> grouped(List<?> rows) {
        Map<Long, Long> out = new HashMap<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            out.put(((Number) r[0]).longValue(), r[1] == null ? 0L : ((Number) r[1]).longValue());
        }
        return out;
    }

    private static StatementData statement(PartnerProfile p, LocalDate from, LocalDate to, long opening, List<LedgerEntry> entries, long[] aging, long rebates) {
        Map<LedgerKind, Long> sums = new EnumMap<>(LedgerKind.class);
        for (LedgerKind k : LedgerKind.values()) {
            sums.put(k, 0L);
        }
        for (LedgerEntry l : entries) {
            sums.merge(l.kind, l.amountFen, Long::sum);
        }
        long closing = opening + entries.stream().mapToLong(l -> l.amountFen).sum();
        return new StatementData(p.accountId, p.accountName, from, to, Money.yuan(opening), Money.yuan(sums.get(LedgerKind.INVOICE)),
                Money.yuan(-sums.get(LedgerKind.PAYMENT)), Money.yuan(-sums.get(LedgerKind.CREDIT_NOTE)), Money.yuan(-sums.get(LedgerKind.WRITE_OFF)),
                Money.yuan(closing), running(entries, opening), row(p.accountId, p.accountName, aging), Money.yuan(rebates));
    }

    // ------------------------------------------------------------ collection

    /**
     * The collection run as of today: for every open overdue invoice, once per level (1–30, 31–60, 61–90, over 90 days)
     * a reminder on the partner's timeline for its account manager; a partner with an invoice overdue by more than
     * {@code holdAfterOverdueDays} goes ON_HOLD (automatic, with the reason). Repeating it the same day does nothing more.
     */
    public CollectionData collect(CrmUser user) {
        return collect(user, Locale.ENGLISH);
    }

    /** {@link #collect(CrmUser)}, what it did said in the reader's language. */
    public CollectionData collect(CrmUser user, Locale reader) {
        user.require(ChannelModule.FINANCE);
        LocalDate today = settings.today();
        List<Object[]> due = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT i.id, i.accountId FROM Invoice i WHERE i.openFen > 0 AND i.dueOn < :t ORDER BY i.accountId, i.dueOn", Object[].class).setParameter("t", today)
                .getResultList());
        Map<Long, List<Long>> byPartner = new LinkedHashMap<>();
        for (Object[] r : due) {
            byPartner.computeIfAbsent(((Number) r[1]).longValue(), k -> new ArrayList<>()).add(((Number) r[0]).longValue());
        }
        int[] counts = new int[2];
        List<ChannelTexts.Text> actions = new ArrayList<>();
        int hold = settings.rules().holdAfterOverdueDays();
        for (Map.Entry<Long, List<Long>> e : byPartner.entrySet()) {
            retry.run("collection", () -> jpa.txExpr(TransactionType.Required, em -> {
                PartnerProfile p = Books.lock(em, e.getKey());
                int oldest = 0;
                String oldestNumber = null;
                for (Long invoiceId : e.getValue()) {
                    Invoice inv = em.find(Invoice.class, invoiceId);
                    int days = (int) Aging.overdueDays(inv.dueOn, today);
                    int level = Aging.of(days).level();
                    if (days > oldest) {
                        oldest = days;
                        oldestNumber = inv.number;
                    }
                    Long taken = em.createQuery("SELECT COUNT(s) FROM CollectionStep s WHERE s.invoiceId = :i AND s.stepLevel = :l", Long.class)
                            .setParameter("i", invoiceId).setParameter("l", level).getSingleResult();
                    if (taken > 0) {
                        continue;
                    }
                    CollectionStep s = new CollectionStep();
                    s.accountId = p.accountId;
                    s.invoiceId = invoiceId;
                    s.stepLevel = level;
                    s.overdueDays = days;
                    s.openFen = inv.openFen;
                    s.action = "REMINDER";
                    s.takenOn = today;
                    s.createdAt = settings.now();
                    // the reminder is a core activity of the partner's account for its manager: in the account's activities, the
                    // manager's list and the timeline (the step above makes it once per invoice and level)
                    // what it says is kept as a message key and its arguments, said in the reader's language; the core's activity keeps
                    // the module's text too (its values as text, the amount already formatted), with the English words for its search
                    s.messageKey = REMINDER_KEY;
                    s.messageArgs = ChannelTexts.encode(level, inv.number, days, Money.yuan(inv.openFen));
                    s.activityId = records.activity(p.accountId, ChannelModule.COLLECTION_ACTIVITY, ChannelTexts.say(Locale.ENGLISH, s.messageKey, s.messageArgs),
                            ActivityRecorder.Wording.subject(ACTIVITY_REMINDER_KEY, level, inv.number, days, ChannelTexts.amount(Money.yuan(inv.openFen))),
                            today, p.accountManager, user.username());
                    em.persist(s);
                    records.audit(user.username(), "invoice", inv.id, "collectionReminder", ChannelRecords.changes("level", level, "overdueDays", days,
                            "accountManager", p.accountManager), p.accountId);
                    counts[0]++;
                    actions.add(ChannelTexts.Text.of(ACTION_REMINDER_KEY, p.accountName, inv.number, level));
                }
                if (oldest > hold && p.creditStatus == CreditStatus.NORMAL) {
                    // the automatic hold's reason is the module's text, said in each reader's language (a manual hold's is typed by HQ)
                    partners.setStatus(em, p, CreditStatus.ON_HOLD, ChannelTexts.Text.of(AUTO_HOLD_KEY, oldestNumber, oldest, hold), user.username(), settings.now());
                    counts[1]++;
                    actions.add(ChannelTexts.Text.of(ACTION_HOLD_KEY, p.accountName));
                }
                return null;
            }));
        }
        return new CollectionData(counts[0], counts[1], actions.stream().map(a -> a.in(reader)).toList());
    }


    /** A collection reminder's subject: level, invoice number, days overdue, open amount (yuan). */
    public static final String REMINDER_KEY = "collection.reminder.subject";
    /** The reminder's subject as the core activity keeps it: the same words, every value as text. */
    static final String ACTIVITY_REMINDER_KEY = "collection.reminder.activity";
    static final String ACTION_REMINDER_KEY = "collection.action.reminder";
    static final String ACTION_HOLD_KEY = "collection.action.hold";
    static final String AUTO_HOLD_KEY = "collection.autoHold";

    /**
     * The collection reminders of an account as their readers see them: each step's text in the reader's language,
     * newest first (steps taken before the text was kept say nothing).
     */
    public List<String> reminders(CrmUser user, long accountId, Locale reader) {
        user.require(ChannelModule.READ);
        partners.visible(user, accountId);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT s FROM CollectionStep s WHERE s.accountId = :a AND s.messageKey IS NOT NULL "
                + "ORDER BY s.takenOn DESC, s.id DESC", CollectionStep.class).setParameter("a", accountId).getResultList().stream()
                .map(s -> ChannelTexts.say(reader, s.messageKey, s.messageArgs)).toList());
    }

    // ------------------------------------------------------------ inside a transaction, the partner locked

    LedgerEntry ledger(EntityManager em, long accountId, LedgerKind kind, long documentId, String number, long amountFen, LocalDate day, String actor) {
        LedgerEntry l = new LedgerEntry();
        l.accountId = accountId;
        l.kind = kind;
        l.documentId = documentId;
        l.documentNumber = number;
        l.amountFen = amountFen;
        l.onDate = day;
        l.createdAt = settings.now();
        l.actor = actor;
        em.persist(l);
        return l;
    }

    /** Applies up to {@code amount} to the partner's open invoices (the named ones, else the oldest first); the allocations made. */
    List<Allocation> allocate(EntityManager em, long accountId, LedgerKind kind, long sourceId, long amount, LocalDate day, List<Long> explicit) {
        List<Invoice> open = em.createQuery("SELECT i FROM Invoice i WHERE i.accountId = :a AND i.openFen > 0", Invoice.class).setParameter("a", accountId)
                .getResultList();
        Map<Long, Invoice> byId = new HashMap<>();
        List<Allocations.Open> candidates = new ArrayList<>();
        for (Invoice i : open) {
            byId.put(i.id, i);
            candidates.add(new Allocations.Open(i.id, i.issuedOn, i.dueOn, i.openFen));
        }
        List<Allocation> made = new ArrayList<>();
        Set<Long> orders = new HashSet<>();
        for (Allocations.Share s : Allocations.plan(candidates, amount, explicit)) {
            Invoice inv = byId.get(s.invoiceId());
            inv.openFen -= s.amountFen();
            Allocation a = new Allocation();
            a.accountId = accountId;
            a.invoiceId = inv.id;
            a.sourceKind = kind;
            a.sourceId = sourceId;
            a.amountFen = s.amountFen();
            a.onDate = day.isBefore(inv.issuedOn) ? inv.issuedOn : day;
            a.createdAt = settings.now();
            em.persist(a);
            made.add(a);
            if (inv.openFen == 0) {
                // settled as of the latest date of its allocations
                LocalDate last = em.createQuery("SELECT MAX(x.onDate) FROM Allocation x WHERE x.invoiceId = :i", LocalDate.class).setParameter("i", inv.id)
                        .getSingleResult();
                inv.settledOn = last == null || a.onDate.isAfter(last) ? a.onDate : last;
                orders.add(inv.orderId);
            }
        }
        markPaid(em, orders);
        return made;
    }

    /** After a new invoice: what the partner paid or was credited ahead (unallocated) pays it, the oldest first. */
    void applyCredits(EntityManager em, long accountId, LocalDate day) {
        for (Payment p : em.createQuery("SELECT p FROM Payment p WHERE p.accountId = :a AND p.unallocatedFen > 0 ORDER BY p.receivedOn, p.id", Payment.class)
                .setParameter("a", accountId).getResultList()) {
            p.unallocatedFen -= allocate(em, accountId, LedgerKind.PAYMENT, p.id, p.unallocatedFen, day, null).stream().mapToLong(a -> a.amountFen).sum();
        }
        for (CreditNote c : em.createQuery("SELECT c FROM CreditNote c WHERE c.accountId = :a AND c.unallocatedFen > 0 ORDER BY c.issuedOn, c.id", CreditNote.class)
                .setParameter("a", accountId).getResultList()) {
            c.unallocatedFen -= allocate(em, accountId, LedgerKind.CREDIT_NOTE, c.id, c.unallocatedFen, day, null).stream().mapToLong(a -> a.amountFen).sum();
        }
    }

    /** Orders fully shipped whose invoices are all paid are PAID. */
    private static void markPaid(EntityManager em, Collection<Long> orderIds) {
        for (Long id : orderIds) {
            SalesOrder o = em.find(SalesOrder.class, id);
            if (o != null && o.status == OrderStatus.SHIPPED) {
                long open = em.createQuery("SELECT COUNT(i) FROM Invoice i WHERE i.orderId = :o AND i.openFen > 0", Long.class).setParameter("o", id)
                        .getSingleResult();
                if (open == 0) {
                    o.status = OrderStatus.PAID;
                }
            }
        }
    }

    // ------------------------------------------------------------ views and checks

    /** Conditions and their values, in pairs, for {@link Books#page} (a null value leaves its condition out). */
    static Map<String, Object> conditions(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static String number(String prefix, long id) {
        return prefix + String.format(Locale.ROOT, "%06d", id);
    }

    private static void checkInvoices(EntityManager em, long accountId, List<Long> ids) {
        if (ids == null) {
            return;
        }
        for (Long id : ids) {
            Invoice i = id == null ? null : em.find(Invoice.class, id);
            if (i == null || i.accountId != accountId) {
                throw new InvalidInputException("invoiceIds", "invoice " + id + " is not an invoice of this partner", "channel.invoice.notPartners",
                        i == null ? String.valueOf(id) : i.number);
            }
        }
    }

    private Invoice visibleInvoice(EntityManager em, CrmUser user, long id) {
        Invoice i = em.find(Invoice.class, id);
        if (i == null || !scopes.canSee(user, i.accountId)) {
            throw new RecordNotFoundException("invoice", id);
        }
        return i;
    }

    static String name(EntityManager em, Map<Long, String> cache, long accountId) {
        return cache.computeIfAbsent(accountId, k -> {
            PartnerProfile p = em.find(PartnerProfile.class, k);
            return p == null ? null : p.accountName;
        });
    }

    static InvoiceData invoice(Invoice i, String accountName, LocalDate today) {
        long days = i.openFen > 0 ? Math.max(0, Aging.overdueDays(i.dueOn, today)) : 0;
        return new InvoiceData(i.id, i.number, i.accountId, accountName, i.orderId, i.shipmentId, i.issuedOn, i.dueOn, Money.yuan(i.amountFen), Money.yuan(i.openFen),
                i.openFen > 0 ? Aging.of(days).name() : "PAID", days);
    }

    private static List<AllocationData> allocations(EntityManager em, LedgerKind kind, long sourceId) {
        List<AllocationData> out = new ArrayList<>();
        for (Object o : em.createQuery("SELECT a.invoiceId, i.number, a.amountFen, a.onDate FROM Allocation a, Invoice i WHERE a.invoiceId = i.id"
                + " AND a.sourceKind = :k AND a.sourceId = :s ORDER BY a.id").setParameter("k", kind).setParameter("s", sourceId).getResultList()) {
            Object[] r = (Object[]) o;
            out.add(new AllocationData(((Number) r[0]).longValue(), (String) r[1], Money.yuan(((Number) r[2]).longValue()), (LocalDate) r[3]));
        }
        return out;
    }

    static PaymentData payment(EntityManager em, Payment p) {
        return new PaymentData(p.id, p.number, p.accountId, p.method.name(), Money.yuan(p.amountFen), Money.yuan(p.unallocatedFen), p.receivedOn, p.reference,
                allocations(em, LedgerKind.PAYMENT, p.id));
    }

    static CreditNoteData creditNote(EntityManager em, CreditNote c) {
        return new CreditNoteData(c.id, c.number, c.accountId, c.reason.name(), Money.yuan(c.amountFen), Money.yuan(c.unallocatedFen), c.issuedOn, c.note,
                allocations(em, LedgerKind.CREDIT_NOTE, c.id));
    }

    static WriteOffData writeOff(WriteOff w) {
        return new WriteOffData(w.id, w.accountId, w.invoiceId, Money.yuan(w.amountFen), w.reason, w.status.name(), w.requestedBy, w.requestedAt, w.decidedBy,
                w.decidedAt);
    }

    private static PaymentMethod method(String s) {
        try {
            return PaymentMethod.valueOf(PartnerService.required("method", s, 20).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("method", "method must be one of " + List.of(PaymentMethod.values()), "channel.method.invalid", s);
        }
    }

    static BigDecimal yuan(long fen) {
        return Money.yuan(fen);
    }

}
