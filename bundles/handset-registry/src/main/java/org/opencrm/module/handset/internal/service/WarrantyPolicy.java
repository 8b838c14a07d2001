package org.opencrm.module.handset.internal.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.internal.HandsetConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current terms from ConfigAdmin (pid org.opencrm.handset). Reconfiguration applies to cards issued from then
 * on; issued cards keep their stored end dates.
 */
@Component(service = WarrantyPolicy.class, configurationPid = HandsetConfig.PID)
@Designate(ocd = HandsetConfig.class)
public class WarrantyPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(WarrantyPolicy.class);
    private volatile WarrantyTerms terms;
    private final Clock clock;

    @Activate
    public WarrantyPolicy(HandsetConfig config) {
        this(toTerms(config), Clock.systemUTC());
    }

    /** For tests: fixed terms and a fixed clock. */
    public WarrantyPolicy(WarrantyTerms terms, Clock clock) {
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
        return LocalDate.now(clock.withZone(terms.zone()));
    }

    static WarrantyTerms toTerms(HandsetConfig c) {
        ZoneId zone;
        try {
            zone = ZoneId.of(c.timeZone());
        } catch (DateTimeException e) {
            LOG.warn("Unknown time zone '{}' in {}: using Asia/Shanghai", c.timeZone(), HandsetConfig.PID);
            zone = ZoneId.of("Asia/Shanghai");
        }
        return new WarrantyTerms(nonNegative(c.handsetWarrantyMonths()),
                Map.of(AccessoryType.BATTERY, nonNegative(c.batteryWarrantyMonths()), AccessoryType.CHARGER, nonNegative(c.chargerWarrantyMonths()),
                        AccessoryType.WIRED_HEADSET, nonNegative(c.wiredHeadsetWarrantyMonths())),
                nonNegative(c.returnDays()), nonNegative(c.exchangeDays()), zone);
    }

    private static int nonNegative(int v) {
        return Math.max(0, v);
    }
}
