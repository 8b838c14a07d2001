package org.opencrm.module.repair.internal.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.FaultCodeData;
import org.opencrm.module.repair.internal.model.FaultCode;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The fault-code catalogue. An empty catalogue is filled once with the configured defaults ({@code faultCodes});
 * afterwards administrators add, rename and retire codes. Diagnoses accept active codes only. Each code has a
 * description in English and one in Simplified Chinese; staff see the one of their language.
 */
@Component(service = FaultCodeService.class)
public class FaultCodeService {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,15}");
    private final RepairContext ctx;

    @Activate
    public FaultCodeService(@Reference RepairContext ctx) {
        this.ctx = ctx;
        seed();
    }

    private void seed() {
        ctx.jpa().tx(TransactionType.Required, em -> {
            Map<String, RepairSettings.FaultName> defaults = ctx.settings().terms().defaultFaultCodes();
            if (em.createQuery("SELECT COUNT(f) FROM FaultCode f", Long.class).getSingleResult() > 0) {
                // a catalogue from before the Chinese descriptions: a default code still described as configured gets its
                // Chinese description; a code an administrator renamed keeps what they wrote
                for (FaultCode f : em.createQuery("SELECT f FROM FaultCode f WHERE f.descriptionZh IS NULL", FaultCode.class).getResultList()) {
                    RepairSettings.FaultName d = defaults.get(f.code);
                    if (d != null && d.zh() != null && d.en().equals(f.description)) {
                        f.descriptionZh = d.zh();
                    }
                }
                return;
            }
            defaults.forEach((code, name) -> {
                FaultCode f = new FaultCode();
                f.code = code;
                f.description = name.en();
                f.descriptionZh = name.zh();
                f.active = true;
                f.updatedAt = ctx.now();
                f.updatedBy = "system";
                em.persist(f);
            });
        });
    }

    /** The catalogue by code; {@code activeOnly} for a diagnosis form. */
    public List<FaultCodeData> list(CrmUser user, boolean activeOnly) {
        user.require(RepairModule.READ);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> em.createQuery("SELECT f FROM FaultCode f" + (activeOnly ? " WHERE f.active = TRUE" : "")
                + " ORDER BY f.code", FaultCode.class).getResultList().stream().map(FaultCodeService::data).toList());
    }

    /** Every code (retired ones too, for old orders) with its description in the language of {@code locale}. */
    public Map<String, String> names(CrmUser user, Locale locale) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        list(user, false).forEach(f -> out.put(f.code(), f.describe(locale)));
        return out;
    }

    /** "F02 · 屏幕或触摸故障": a code as staff read it, or just the code when the catalogue does not know it. */
    public static String shown(Map<String, String> names, String code) {
        if (code == null) {
            return "";
        }
        String name = names.get(code);
        return name == null ? code : code + " · " + name;
    }

    private static FaultCodeData data(FaultCode f) {
        return new FaultCodeData(f.code, f.description, f.descriptionZh, f.active);
    }

    /** Adds a code or changes its description or active flag (repair.admin). */
    public FaultCodeData save(CrmUser user, FaultCodeData in) {
        user.require(RepairModule.ADMIN);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        String code = Validation.required("code", in.code(), 16).toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "'" + in.code() + "' is not a fault code (letters, digits, _ -; at most 16)", "repair.faultCodeFormat", in.code());
        }
        String description = Validation.required("description", in.description(), 200);
        String descriptionZh = Validation.optional("descriptionZh", in.descriptionZh(), 200);
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            FaultCode f = em.find(FaultCode.class, code);
            boolean created = f == null;
            if (created) {
                f = new FaultCode();
                f.code = code;
                em.persist(f);
            }
            f.description = description;
            f.descriptionZh = descriptionZh;
            f.active = in.active() == null || in.active();
            f.updatedAt = ctx.now();
            f.updatedBy = user.username();
            ctx.audit(user, Records.FAULT_CODE, code, created ? "create" : "update", Map.of("description", description, "descriptionZh", descriptionZh == null ? "" : descriptionZh, "active", f.active), null);
            return data(f);
        });
    }

    /** An active code from the catalogue, or a 400 naming the field (inside the caller's transaction). */
    String requireActive(EntityManager em, String field, String code) {
        String c = Validation.required(field, code, 16).toUpperCase(Locale.ROOT);
        FaultCode f = em.find(FaultCode.class, c);
        if (f == null || !f.active) {
            throw new InvalidInputException(field, "'" + code + "' is not an active fault code of the catalogue", "repair.noActiveFaultCode", code);
        }
        return c;
    }
}
