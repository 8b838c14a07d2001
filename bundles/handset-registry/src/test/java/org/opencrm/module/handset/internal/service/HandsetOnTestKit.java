package org.opencrm.module.handset.internal.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.opencrm.module.handset.api.Imei;
import org.opencrm.module.handset.internal.dto.ModelData;
import org.opencrm.module.handset.internal.dto.RegisterRequest;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.persistence.testing.InMemoryJpa;
import org.opencrm.platform.testkit.CrmTestKit;

/**
 * The module's services wired as DS would wire them, on the test kit (the real core on an in-memory Derby shared with
 * the module's unit), the clock standing at {@link #TODAY} 10:00 in Beijing.
 */
final class HandsetOnTestKit implements AutoCloseable {
    static final ZoneId SHANGHAI = CrmTestKit.ZONE;
    static final LocalDate TODAY = LocalDate.of(2024, 3, 20);

    final CrmTestKit kit = new CrmTestKit(TODAY.atTime(10, 0).atZone(SHANGHAI).toInstant());
    final InMemoryJpa jpa = kit.jpa("crm-handset");
    final AuditTrail auditTrail = kit.audit();
    final WarrantyPolicy policy = new WarrantyPolicy(WarrantyTerms.THREE_GUARANTEES, kit.clock());
    final ModelService models = new ModelService(jpa, auditTrail, policy);
    final HandsetService handsets = new HandsetService(jpa, auditTrail, kit.directory(), kit.scopes(), policy, kit.events());
    final SaleService sales = new SaleService(jpa, auditTrail, kit.timeline(), kit.directory(), kit.scopes(), policy, kit.events());
    final CardImporter importer = new CardImporter(sales, kit.directory(), auditTrail, jpa);
    final BulkLoader loader = new BulkLoader(jpa, models, handsets, kit.directory(), policy, auditTrail);
    final CrmUser admin = CrmUser.SYSTEM;
    private final AtomicLong serials = new AtomicLong(86_123_450_000_000L);

    /** A fresh valid IMEI. */
    String imei() {
        return Imei.withCheckDigit(Long.toString(serials.incrementAndGet()));
    }

    ModelData model(String code, Integer handsetMonths, Integer batteryMonths) {
        return models.create(admin, new ModelData(null, code, "Model " + code, "02-C045-192736", LocalDate.of(2023, 1, 10), handsetMonths, batteryMonths,
                null, null, null, null, null, null, null, null));
    }

    String register(String modelCode) {
        String imei = imei();
        handsets.register(admin, new RegisterRequest(imei, null, "SN" + imei, modelCode, "SC1", "B2024"));
        return imei;
    }

    CrmUser user(String name, ScopeType scope, Long accountId, String... permissions) {
        return kit.user(name, new DataScope(scope, null, accountId), permissions);
    }

    @Override
    public void close() {
        kit.close();
    }
}
