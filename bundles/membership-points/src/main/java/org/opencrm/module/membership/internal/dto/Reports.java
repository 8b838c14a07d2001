package org.opencrm.module.membership.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/** Report shapes for the dashboard: points liability, members per tier, active members. */
public final class Reports {
    private Reports() {
    }

    /** Points not yet redeemed or expired, their cash value, stored value owed, members with a balance. */
    public record Liability(long points, BigDecimal pointsValue, BigDecimal storedValue, String currency, long membersWithPoints) {
    }

    public record TierCount(String tier, long members) {
    }

    public record TierDistribution(List<TierCount> tiers, long total) {
    }

    /** Members with a transaction in the last {@code days} days, of {@code total}. */
    public record ActiveMembers(int days, long active, long total) {
    }

    /** What a run of expiry and tier evaluation did. */
    public record MaintenanceRun(long membersChecked, long pointsExpired, long membersWithExpiry, long tierChanges) {
    }
}
