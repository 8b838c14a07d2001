package org.opencrm.module.channel.internal.service;

import java.util.ArrayList;
import java.util.List;

import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.money.Money;

/**
 * The configured partner grades, lowest first, each with the net sell-in of the last 12 months (fen) from which it
 * applies. Default 普通 STANDARD 0, 银牌 SILVER 1,000,000, 金牌 GOLD 5,000,000, 钻石 DIAMOND 20,000,000 CNY.
 */
public record Grades(List<Grade> grades) {
    public record Grade(String code, long thresholdFen) {
    }

    public static final String[] DEFAULTS = { "STANDARD:0", "SILVER:1000000", "GOLD:5000000", "DIAMOND:20000000" };

    public Grades {
        grades = List.copyOf(grades);
        if (grades.isEmpty() || grades.get(0).thresholdFen() != 0) {
            throw new IllegalArgumentException("the first grade's threshold must be 0");
        }
        for (int i = 1; i < grades.size(); i++) {
            if (grades.get(i).thresholdFen() <= grades.get(i - 1).thresholdFen()) {
                throw new IllegalArgumentException("grade thresholds must rise: " + grades.get(i).code());
            }
        }
    }

    /** "CODE:thresholdYuan" entries, lowest first. */
    public static Grades parse(String[] entries) {
        List<Grade> out = new ArrayList<>();
        for (String e : entries) {
            String[] p = e.strip().split(":");
            if (p.length != 2 || !p[0].strip().matches("[A-Z][A-Z0-9_]{0,19}")) {
                throw new IllegalArgumentException("grade '" + e + "' is not CODE:thresholdYuan");
            }
            out.add(new Grade(p[0].strip(), Money.parse("grades", p[1], Money.Sign.NON_NEGATIVE, Money.ofFen(Long.MAX_VALUE / 4)).fen()));
        }
        return new Grades(out);
    }

    public static Grades defaults() {
        return parse(DEFAULTS);
    }

    public String lowest() {
        return grades.get(0).code();
    }

    /** The highest grade whose threshold the net sell-in reaches (a threshold reached exactly counts). */
    public String gradeFor(long netSellInFen) {
        String g = lowest();
        for (Grade grade : grades) {
            if (netSellInFen >= grade.thresholdFen()) {
                g = grade.code();
            }
        }
        return g;
    }

    public boolean exists(String code) {
        return grades.stream().anyMatch(g -> g.code().equals(code));
    }

    /**
     * A grade as a refusal names it: the shipped grades as their catalogue key ({@code grade.GOLD}, said in the user's
     * language), a configured one by its code (it has no translation).
     */
    public static String messageArg(String code) {
        for (String d : DEFAULTS) {
            if (d.substring(0, d.indexOf(':')).equals(code)) {
                return "grade." + code;
            }
        }
        return code;
    }

    /** The code, checked against the configured grades (400 naming the field otherwise). */
    public String require(String field, String code) {
        if (code == null || !exists(code.strip())) {
            throw new InvalidInputException(field, field + " must be one of " + grades.stream().map(Grade::code).toList(), "channel.grade.unknown", code);
        }
        return code.strip();
    }
}
