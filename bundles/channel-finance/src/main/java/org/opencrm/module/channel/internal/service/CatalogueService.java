package org.opencrm.module.channel.internal.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.ChannelNames;
import org.opencrm.module.channel.internal.dto.PriceData;
import org.opencrm.module.channel.internal.dto.ProductData;
import org.opencrm.module.channel.internal.model.Price;
import org.opencrm.module.channel.internal.model.Product;
import org.opencrm.module.channel.spi.ProductSource;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.SqlFailure;
import org.opencrm.platform.persistence.TransactionRetry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The products partners buy and their price per grade (fen). Products come from a {@link ProductSource} when one is
 * registered (the handset registry's models, through its bridge) and from the module's own catalogue (CF_PRODUCT);
 * a price list entry names a product by code.
 */
@Component(service = CatalogueService.class)
public class CatalogueService {
    public static final String CATALOGUE = "CATALOGUE";
    static final Money MAX_PRICE = Money.ofFen(10_000_000_00L);
    private final TransactionRetry retry = TransactionRetry.standard().when(f -> f.isRetryable() || f.isIntegrityViolation());
    private final JpaTemplate jpa;
    private final DataScopes scopes;
    private final ChannelSettings settings;
    private final ChannelRecords records;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProductSource source;

    @Activate
    public CatalogueService(@Reference(target = ChannelNames.JPA_TARGET) JpaTemplate jpa, @Reference DataScopes scopes, @Reference ChannelSettings settings,
            @Reference ChannelRecords records) {
        this.jpa = jpa;
        this.scopes = scopes;
        this.settings = settings;
        this.records = records;
    }

    /** For tests: another product source. */
    public void setSource(ProductSource source) {
        this.source = source;
    }

    public Optional<ProductSource> source() {
        return Optional.ofNullable(source);
    }

    /** Products whose code or name starts with q, the source's first. */
    public Page<ProductData> products(CrmUser user, String q, int limit) {
        user.require(ChannelModule.READ);
        Map<String, ProductData> out = new LinkedHashMap<>();
        ProductSource s = source;
        if (s != null) {
            for (ProductSource.Product p : s.find(q, limit)) {
                out.put(p.code(), new ProductData(p.code(), p.name(), p.serialised(), "HANDSETS"));
            }
        }
        jpa.txExpr(TransactionType.Supports, em -> {
            String prefix = q == null ? "" : q.strip();
            for (Product p : em.createQuery("SELECT p FROM Product p WHERE p.active = TRUE AND (p.code LIKE :q OR p.name LIKE :q) ORDER BY p.code", Product.class)
                    .setParameter("q", prefix + "%").setMaxResults(limit).getResultList()) {
                out.putIfAbsent(p.code, new ProductData(p.code, p.name, p.serialised, CATALOGUE));
            }
            return null;
        });
        List<ProductData> items = new ArrayList<>(out.values());
        return new Page<>(items.subList(0, Math.min(limit, items.size())), items.size());
    }

    public ProductData createProduct(CrmUser user, ProductData in) {
        user.require(ChannelModule.ADMIN);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "required");
        }
        String code = PartnerService.required("code", in.code(), 40);
        if (!code.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidInputException("code", "code is letters, digits and . _ -", "channel.code.invalid");
        }
        String name = PartnerService.required("name", in.name(), 200);
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                Product p = new Product();
                p.code = code;
                p.name = name;
                p.serialised = Boolean.TRUE.equals(in.serialised());
                em.persist(p);
                em.flush();
                records.audit(user.username(), "product", code, "create", ChannelRecords.changes("name", name));
                return new ProductData(code, name, p.serialised, CATALOGUE);
            });
        } catch (RuntimeException e) {
            if (SqlFailure.of(e).isIntegrityViolation()) {
                throw new org.opencrm.platform.api.ConflictException("duplicate", "code", "product " + code + " exists", "channel.product.exists", code);
            }
            throw e;
        }
    }

    /** The product of a code: the source's when it knows it, else the catalogue's; empty when neither does. */
    public Optional<ProductData> product(EntityManager em, String code) {
        ProductSource s = source;
        if (s != null) {
            Optional<ProductSource.Product> p = s.product(code);
            if (p.isPresent()) {
                return Optional.of(new ProductData(p.get().code(), p.get().name(), p.get().serialised(), "HANDSETS"));
            }
        }
        List<Product> found = em.createQuery("SELECT p FROM Product p WHERE p.code = :c", Product.class).setParameter("c", code).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(new ProductData(found.get(0).code, found.get(0).name, found.get(0).serialised, CATALOGUE));
    }

    /**
     * The price list of a grade (all grades when null). A user of a restricted scope (a partner's or a store's users, a
     * region) sees only the prices of the grades its own partners hold: what another grade pays is HQ's business.
     */
    public List<PriceData> prices(CrmUser user, String grade) {
        user.require(ChannelModule.READ);
        ScopeFilter scope = scopes.filter(user);
        return jpa.txExpr(TransactionType.Supports, em -> {
            String where = grade == null ? " WHERE 1 = 1" : " WHERE p.grade = :g";
            if (!scope.isUnrestricted()) {
                // the grades of the partner profiles inside the user's scope
                where += " AND p.grade IN (SELECT f.grade FROM PartnerProfile f WHERE 1 = 1" + scope.jpql("f.accountId") + ")";
            }
            TypedQuery<Price> q = em.createQuery("SELECT p FROM Price p" + where + " ORDER BY p.grade, p.productCode", Price.class);
            if (grade != null) {
                q.setParameter("g", grade);
            }
            scope.bind(q::setParameter);
            return q.getResultList().stream().map(p -> new PriceData(p.grade, p.productCode, p.productName, Money.yuan(p.priceFen))).toList();
        });
    }

    /** Sets (adds or changes) the price of a product for a grade. */
    public PriceData setPrice(CrmUser user, PriceData in) {
        user.require(ChannelModule.ADMIN);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "required");
        }
        String grade = settings.grades().require("grade", in.grade());
        String given = PartnerService.required("productCode", in.productCode(), 40);
        long fen = Money.ofYuan("price", in.price(), Money.Sign.NON_NEGATIVE, MAX_PRICE).fen();
        return retry.run("price", () -> jpa.txExpr(TransactionType.Required, em -> {
            ProductData product = product(em, given).orElseThrow(
                    () -> new InvalidInputException("productCode", "product " + given + " does not exist", "channel.product.unknown", given));
            String code = product.code();
            List<Price> found = em.createQuery("SELECT p FROM Price p WHERE p.grade = :g AND p.productCode = :c", Price.class).setParameter("g", grade)
                    .setParameter("c", code).getResultList();
            Price p = found.isEmpty() ? new Price() : found.get(0);
            p.grade = grade;
            p.productCode = code;
            p.productName = product.name();
            p.priceFen = fen;
            p.changedAt = settings.now();
            p.changedBy = user.username();
            if (found.isEmpty()) {
                em.persist(p);
            }
            em.flush();
            records.audit(user.username(), "price", grade + "/" + code, found.isEmpty() ? "create" : "update", ChannelRecords.changes("price", Money.yuan(fen)));
            return new PriceData(grade, code, product.name(), Money.yuan(fen));
        }));
    }

    /** The price of a product for a grade (fen), or empty. */
    static Optional<Price> price(EntityManager em, String grade, String code) {
        List<Price> found = em.createQuery("SELECT p FROM Price p WHERE p.grade = :g AND p.productCode = :c", Price.class).setParameter("g", grade)
                .setParameter("c", code).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
}
