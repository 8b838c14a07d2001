package org.opencrm.module.handset.internal.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.ModelData;
import org.opencrm.module.handset.internal.model.HandsetModel;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.Queries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The model catalogue: codes, licences, launch dates and per-model warranty overrides. */
@Component(service = ModelService.class)
public class ModelService {
    static final String RECORD = "handset-model";
    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final WarrantyPolicy policy;

    @Activate
    public ModelService(@Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa, @Reference AuditTrail audit, @Reference WarrantyPolicy policy) {
        this.jpa = jpa;
        this.audit = audit;
        this.policy = policy;
    }

    /** Models by code or name prefix (q), codes in order. */
    public Page<ModelData> list(CrmUser user, PageRequest page) {
        user.require(HandsetModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            String where = "";
            Map<String, Object> params = new HashMap<>();
            if (page.query() != null) {
                where = " WHERE m.code LIKE :code ESCAPE '\\' OR m.nameKey LIKE :name ESCAPE '\\'";
                params.put("code", Queries.escapeLike(page.query().toUpperCase(Locale.ROOT)) + "%");
                params.put("name", Queries.prefixPattern(page.query()));
            }
            var items = em.createQuery("SELECT m FROM HandsetModel m" + where + " ORDER BY m.code", HandsetModel.class);
            var count = em.createQuery("SELECT COUNT(m) FROM HandsetModel m" + where, Long.class);
            params.forEach((k, v) -> {
                items.setParameter(k, v);
                count.setParameter(k, v);
            });
            return Queries.page(items, count, page).map(this::toData);
        });
    }

    public ModelData get(CrmUser user, long id) {
        user.require(HandsetModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> toData(find(em, id)));
    }

    public Optional<ModelData> byCode(CrmUser user, String code) {
        user.require(HandsetModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> byCode(em, code).map(this::toData));
    }

    public ModelData create(CrmUser user, ModelData in) {
        user.require(HandsetModule.WRITE);
        HandsetModel m = new HandsetModel();
        apply(m, in);
        m.createdAt = Instant.now();
        m.createdBy = user.username();
        m.updatedAt = m.createdAt;
        m.updatedBy = m.createdBy;
        return jpa.txExpr(TransactionType.Required, em -> {
            checkUniqueCode(em, m.code, null);
            em.persist(m);
            flush(em, m.code);
            audit.record(user.username(), RECORD, m.id.toString(), "create", changes(m));
            return toData(m);
        });
    }

    public ModelData update(CrmUser user, long id, ModelData in) {
        user.require(HandsetModule.WRITE);
        return jpa.txExpr(TransactionType.Required, em -> {
            HandsetModel m = find(em, id);
            Queries.checkVersion(RECORD, id, in == null ? null : in.version(), m.version);
            apply(m, in);
            checkUniqueCode(em, m.code, m.id);
            m.updatedAt = Instant.now();
            m.updatedBy = user.username();
            flush(em, m.code);
            audit.record(user.username(), RECORD, m.id.toString(), "update", changes(m));
            return toData(m);
        });
    }

    /** Deletes a model no unit refers to; models with units stay (409), their cards need them. */
    public void delete(CrmUser user, long id, Long version) {
        user.require(HandsetModule.WRITE);
        jpa.tx(TransactionType.Required, em -> {
            HandsetModel m = find(em, id);
            if (version != null) {
                Queries.checkVersion(RECORD, id, version, m.version);
            }
            boolean used = !em.createQuery("SELECT h.id FROM Handset h WHERE h.modelId = :m", Long.class).setParameter("m", id)
                    .setMaxResults(1).getResultList().isEmpty();
            if (used) {
                throw new ConflictException("in_use", "id", "model " + m.code + " has registered handsets and cannot be deleted", "handset.modelInUse", m.code);
            }
            em.remove(m);
            audit.record(user.username(), RECORD, String.valueOf(id), "delete", Map.of("code", m.code));
        });
    }

    static HandsetModel find(EntityManager em, long id) {
        HandsetModel m = em.find(HandsetModel.class, id);
        if (m == null) {
            throw new RecordNotFoundException("handset model", id);
        }
        return m;
    }

    static Optional<HandsetModel> byCode(EntityManager em, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("SELECT m FROM HandsetModel m WHERE m.code = :c", HandsetModel.class)
                .setParameter("c", code.strip().toUpperCase(Locale.ROOT)).getResultList().stream().findFirst();
    }

    private static void checkUniqueCode(EntityManager em, String code, Long self) {
        byCode(em, code).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new ConflictException("duplicate", "code", "a model with code " + code + " already exists (id " + other.id + ")", "handset.modelExists", code);
        });
    }

    private static void flush(EntityManager em, String code) {
        try {
            em.flush();
        } catch (javax.persistence.PersistenceException e) {
            if (Units.uniqueViolation(e) != null) { // a concurrent create with the same code
                throw new ConflictException("duplicate", "code", "a model with code " + code + " already exists", "handset.modelExists", code);
            }
            throw e;
        }
    }

    private void apply(HandsetModel m, ModelData in) {
        if (in == null) {
            throw Units.missingBody();
        }
        m.code = Fields.modelCode("code", in.code());
        m.name = Fields.required("name", in.name(), 100);
        m.nameKey = m.name.toLowerCase(Locale.ROOT);
        m.licenceNumber = Fields.licence("licenceNumber", in.licenceNumber());
        if (in.launchDate() != null && (in.launchDate().getYear() < 1990 || in.launchDate().isAfter(policy.today().plusYears(2)))) {
            throw new InvalidInputException("launchDate", "launchDate " + in.launchDate() + " is not plausible", "handset.launchDateImplausible", in.launchDate());
        }
        m.launchDate = in.launchDate();
        m.handsetMonths = Fields.months("handsetMonths", in.handsetMonths());
        m.batteryMonths = Fields.months("batteryMonths", in.batteryMonths());
        m.chargerMonths = Fields.months("chargerMonths", in.chargerMonths());
        m.headsetMonths = Fields.months("headsetMonths", in.headsetMonths());
    }

    private static Map<String, Object> changes(HandsetModel m) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", m.code);
        c.put("name", m.name);
        c.put("licenceNumber", m.licenceNumber);
        c.put("launchDate", m.launchDate);
        c.put("handsetMonths", m.handsetMonths);
        c.put("batteryMonths", m.batteryMonths);
        c.put("chargerMonths", m.chargerMonths);
        c.put("headsetMonths", m.headsetMonths);
        return c;
    }

    public ModelData toData(HandsetModel m) {
        WarrantyTerms t = policy.terms();
        return new ModelData(m.id, m.code, m.name, m.licenceNumber, m.launchDate, m.handsetMonths, m.batteryMonths, m.chargerMonths,
                m.headsetMonths, new ModelData.WarrantyMonths(t.handsetMonths(m), t.accessoryMonths(m, AccessoryType.BATTERY),
                        t.accessoryMonths(m, AccessoryType.CHARGER), t.accessoryMonths(m, AccessoryType.WIRED_HEADSET)),
                m.createdAt, m.createdBy, m.updatedAt, m.updatedBy, m.version);
    }
}
