package org.opencrm.module.membership.internal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.CouponData;
import org.opencrm.module.membership.internal.dto.CouponRequest;
import org.opencrm.module.membership.internal.dto.PromotionData;
import org.opencrm.module.membership.internal.model.Coupon;
import org.opencrm.module.membership.internal.model.Member;
import org.opencrm.module.membership.internal.model.Promotion;
import org.opencrm.module.membership.internal.model.Txn;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.Queries;
import org.opencrm.platform.persistence.SqlFailure;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Promotions (earning multipliers by date range, store and tier), the birthday-month multiplier and coupons. The
 * earning path reads promotions from a snapshot kept a few seconds (writes on this node drop it at once), so a
 * purchase costs no promotion query.
 */
@Component(service = PromotionService.class)
public class PromotionService {
    public static final String RECORD = "promotion";
    static final long SNAPSHOT_MILLIS = 10_000;
    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("100");
    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final Rules rules;
    private volatile Snapshot snapshot;

    private record Snapshot(List<Promotion> active, long loadedAt) {
    }

    @Activate
    public PromotionService(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa, @Reference AuditTrail audit, @Reference Rules rules) {
        this.jpa = jpa;
        this.audit = audit;
        this.rules = rules;
    }

    // ---------------------------------------------------------------- earning

    /**
     * The promotion part of a purchase's multiplier: the highest of the matching promotions and, in the member's
     * birthday month, the birthday multiplier; 1 when none applies. (The tier multiplier and a coupon multiply it.)
     */
    public BigDecimal promotionMultiplier(LocalDate day, Long storeAccountId, String tier, LocalDate birthday) {
        BigDecimal best = BigDecimal.ONE;
        for (Promotion p : active()) {
            if (!day.isBefore(p.startDate) && !day.isAfter(p.endDate) && (p.storeAccountId == null || p.storeAccountId.equals(storeAccountId))
                    && (p.tiers == null || Arrays.asList(p.tiers.split(",")).contains(tier))) {
                BigDecimal m = new BigDecimal(p.multiplier);
                if (m.compareTo(best) > 0) {
                    best = m;
                }
            }
        }
        if (birthday != null && MonthDay.from(birthday).getMonth() == day.getMonth()) {
            BigDecimal b = rules.terms().birthdayMultiplier();
            if (b.compareTo(best) > 0) {
                best = b;
            }
        }
        return best;
    }

    private List<Promotion> active() {
        Snapshot s = snapshot;
        long now = System.currentTimeMillis();
        if (s == null || now - s.loadedAt() > SNAPSHOT_MILLIS) {
            List<Promotion> loaded = jpa.txExpr(TransactionType.Supports, em -> em
                    .createQuery("SELECT p FROM Promotion p WHERE p.active = true AND p.endDate >= :d", Promotion.class)
                    .setParameter("d", rules.today().minusDays(1)).getResultList());
            s = new Snapshot(List.copyOf(loaded), now);
            snapshot = s;
        }
        return s.active();
    }

    /** The coupon for a purchase, inside the purchase's transaction (the member locked): valid, the member's, unused. */
    Coupon couponFor(EntityManager em, Member m, String code, LocalDate day) {
        List<Coupon> found = em.createQuery("SELECT c FROM Coupon c WHERE c.code = :c", Coupon.class).setParameter("c", code.strip().toUpperCase(Locale.ROOT))
                .getResultList();
        if (found.isEmpty() || !found.get(0).memberId.equals(m.id)) {
            throw new InvalidInputException("couponCode", "coupon " + code + " does not exist for member " + m.memberNumber, "membership.noSuchCoupon", code, m.memberNumber);
        }
        Coupon c = found.get(0);
        if (c.usedByTxnId != null) {
            throw new ConflictException("coupon_used", "couponCode", "coupon " + c.code + " was already used on " + c.usedAt, "membership.couponUsed", c.code, String.valueOf(c.usedAt));
        }
        if (c.validUntil != null && day.isAfter(c.validUntil)) {
            throw new ConflictException("coupon_expired", "couponCode", "coupon " + c.code + " was valid until " + c.validUntil, "membership.couponExpired", c.code, String.valueOf(c.validUntil));
        }
        return c;
    }

    // ---------------------------------------------------------------- promotions

    public Page<PromotionData> list(CrmUser user, boolean currentOnly, PageRequest page) {
        user.require(MembershipModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            String where = currentOnly ? " WHERE p.active = true AND p.endDate >= :d" : "";
            var q = em.createQuery("SELECT p FROM Promotion p" + where + " ORDER BY p.startDate DESC, p.id DESC", Promotion.class);
            var c = em.createQuery("SELECT COUNT(p) FROM Promotion p" + where, Long.class);
            if (currentOnly) {
                q.setParameter("d", rules.today());
                c.setParameter("d", rules.today());
            }
            return Queries.page(q, c, page).map(PromotionService::data);
        });
    }

    public PromotionData get(CrmUser user, long id) {
        user.require(MembershipModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> data(find(em, id)));
    }

    public PromotionData create(CrmUser user, PromotionData in) {
        user.require(MembershipModule.ADMIN);
        Promotion p = new Promotion();
        apply(p, in);
        p.createdAt = rules.now();
        p.createdBy = user.username();
        PromotionData out = jpa.txExpr(TransactionType.Required, em -> {
            em.persist(p);
            audit.record(user.username(), RECORD, p.id.toString(), "create", changes(p), p.storeAccountId);
            em.flush();
            return data(p);
        });
        snapshot = null;
        return out;
    }

    public PromotionData update(CrmUser user, long id, PromotionData in) {
        user.require(MembershipModule.ADMIN);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        PromotionData out = jpa.txExpr(TransactionType.Required, em -> {
            Promotion p = find(em, id);
            Queries.checkVersion(RECORD, id, in.version(), p.version);
            apply(p, in);
            audit.record(user.username(), RECORD, p.id.toString(), "update", changes(p), p.storeAccountId);
            em.flush();
            return data(p);
        });
        snapshot = null;
        return out;
    }

    private static Map<String, Object> changes(Promotion p) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", p.name);
        c.put("multiplier", p.multiplier);
        c.put("startDate", p.startDate);
        c.put("endDate", p.endDate);
        c.put("storeAccountId", p.storeAccountId);
        c.put("tiers", p.tiers);
        c.put("active", p.active);
        return c;
    }

    private void apply(Promotion p, PromotionData in) {
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 100) {
            throw new InvalidInputException("name", "name is required (up to 100 characters)", "membership.promotionNameRequired");
        }
        p.multiplier = multiplier("multiplier", in.multiplier(), true).toPlainString();
        if (in.startDate() == null) {
            throw new InvalidInputException("startDate", "startDate is required", "membership.startDateRequired");
        }
        if (in.endDate() == null || in.endDate().isBefore(in.startDate())) {
            throw new InvalidInputException("endDate", "endDate is required and may not be before startDate", "membership.endDateOrder");
        }
        if (in.tiers() != null) {
            for (String t : in.tiers()) {
                if (rules.terms().tiers().stream().noneMatch(x -> x.name().equalsIgnoreCase(t))) {
                    throw new InvalidInputException("tiers", "'" + t + "' is not a configured tier", "membership.notATier", t);
                }
            }
        }
        p.name = in.name().strip();
        p.startDate = in.startDate();
        p.endDate = in.endDate();
        p.storeAccountId = in.storeAccountId();
        p.tiers = in.tiers() == null || in.tiers().isEmpty() ? null : String.join(",", in.tiers().stream().map(t -> t.strip().toUpperCase(Locale.ROOT)).toList());
        p.active = in.active() == null || in.active();
    }

    static BigDecimal multiplier(String field, BigDecimal m, boolean required) {
        if (m == null) {
            if (required) {
                throw new InvalidInputException(field, field + " is required, e.g. 2.0", "membership.multiplierRequired");
            }
            return null;
        }
        if (m.compareTo(BigDecimal.ONE) < 0 || m.compareTo(MAX_MULTIPLIER) > 0 || m.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, field + " must be between 1 and 100 with at most 2 decimal places", "membership.multiplierRange");
        }
        return m.stripTrailingZeros().scale() < 1 ? m.setScale(1) : m.stripTrailingZeros();
    }

    private static Promotion find(EntityManager em, long id) {
        Promotion p = em.find(Promotion.class, id);
        if (p == null) {
            throw new RecordNotFoundException(RECORD, id);
        }
        return p;
    }

    static PromotionData data(Promotion p) {
        return new PromotionData(p.id, p.name, new BigDecimal(p.multiplier), p.startDate, p.endDate, p.storeAccountId,
                p.tiers == null ? List.of() : List.of(p.tiers.split(",")), p.active, p.version);
    }

    // ---------------------------------------------------------------- coupons

    public CouponData issueCoupon(CrmUser user, CouponRequest in, DataScopes scopes) {
        user.require(MembershipModule.WRITE);
        if (in == null || in.memberId() == null) {
            throw new InvalidInputException("memberId", "memberId is required", "membership.memberRequired");
        }
        BigDecimal multiplier = multiplier("multiplier", in.multiplier(), false);
        long bonus = in.bonusPoints() == null ? 0 : in.bonusPoints();
        if (bonus < 0 || bonus > 10_000_000) {
            throw new InvalidInputException("bonusPoints", "bonusPoints must be between 0 and 10,000,000", "membership.bonusRange");
        }
        if (multiplier == null && bonus == 0) {
            throw new InvalidInputException("multiplier", "a coupon needs a multiplier or bonusPoints", "membership.couponNeedsValue");
        }
        if (in.name() != null && in.name().length() > 100) {
            throw new InvalidInputException("name", "name is up to 100 characters", "membership.nameLong");
        }
        String code = in.code() == null || in.code().isBlank() ? "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT)
                : in.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9-]{4,40}")) {
            throw new InvalidInputException("code", "code is 4-40 letters, digits or dashes", "membership.couponCodeFormat");
        }
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                Member m = em.find(Member.class, in.memberId());
                if (m == null || !scopes.canSee(user, m.joinStoreAccountId)) {
                    throw new RecordNotFoundException(MemberService.RECORD, in.memberId());
                }
                Coupon c = new Coupon();
                c.code = code;
                c.memberId = m.id;
                c.name = in.name();
                c.multiplier = multiplier == null ? null : multiplier.toPlainString();
                c.bonusPoints = bonus;
                c.validUntil = in.validUntil();
                c.createdAt = rules.now();
                c.createdBy = user.username();
                em.persist(c);
                audit.record(user.username(), "coupon", code, "issue", Map.of("memberId", m.id, "bonusPoints", bonus, "multiplier", String.valueOf(c.multiplier)),
                        m.joinStoreAccountId);
                em.flush();
                return coupon(c, null);
            });
        } catch (RuntimeException e) {
            if (SqlFailure.of(e) == SqlFailure.UNIQUE_VIOLATION) {
                throw new ConflictException("duplicate", "code", "coupon " + code + " exists", "membership.couponExists", code);
            }
            throw e;
        }
    }

    public CouponData coupon(CrmUser user, String code) {
        if (!user.hasPermission(MembershipModule.CASHIER)) {
            user.require(MembershipModule.READ);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<Coupon> found = em.createQuery("SELECT c FROM Coupon c WHERE c.code = :c", Coupon.class).setParameter("c", code.strip().toUpperCase(Locale.ROOT))
                    .getResultList();
            if (found.isEmpty()) {
                throw new RecordNotFoundException("coupon", code);
            }
            Coupon c = found.get(0);
            return coupon(c, c.usedByTxnId == null ? null : em.find(Txn.class, c.usedByTxnId));
        });
    }

    public Page<CouponData> coupons(CrmUser user, long memberId, PageRequest page) {
        user.require(MembershipModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(
                em.createQuery("SELECT c FROM Coupon c WHERE c.memberId = :m ORDER BY c.id DESC", Coupon.class).setParameter("m", memberId),
                em.createQuery("SELECT COUNT(c) FROM Coupon c WHERE c.memberId = :m", Long.class).setParameter("m", memberId), page)
                .map(c -> coupon(c, null)));
    }

    static CouponData coupon(Coupon c, Txn used) {
        return new CouponData(c.id, c.code, c.memberId, c.name, c.multiplier == null ? null : new BigDecimal(c.multiplier), c.bonusPoints, c.validUntil,
                c.usedByTxnId != null, c.usedAt, used == null ? null : used.reference);
    }
}
