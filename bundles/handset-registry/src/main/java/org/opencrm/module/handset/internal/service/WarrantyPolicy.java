package org.opencrm.module.handset.internal.service;

import java.time.LocalDate;
import java.util.Map;

import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.internal.HandsetConfig;
import org.opencrm.platform.api.time.BusinessClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The current terms from ConfigAdmin (pid org.opencrm.handset) and the platform's business clock. Reconfiguration
 * applies to cards issued from then on; issued cards keep their stored end dates.
 */
@Component(service = WarrantyPolicy.class, configurationPid = HandsetConfig.PID)
@Designate(ocd = HandsetConfig.class)
public class WarrantyPolicy {
    private volatile WarrantyTerms terms;
    private final BusinessClock clock;

    @Activate
    public WarrantyPolicy(HandsetConfig config, @Reference BusinessClock clock) {
        this(toTerms(config), clock);
    }

    /** For tests: fixed terms and a fixed clock. */
    public WarrantyPolicy(WarrantyTerms terms, BusinessClock clock) {
        this.terms = terms;
        this.clock = clock;
    }

    @Modified
    void modified(HandsetConfig config) {
        terms = toTerms(config);
    }

    public WarrantyTerms terms() {
        return terms;
    }

    /** Today in the business time zone: what "not in the future" and the windows are measured against. */
    public LocalDate today() {
        return clock.today();
    }

    static WarrantyTerms toTerms(HandsetConfig c) {
        return new WarrantyTerms(nonNegative(c.handsetWarrantyMonths()),
                Map.of(AccessoryType.BATTERY, nonNegative(c.batteryWarrantyMonths()), AccessoryType.CHARGER, nonNegative(c.chargerWarrantyMonths()),
                        AccessoryType.WIRED_HEADSET, nonNegative(c.wiredHeadsetWarrantyMonths())),
                nonNegative(c.returnDays()), nonNegative(c.exchangeDays()));
    }

    private static int nonNegative(int v) {
        return Math.max(0, v);
    }
}
