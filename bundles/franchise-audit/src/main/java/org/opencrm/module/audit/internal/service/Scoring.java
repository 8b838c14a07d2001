package org.opencrm.module.audit.internal.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.module.audit.internal.model.Enums.Answer;
import org.opencrm.module.audit.internal.model.Enums.AnswerType;

/**
 * The scoring rule, exact: score = earned weight / applicable weight × 100, per section and in total, rounded to two
 * decimals half-up. A PASS earns the item's weight, a FAIL nothing, a SCORE answer weight × score / maxScore; a
 * not-applicable item leaves both sums. The sums are kept as fractions over the least common multiple of the maximum
 * scores, so the only rounding is the final one. A failed critical item fails the audit (grade FAIL) whatever the
 * score. Pure: unit-tested without a database.
 */
public final class Scoring {
    /** One answered item. {@code score} is used for SCORE items, {@code answer} for PASS_FAIL (and NA for either). */
    public record Item(String section, int weight, AnswerType type, int maxScore, Answer answer, Integer score, boolean critical) {
        public boolean notApplicable() {
            return answer == Answer.NA;
        }

        /** A FAIL, or a SCORE answer below half of its points. */
        public boolean failed() {
            if (notApplicable()) {
                return false;
            }
            if (type == AnswerType.PASS_FAIL) {
                return answer == Answer.FAIL;
            }
            return score != null && score * 2 < maxScore;
        }

        public boolean answered() {
            return answer != null || (type == AnswerType.SCORE && score != null);
        }
    }

    /** Grade thresholds, in percent: a score at or above {@code a} is A, and so on; below {@code c} it is D. */
    public record Thresholds(BigDecimal a, BigDecimal b, BigDecimal c) {
        public static final Thresholds DEFAULT = new Thresholds(new BigDecimal("90"), new BigDecimal("75"), new BigDecimal("60"));

        public Thresholds {
            if (a.compareTo(b) < 0 || b.compareTo(c) < 0) {
                throw new IllegalArgumentException("grade thresholds must not increase from A to C: " + a + ", " + b + ", " + c);
            }
        }

        public String grade(BigDecimal score) {
            if (score.compareTo(a) >= 0) {
                return "A";
            }
            if (score.compareTo(b) >= 0) {
                return "B";
            }
            return score.compareTo(c) >= 0 ? "C" : "D";
        }
    }

    /** Total and per-section scores (null where no item applies), the grade ("FAIL" on a failed critical item). */
    public record Result(BigDecimal total, Map<String, BigDecimal> sections, boolean criticalFailed, String grade) {
    }

    public static final String FAIL = "FAIL";

    private Scoring() {
    }

    public static Result score(List<Item> items, Thresholds thresholds) {
        Map<String, List<Item>> bySection = new LinkedHashMap<>();
        boolean criticalFailed = false;
        for (Item item : items) {
            bySection.computeIfAbsent(item.section(), s -> new java.util.ArrayList<>()).add(item);
            criticalFailed |= item.critical() && item.failed();
        }
        Map<String, BigDecimal> sections = new LinkedHashMap<>();
        bySection.forEach((section, list) -> sections.put(section, percent(list)));
        BigDecimal total = percent(items);
        String grade = criticalFailed ? FAIL : total == null ? null : thresholds.grade(total);
        return new Result(total, sections, criticalFailed, grade);
    }

    /** Earned / applicable × 100, two decimals half-up; null when no item applies. */
    static BigDecimal percent(List<Item> items) {
        BigInteger lcm = BigInteger.ONE;
        for (Item i : items) {
            if (!i.notApplicable() && i.type() == AnswerType.SCORE) {
                BigInteger max = BigInteger.valueOf(i.maxScore());
                lcm = lcm.divide(lcm.gcd(max)).multiply(max);
            }
        }
        BigInteger earned = BigInteger.ZERO;
        BigInteger applicable = BigInteger.ZERO;
        for (Item i : items) {
            if (i.notApplicable()) {
                continue;
            }
            BigInteger weight = BigInteger.valueOf(i.weight());
            applicable = applicable.add(weight.multiply(lcm));
            if (i.type() == AnswerType.PASS_FAIL) {
                if (i.answer() == Answer.PASS) {
                    earned = earned.add(weight.multiply(lcm));
                }
            } else if (i.score() != null) {
                earned = earned.add(weight.multiply(BigInteger.valueOf(i.score())).multiply(lcm.divide(BigInteger.valueOf(i.maxScore()))));
            }
        }
        if (applicable.signum() == 0) {
            return null;
        }
        return new BigDecimal(earned.multiply(BigInteger.valueOf(100))).divide(new BigDecimal(applicable), 2, RoundingMode.HALF_UP);
    }
}
