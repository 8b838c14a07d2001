package org.opencrm.module.repair.internal.service;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.PartData;
import org.opencrm.module.repair.internal.dto.PartInput;
import org.opencrm.module.repair.internal.model.Part;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.Queries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The parts catalogue: part number, name, the models a part fits, cost and price. */
@Component(service = PartCatalogService.class)
public class PartCatalogService {
    private static final Pattern PART_NUMBER = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");
    private final RepairContext ctx;

    @Activate
    public PartCatalogService(@Reference RepairContext ctx) {
        this.ctx = ctx;
    }

    public PartData create(CrmUser user, PartInput in) {
        user.require(RepairModule.ADMIN);
        Checked c = check(in);
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            if (find(em, c.number) != null) {
                throw new ConflictException("duplicate", "partNumber", "part " + c.number + " exists already", "repair.partExists", c.number);
            }
            Part p = new Part();
            p.partNumber = c.number;
            apply(p, c, in.active() == null || in.active(), user);
            em.persist(p);
            em.flush();
            ctx.audit(user, Records.PART, p.id, "create", changes(p), null);
            return Records.part(p);
        });
    }

    /** Name, models, cost, price and active may change; the part number stays. {@code version} is required. */
    public PartData update(CrmUser user, long id, PartInput in) {
        user.require(RepairModule.ADMIN);
        Checked c = check(in);
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            Part p = em.find(Part.class, id);
            if (p == null) {
                throw new RecordNotFoundException("part", id);
            }
            Queries.checkVersion("part", id, in.version(), p.version);
            if (!p.partNumber.equals(c.number)) {
                throw new InvalidInputException("partNumber", "the part number of part " + id + " is " + p.partNumber + " and cannot change", "repair.partNumberFixed", id, p.partNumber);
            }
            apply(p, c, in.active() == null ? p.active : in.active(), user);
            em.flush();
            ctx.audit(user, Records.PART, p.id, "update", changes(p), null);
            return Records.part(p);
        });
    }

    public PartData get(CrmUser user, long id) {
        user.require(RepairModule.READ);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            Part p = em.find(Part.class, id);
            if (p == null) {
                throw new RecordNotFoundException("part", id);
            }
            return Records.part(p);
        });
    }

    public PartData byNumber(CrmUser user, String partNumber) {
        user.require(RepairModule.READ);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            Part p = partNumber == null ? null : find(em, partNumber.strip().toUpperCase(Locale.ROOT));
            if (p == null) {
                throw new RecordNotFoundException("part", partNumber);
            }
            return Records.part(p);
        });
    }

    /** {@code q}: part-number or name prefix; {@code model}: only parts that fit this model code; by part number. */
    public Page<PartData> search(CrmUser user, String q, String model, PageRequest page) {
        user.require(RepairModule.READ);
        Where where = new Where();
        if (page.query() != null || q != null) {
            String text = page.query() != null ? page.query() : q.strip();
            where.and("(p.partNumber LIKE :number ESCAPE '\\' OR p.nameKey LIKE :name ESCAPE '\\')", "number",
                    Queries.escapeLike(text.toUpperCase(Locale.ROOT)) + "%").param("name", Queries.prefixPattern(text));
        }
        if (model != null && !model.isBlank()) {
            where.and("p.models LIKE :model ESCAPE '\\'", "model", "%|" + Queries.escapeLike(model.strip().toUpperCase(Locale.ROOT)) + "|%");
        }
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            return where.page(em, "SELECT p", "SELECT COUNT(p)", "Part p", " ORDER BY p.partNumber", Part.class, page).map(Records::part);
        });
    }

    /** The part with this number, or a 400 naming the field (inside the caller's transaction). */
    public Part require(EntityManager em, String field, String partNumber) {
        String number = Validation.required(field, partNumber, 32).toUpperCase(Locale.ROOT);
        Part p = find(em, number);
        if (p == null) {
            throw new InvalidInputException(field, "no part " + number + " in the catalogue", "repair.noSuchPart", number);
        }
        return p;
    }

    static Part find(EntityManager em, String number) {
        return em.createQuery("SELECT p FROM Part p WHERE p.partNumber = :n", Part.class).setParameter("n", number).getResultStream().findFirst()
                .orElse(null);
    }

    private record Checked(String number, String name, String models, long cost, long price) {
    }

    private static Checked check(PartInput in) {
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        String number = Validation.required("partNumber", in.partNumber(), 32).toUpperCase(Locale.ROOT);
        if (!PART_NUMBER.matcher(number).matches()) {
            throw new InvalidInputException("partNumber", "'" + in.partNumber() + "' is not a part number (letters, digits, . _ -)", "repair.partNumberFormat", in.partNumber());
        }
        String name = Validation.required("name", in.name(), 100);
        Set<String> models = new LinkedHashSet<>();
        for (String m : in.models() == null ? List.<String>of() : in.models()) {
            String code = Validation.required("models", m, 32).toUpperCase(Locale.ROOT);
            if (code.contains("|")) {
                throw new InvalidInputException("models", "'" + m + "' is not a model code", "repair.notAModelCode", m);
            }
            models.add(code);
        }
        String joined = models.isEmpty() ? "|" : "|" + String.join("|", models) + "|";
        if (joined.length() > 1000) {
            throw new InvalidInputException("models", "too many models (at most 1000 characters together)", "repair.tooManyModels");
        }
        return new Checked(number, name, joined, Money.ofYuan("cost", in.cost(), Money.Sign.NON_NEGATIVE, Records.MAX_CHARGE).fen(),
                Money.ofYuan("price", in.price(), Money.Sign.NON_NEGATIVE, Records.MAX_CHARGE).fen());
    }

    private void apply(Part p, Checked c, boolean active, CrmUser user) {
        p.name = c.name;
        p.nameKey = c.name.toLowerCase(Locale.ROOT);
        p.models = c.models;
        p.costFen = c.cost;
        p.priceFen = c.price;
        p.active = active;
        p.updatedAt = ctx.now();
        p.updatedBy = user.username();
    }

    private static Map<String, Object> changes(Part p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partNumber", p.partNumber);
        m.put("name", p.name);
        m.put("models", p.models);
        m.put("cost", Money.yuan(p.costFen));
        m.put("price", Money.yuan(p.priceFen));
        m.put("active", p.active);
        return m;
    }
}
