package org.opencrm.module.membership.internal.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.opencrm.module.membership.internal.MembershipConfig;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.time.BusinessClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured rules (pid org.opencrm.membership) and the platform's business clock. Pure arithmetic lives here so it is unit-tested
 * without a database: points of a purchase, the tier of a spend, the bonus of a top-up. All money is long fen.
 */
@Component(service = Rules.class, configurationPid = MembershipConfig.PID)
@Designate(ocd = MembershipConfig.class)
public class Rules {
    private static final Logger LOG = LoggerFactory.getLogger(Rules.class);

    /** A tier: its name, the rolling spend (fen) from which it applies and its earning multiplier. */
    public record Tier(String name, long thresholdFen, BigDecimal multiplier) {
    }

    /** Top up at least {@code minimumFen}, get {@code bonusFen}. */
    public record Bonus(long minimumFen, long bonusFen) {
    }

    /** The whole configuration, immutable: a change replaces it at once. */
    public record Terms(List<Tier> tiers, int pointsPerYuan, int pointsPerYuanRedeemed, int expiryMonths, int tierWindowMonths,
            BigDecimal birthdayMultiplier, List<Bonus> bonuses, List<String> channels, String language, boolean timelineForTransactions) {
        public static Terms defaults() {
            return new Terms(List.of(new Tier("NORMAL", 0, new BigDecimal("1.0")), new Tier("SILVER", 500_000, new BigDecimal("1.2")),
                    new Tier("GOLD", 2_000_000, new BigDecimal("1.5")), new Tier("PLATINUM", 5_000_000, new BigDecimal("2.0"))), 1, 100, 12, 12,
                    new BigDecimal("2.0"), List.of(new Bonus(100_000, 10_000), new Bonus(500_000, 80_000)), List.of("SMS"), "zh_CN", true);
        }
    }

    private volatile Terms terms;
    private final BusinessClock clock;

    @Activate
    public Rules(MembershipConfig config, @Reference BusinessClock clock) {
        this(toTerms(config), clock);
    }

    /** For tests. */
    public Rules(Terms terms, BusinessClock clock) {
        this.terms = terms;
        this.clock = clock;
    }

    @Modified
    void modified(MembershipConfig config) {
        terms = toTerms(config);
    }

    public Terms terms() {
        return terms;
    }

    public Instant now() {
        return clock.now();
    }

    /** Today in the business time zone (promotion days, birthdays). */
    public LocalDate today() {
        return clock.today();
    }

    /** The business day an instant falls on. */
    public LocalDate dateOf(Instant instant) {
        return clock.dateOf(instant);
    }

    // ---------------------------------------------------------------- arithmetic

    public Tier tier(String name) {
        for (Tier t : terms.tiers()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return terms.tiers().get(0); // a tier removed from the configuration earns like the lowest
    }

    public String lowestTier() {
        return terms.tiers().get(0).name();
    }

    /** The highest tier whose threshold the spend reaches. */
    public static String tierFor(List<Tier> tiers, long spendFen) {
        String out = tiers.get(0).name();
        for (Tier t : tiers) {
            if (spendFen >= t.thresholdFen()) {
                out = t.name();
            }
        }
        return out;
    }

    public String tierFor(long spendFen) {
        return tierFor(terms.tiers(), spendFen);
    }

    /** Points for a purchase: full yuan paid x points per yuan x multiplier, rounded down once at the end. */
    public static long points(long paidFen, int pointsPerYuan, BigDecimal multiplier) {
        if (paidFen <= 0) {
            return 0;
        }
        long base = (paidFen / 100) * pointsPerYuan;
        return BigDecimal.valueOf(base).multiply(multiplier).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** The cash value (fen) of redeemed points, rounded down. */
    public long redemptionValueFen(long points) {
        return points * 100 / terms.pointsPerYuanRedeemed();
    }

    /** The bonus of a top-up: the highest rule whose minimum the amount reaches. */
    public static long bonusFen(List<Bonus> bonuses, long amountFen) {
        long bonus = 0;
        long best = -1;
        for (Bonus b : bonuses) {
            if (amountFen >= b.minimumFen() && b.minimumFen() > best) {
                best = b.minimumFen();
                bonus = b.bonusFen();
            }
        }
        return bonus;
    }

    public long bonusFen(long amountFen) {
        return bonusFen(terms.bonuses(), amountFen);
    }

    /** When an earning made at {@code at} expires, or null when points never expire. */
    public Instant expiryOf(Instant at) {
        int months = terms.expiryMonths();
        return months <= 0 ? null : clock.local(at).plusMonths(months).toInstant();
    }

    /** Start of the tier window that ends now. */
    public Instant tierWindowStart(Instant now) {
        return clock.local(now).minusMonths(terms.tierWindowMonths()).toInstant();
    }

    // ---------------------------------------------------------------- configuration

    /** An amount of a setting in fen: 0 or more, at most 2 decimals. */
    private static long setting(String name, String yuan) {
        return Money.parse(name, yuan, Money.Sign.NON_NEGATIVE, LedgerService.MAX_AMOUNT).fen();
    }

    static Terms toTerms(MembershipConfig c) {
        Terms d = Terms.defaults();
        List<Tier> tiers = new ArrayList<>();
        try {
            for (String s : c.tiers()) {
                String[] p = s.split(":");
                tiers.add(new Tier(p[0].strip().toUpperCase(Locale.ROOT), setting("tiers", p[1]), new BigDecimal(p[2].strip())));
            }
            tiers.sort(Comparator.comparingLong(Tier::thresholdFen));
            if (tiers.isEmpty() || tiers.get(0).thresholdFen() != 0) {
                throw new IllegalArgumentException("the lowest tier must start at 0");
            }
        } catch (RuntimeException e) {
            LOG.warn("Invalid tiers {} in {} ({}): using the defaults", java.util.Arrays.toString(c.tiers()), MembershipConfig.PID, e.getMessage());
            tiers = d.tiers();
        }
        List<Bonus> bonuses = new ArrayList<>();
        try {
            for (String s : c.topUpBonuses()) {
                if (!s.isBlank()) {
                    String[] p = s.split(":");
                    bonuses.add(new Bonus(setting("topUpBonuses", p[0]), setting("topUpBonuses", p[1])));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Invalid topUpBonuses in {} ({}): no bonuses", MembershipConfig.PID, e.getMessage());
            bonuses = List.of();
        }
        BigDecimal birthday;
        try {
            birthday = new BigDecimal(c.birthdayMultiplier().strip());
        } catch (RuntimeException e) {
            birthday = BigDecimal.ONE;
        }
        List<String> channels = new ArrayList<>();
        for (String ch : c.notificationChannels()) {
            if (!ch.isBlank()) {
                channels.add(ch.strip().toUpperCase(Locale.ROOT));
            }
        }
        return new Terms(List.copyOf(tiers), Math.max(1, c.pointsPerYuan()), Math.max(1, c.pointsPerYuanRedeemed()), Math.max(0, c.pointsExpiryMonths()),
                Math.max(1, c.tierWindowMonths()), birthday, List.copyOf(bonuses), List.copyOf(channels), c.notificationLanguage(),
                c.timelineForTransactions());
    }
}
