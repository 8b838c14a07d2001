package org.opencrm.module.audit.internal.service;

import java.math.BigDecimal;

import org.opencrm.module.audit.internal.FranchiseAuditConfig;
import org.opencrm.module.audit.internal.model.Enums.Severity;

/** The module's settings as the services use them (from etc/org.opencrm.franchiseaudit.cfg). */
public record AuditSettings(Scoring.Thresholds thresholds, long maxPhotoBytes, int dueDaysCritical, int dueDaysHigh, int dueDaysMedium,
        int dueDaysLow, String escalationManager) {

    public static final AuditSettings DEFAULT = new AuditSettings(Scoring.Thresholds.DEFAULT, 5120L * 1024, 3, 7, 14, 30, "admin");

    public static AuditSettings of(FranchiseAuditConfig c) {
        return new AuditSettings(new Scoring.Thresholds(BigDecimal.valueOf(c.gradeA()), BigDecimal.valueOf(c.gradeB()), BigDecimal.valueOf(c.gradeC())),
                c.maxPhotoKilobytes() * 1024L, c.dueDaysCritical(), c.dueDaysHigh(), c.dueDaysMedium(), c.dueDaysLow(), c.escalationManager());
    }

    /** Days a store has to correct a failed item: by its severity, a critical item's soonest. */
    public int dueDays(Severity severity, boolean critical) {
        if (critical || severity == Severity.CRITICAL) {
            return dueDaysCritical;
        }
        return switch (severity) {
        case HIGH -> dueDaysHigh;
        case MEDIUM -> dueDaysMedium;
        default -> dueDaysLow;
        };
    }

    public AuditSettings withThresholds(Scoring.Thresholds t) {
        return new AuditSettings(t, maxPhotoBytes, dueDaysCritical, dueDaysHigh, dueDaysMedium, dueDaysLow, escalationManager);
    }

    public AuditSettings withMaxPhotoBytes(long max) {
        return new AuditSettings(thresholds, max, dueDaysCritical, dueDaysHigh, dueDaysMedium, dueDaysLow, escalationManager);
    }
}
