package org.opencrm.platform.core.internal.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.event.CrmEvents;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.address.Addresses;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.model.Account;
import org.opencrm.platform.core.internal.model.AccountType;
import org.opencrm.platform.persistence.Queries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Accounts and their hierarchy (national distributor → provincial → regional → store, service providers...). */
@Component(service = AccountService.class)
public class AccountService {
    static final String READ = "core.account.read";
    public static final String WRITE = "core.account.write";
    private static final java.util.Set<String> STATUSES = java.util.Set.of("ACTIVE", "INACTIVE");

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final CrmEventPublisher events;

    @Activate
    public AccountService(@Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa, @Reference AuditTrail audit,
            @Reference CrmEventPublisher events) {
        this.jpa = jpa;
        this.audit = audit;
        this.events = events;
    }

    public AccountData get(CrmUser user, long id) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> toData(visible(user, em, id)));
    }

    Account visible(CrmUser user, EntityManager em, long id) {
        Account a = em.find(Account.class, id);
        if (a == null || !Scope.of(user, em).covers(a)) {
            throw new RecordNotFoundException("account", id);
        }
        return a;
    }

    public Page<AccountData> search(CrmUser user, PageRequest page, AccountType type, Long parentId) {
        user.require(READ);
        return inScope(user, page, type, parentId);
    }

    /**
     * Accounts in the user's scope, without the read permission: a record picker names the accounts a user may
     * pick (their store, their centre) as {@code CustomerDirectory.account} names them, the scope still applies.
     */
    public Page<AccountData> inScope(CrmUser user, PageRequest page, AccountType type, Long parentId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Scope scope = Scope.of(user, em);
            StringBuilder where = new StringBuilder(" WHERE 1 = 1").append(scope.accountCondition());
            Map<String, Object> params = new LinkedHashMap<>();
            if (page.query() != null) {
                where.append(" AND a.nameKey LIKE :q ESCAPE '\\'");
                params.put("q", Queries.prefixPattern(page.query()));
            }
            if (type != null) {
                where.append(" AND a.type = :type");
                params.put("type", type);
            }
            if (parentId != null) {
                where.append(" AND a.parentId = :parent");
                params.put("parent", parentId);
            }
            var items = scope.bind(em.createQuery("SELECT a FROM Account a" + where + " ORDER BY a.nameKey, a.id", Account.class));
            var count = scope.bind(em.createQuery("SELECT COUNT(a) FROM Account a" + where, Long.class));
            params.forEach((k, v) -> {
                items.setParameter(k, v);
                count.setParameter(k, v);
            });
            return Queries.page(items, count, page).map(AccountService::toData);
        });
    }

    /**
     * The top of the account tree the user sees: accounts without a parent, or whose parent is outside the
     * user's scope (a partner's own account, a region's top distributors).
     */
    public Page<AccountData> roots(CrmUser user, PageRequest page) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Scope scope = Scope.of(user, em);
            String parentOutside = scope.accountCondition().replace("a.", "p.");
            String where = " WHERE 1 = 1" + scope.accountCondition()
                    + " AND (a.parentId IS NULL OR NOT EXISTS (SELECT p FROM Account p WHERE p.id = a.parentId" + parentOutside + "))";
            var items = scope.bind(em.createQuery("SELECT a FROM Account a" + where + " ORDER BY a.nameKey, a.id", Account.class));
            var count = scope.bind(em.createQuery("SELECT COUNT(a) FROM Account a" + where, Long.class));
            return Queries.page(items, count, page).map(AccountService::toData);
        });
    }

    public Page<AccountData> children(CrmUser user, long id, PageRequest page) {
        get(user, id);
        return search(user, page, null, id);
    }

    public AccountData create(CrmUser user, AccountData in) {
        user.require(WRITE);
        Account a = new Account();
        apply(a, in);
        a.status = in.status() == null ? "ACTIVE" : a.status;
        a.owner = in.owner() == null ? user.username() : a.owner;
        a.createdAt = Instant.now();
        a.createdBy = user.username();
        a.updatedAt = a.createdAt;
        a.updatedBy = user.username();
        AccountData out = jpa.txExpr(TransactionType.Required, em -> {
            Account parent = null;
            Scope scope = Scope.of(user, em);
            if (a.parentId != null) {
                parent = em.find(Account.class, a.parentId);
                if (parent == null && scope.unrestricted()) {
                    throw new InvalidInputException("parentId", "parent account " + a.parentId + " does not exist", "account.noSuchParent", a.parentId);
                }
            }
            if (!scope.unrestricted() && (parent == null || !scope.covers(parent))) {
                // partners may add accounts (e.g. stores) only below their own account; a missing account and another
                // partner's answer alike
                throw new InvalidInputException("parentId", "you can only create accounts below an account of your own", "moveOutOfScope");
            }
            if (a.region == null && parent != null) {
                a.region = parent.region;
            }
            em.persist(a);
            a.path = (parent == null ? "/" : parent.path) + a.id + "/";
            audit.record(user.username(), "account", a.id.toString(), "create", changes(a), a.id);
            em.flush();
            return toData(a);
        });
        events.post(CrmEvents.ACCOUNT_CREATED, user.username(), CrmEvents.ID, out.id());
        return out;
    }

    public AccountData update(CrmUser user, long id, AccountData in) {
        user.require(WRITE);
        AccountData out = jpa.txExpr(TransactionType.Required, em -> {
            Account a = visible(user, em, id);
            Queries.checkVersion("account", id, in.version(), a.version);
            Long oldParent = a.parentId;
            apply(a, in);
            if (in.status() == null) {
                a.status = a.status == null ? "ACTIVE" : a.status;
            }
            if (!java.util.Objects.equals(oldParent, a.parentId)) {
                move(em, user, a);
            }
            a.updatedAt = Instant.now();
            a.updatedBy = user.username();
            audit.record(user.username(), "account", a.id.toString(), "update", changes(a), a.id);
            em.flush();
            return toData(a);
        });
        events.post(CrmEvents.ACCOUNT_UPDATED, user.username(), CrmEvents.ID, id);
        return out;
    }

    /**
     * Re-parents an account: refuses cycles and, for a scoped user, any new place outside the user's subtree (another
     * partner's tree, or the top level, which is head office's), then rewrites the path of the whole subtree in one
     * statement.
     */
    private void move(EntityManager em, CrmUser user, Account a) {
        String oldPath = a.path;
        String newPrefix = "/";
        if (a.parentId == null && !Scope.of(user, em).unrestricted()) {
            throw new InvalidInputException("parentId", "only head office can make an account a top-level account; move it below an account of your own",
                    "moveOutOfScope");
        }
        if (a.parentId != null) {
            Account parent = em.find(Account.class, a.parentId);
            Scope scope = Scope.of(user, em);
            if (parent == null || !scope.covers(parent)) {
                // a missing account and another partner's answer alike
                throw scope.unrestricted() ? new InvalidInputException("parentId", "parent account " + a.parentId + " does not exist", "account.noSuchParent", a.parentId)
                        : new InvalidInputException("parentId", "you can only move accounts below an account of your own", "moveOutOfScope");
            }
            if (parent.path.startsWith(oldPath)) {
                throw new InvalidInputException("parentId", "an account cannot be moved below itself or its own descendants", "account.belowItself");
            }
            newPrefix = parent.path;
        }
        String newPath = newPrefix + a.id + "/";
        em.flush();
        em.createQuery("UPDATE Account x SET x.path = CONCAT(:newPath, SUBSTRING(x.path, :cut)) WHERE x.path LIKE :old")
                .setParameter("newPath", newPath).setParameter("cut", oldPath.length() + 1)
                .setParameter("old", Queries.escapeLike(oldPath) + "%").executeUpdate();
        em.refresh(a);
    }

    public void delete(CrmUser user, long id, Long version) {
        user.require(WRITE);
        jpa.tx(TransactionType.Required, em -> {
            Account a = visible(user, em, id);
            if (version != null) {
                Queries.checkVersion("account", id, version, a.version);
            }
            long children = em.createQuery("SELECT COUNT(x) FROM Account x WHERE x.parentId = :id", Long.class).setParameter("id", id).getSingleResult();
            long contacts = em.createQuery("SELECT COUNT(c) FROM Contact c WHERE c.accountId = :id", Long.class).setParameter("id", id).getSingleResult();
            if (children > 0 || contacts > 0) {
                throw new ConflictException("in_use", null, "account " + id + " still has " + children + " child accounts and "
                        + contacts + " contacts; move them or set the account INACTIVE instead", "account.inUse", id, children, contacts);
            }
            em.remove(a);
            // the account is gone: its parent's subtree keeps the entry
            audit.record(user.username(), "account", String.valueOf(id), "delete", Map.of("name", a.name), a.parentId);
        });
    }

    private static void apply(Account a, AccountData in) {
        a.name = Validation.required("name", in.name(), 200);
        a.nameKey = a.name.toLowerCase(java.util.Locale.ROOT);
        if (in.type() == null) {
            throw new InvalidInputException("type", "type is required; one of " + java.util.Arrays.toString(AccountType.values()), "account.typeRequired", java.util.Arrays.toString(AccountType.values()));
        }
        a.type = in.type();
        a.parentId = in.parentId();
        if (a.id != null && a.id.equals(a.parentId)) {
            throw new InvalidInputException("parentId", "an account cannot be its own parent", "account.ownParent");
        }
        a.region = Validation.optional("region", in.region(), 32);
        a.province = Validation.optional("province", in.province(), 50);
        a.city = Validation.optional("city", in.city(), 50);
        a.district = Validation.optional("district", in.district(), 50);
        Addresses.Coded address = Addresses.code(Addresses.DIVISIONS, a.province, a.city, a.district, in.divisionCode());
        a.province = address.province();
        a.city = address.city();
        a.district = address.district();
        a.divisionCode = address.divisionCode();
        a.address = Validation.optional("address", in.address(), 200);
        a.phone = Validation.phone("phone", in.phone());
        if (in.status() != null) {
            if (!STATUSES.contains(in.status())) {
                throw new InvalidInputException("status", "'" + in.status() + "' is not one of " + STATUSES, "notOneOf", in.status(), STATUSES);
            }
            a.status = in.status();
        }
        if (in.owner() != null) {
            a.owner = Validation.optional("owner", in.owner(), 64);
        }
    }

    private static Map<String, Object> changes(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name);
        m.put("type", a.type);
        m.put("parentId", a.parentId);
        m.put("region", a.region);
        m.put("province", a.province);
        m.put("city", a.city);
        m.put("district", a.district);
        m.put("divisionCode", a.divisionCode);
        m.put("address", a.address);
        m.put("phone", a.phone);
        m.put("status", a.status);
        m.put("owner", a.owner);
        return m;
    }

    public static AccountData toData(Account a) {
        return new AccountData(a.id, a.name, a.type, a.parentId, a.region, a.province, a.city, a.district, a.divisionCode, a.address, a.phone,
                a.status, a.owner, a.createdAt, a.createdBy, a.updatedAt, a.updatedBy, a.version);
    }

}
