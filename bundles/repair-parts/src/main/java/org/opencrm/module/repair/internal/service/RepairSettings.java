package org.opencrm.module.repair.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.opencrm.module.repair.internal.RepairConfig;
import org.opencrm.module.repair.internal.model.RequestChannel;
import org.opencrm.platform.api.time.BusinessClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** The configuration (pid org.opencrm.repair) as checked values, and the business clock every service reads the time from. */
@Component(service = RepairSettings.class, configurationPid = RepairConfig.PID)
@Designate(ocd = RepairConfig.class)
public class RepairSettings {
    /** A fault code's description in English and in Chinese (null when the configuration gives none). */
    public record FaultName(String en, String zh) {
    }

    /** The whole configuration, immutable: a change replaces it at once. */
    public record Terms(Map<RequestChannel, Duration> sla, Duration defaultSla, Duration escalationRepeat, int escalationIntervalMinutes,
            Map<String, FaultName> defaultFaultCodes) {
        public static Terms defaults() {
            Map<RequestChannel, Duration> sla = new EnumMap<>(RequestChannel.class);
            sla.put(RequestChannel.HOTLINE, Duration.ofHours(48));
            sla.put(RequestChannel.WEB, Duration.ofHours(72));
            sla.put(RequestChannel.STORE, Duration.ofHours(24));
            sla.put(RequestChannel.SMS, Duration.ofHours(72));
            Map<String, FaultName> codes = new LinkedHashMap<>();
            for (String c : new String[] { "F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08", "F09", "F99" }) {
                codes.put(c, new FaultName("Fault " + c, "故障 " + c));
            }
            return new Terms(sla, Duration.ofHours(72), Duration.ofHours(24), 15, codes);
        }

        /** How long a request of this channel may take. */
        public Duration slaFor(RequestChannel channel) {
            return sla.getOrDefault(channel, defaultSla);
        }
    }

    private volatile Terms terms;
    /** Where the time and the business day come from: the platform's clock, or a test's. */
    private final BusinessClock clock;

    @Activate
    public RepairSettings(RepairConfig config, @Reference BusinessClock clock) {
        this(toTerms(config), clock);
    }

    /** For tests: given terms and the time the test sets. */
    public RepairSettings(Terms terms, BusinessClock clock) {
        this.terms = terms;
        this.clock = clock;
    }

    @Modified
    void modified(RepairConfig config) {
        terms = toTerms(config);
    }

    public Terms terms() {
        return terms;
    }

    public Instant now() {
        return clock.now();
    }

    /** Today in the business time zone. */
    public LocalDate today() {
        return clock.today();
    }

    public BusinessClock clock() {
        return clock;
    }

    /** Parses the configuration; a bad entry fails activation with a message naming it. */
    static Terms toTerms(RepairConfig c) {
        Map<RequestChannel, Duration> sla = new EnumMap<>(RequestChannel.class);
        for (String entry : c.slaHours()) {
            String[] kv = entry.split(":");
            try {
                int hours = Integer.parseInt(kv[1].strip());
                if (kv.length != 2 || hours < 1) {
                    throw new IllegalArgumentException();
                }
                sla.put(RequestChannel.valueOf(kv[0].strip().toUpperCase(java.util.Locale.ROOT)), Duration.ofHours(hours));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("slaHours: '" + entry + "' is not CHANNEL:hours with a channel of " + java.util.Arrays.toString(RequestChannel.values()));
            }
        }
        Map<String, FaultName> codes = new LinkedHashMap<>();
        for (String entry : c.faultCodes()) {
            int colon = entry.indexOf(':');
            if (colon < 1 || entry.substring(colon + 1).split("\\|", -1)[0].isBlank()) {
                throw new IllegalArgumentException("faultCodes: '" + entry + "' is not CODE:English description|Chinese description");
            }
            String[] names = entry.substring(colon + 1).split("\\|", 2);
            codes.put(entry.substring(0, colon).strip().toUpperCase(java.util.Locale.ROOT),
                    new FaultName(names[0].strip(), names.length < 2 || names[1].isBlank() ? null : names[1].strip()));
        }
        return new Terms(sla, Duration.ofHours(Math.max(1, c.defaultSlaHours())), Duration.ofHours(Math.max(1, c.escalationRepeatHours())),
                Math.max(0, c.escalationIntervalMinutes()), codes);
    }
}
