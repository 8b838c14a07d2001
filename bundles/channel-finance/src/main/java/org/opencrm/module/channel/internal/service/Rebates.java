package org.opencrm.module.channel.internal.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.opencrm.module.channel.internal.model.TierMode;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.money.Money;

/**
 * The rebate of one partner under one programme: volume tiers on net sell-in and a target bonus. The volume rebate is
 * computed exactly (BigDecimal) and rounded half-up to the fen once, at the end; the bonus is a fixed amount.
 */
public final class Rebates {
    /** From {@code thresholdFen} on (inclusive), {@code ratePercent} % applies. */
    public record Tier(long thresholdFen, BigDecimal ratePercent) {
    }

    /** The outcome: the reached tier's rate (null when none), the volume rebate, the bonus, their sum (all fen). */
    public record Outcome(BigDecimal rate, long volumeFen, long bonusFen, long totalFen) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rebates() {
    }

    /** "thresholdYuan:ratePercent;..." (what a programme is entered with) as tiers in fen, checked: ascending, rates 0–100. */
    public static List<Tier> parseYuan(String field, String text) {
        return parse(field, text, true);
    }

    /** The stored form "thresholdFen:ratePercent;...". */
    public static List<Tier> parseFen(String text) {
        return parse("tiers", text, false);
    }

    public static String format(List<Tier> tiers) {
        StringBuilder b = new StringBuilder();
        for (Tier t : tiers) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(t.thresholdFen()).append(':').append(t.ratePercent().stripTrailingZeros().toPlainString());
        }
        return b.toString();
    }

    private static List<Tier> parse(String field, String text, boolean yuan) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, field + " is required, e.g. 0:1;500000:2 (threshold in CNY : rate in %)", "required");
        }
        List<Tier> tiers = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] p = part.strip().split(":");
            if (p.length != 2) {
                throw new InvalidInputException(field, "'" + part + "' is not threshold:rate", "channel.tiers.invalid", part);
            }
            long threshold = yuan ? Money.parse(field, p[0], Money.Sign.NON_NEGATIVE, Money.ofFen(1_000_000_000_000_00L)).fen() : Long.parseLong(p[0].strip());
            BigDecimal rate;
            try {
                rate = new BigDecimal(p[1].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "'" + p[1] + "' is not a rate in %", "channel.tiers.rate", p[1]);
            }
            if (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0 || rate.scale() > 4) {
                throw new InvalidInputException(field, "rate " + p[1] + " must be between 0 and 100 % with at most 4 decimals", "channel.tiers.rateRange", p[1]);
            }
            if (!tiers.isEmpty() && threshold <= tiers.get(tiers.size() - 1).thresholdFen()) {
                throw new InvalidInputException(field, "tier thresholds must rise", "channel.tiers.order", part);
            }
            tiers.add(new Tier(threshold, rate));
        }
        return tiers;
    }

    /**
     * WHOLE: the highest tier reached applies its rate to the whole net sell-in. MARGINAL: each reached tier's rate
     * applies to the part of the net sell-in between its threshold and the next one. Nothing for a net sell-in of 0
     * or less. The bonus is paid when a target (more than 0) is reached (net sell-in at least the target).
     */
    public static Outcome compute(TierMode mode, List<Tier> tiers, long netFen, long targetFen, long bonusFen) {
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal reached = null;
        if (netFen > 0) {
            for (int i = 0; i < tiers.size(); i++) {
                Tier t = tiers.get(i);
                if (netFen < t.thresholdFen()) {
                    break;
                }
                reached = t.ratePercent();
                if (mode == TierMode.MARGINAL) {
                    long upper = i + 1 < tiers.size() ? Math.min(netFen, tiers.get(i + 1).thresholdFen()) : netFen;
                    exact = exact.add(BigDecimal.valueOf(upper - t.thresholdFen()).multiply(t.ratePercent()));
                }
            }
            if (mode == TierMode.WHOLE && reached != null) {
                exact = BigDecimal.valueOf(netFen).multiply(reached);
            }
        }
        long volume = exact.divide(HUNDRED).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long bonus = targetFen > 0 && netFen >= targetFen ? bonusFen : 0;
        return new Outcome(reached, volume, bonus, Math.addExact(volume, bonus));
    }
}
