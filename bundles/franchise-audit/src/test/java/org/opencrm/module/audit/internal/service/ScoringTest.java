package org.opencrm.module.audit.internal.service;

import static org.junit.jupiter.api.Assertions.*;
import static org.opencrm.module.audit.internal.model.Enums.Answer.*;
import static org.opencrm.module.audit.internal.model.Enums.AnswerType.*;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.module.audit.internal.model.Enums.Answer;
import org.opencrm.module.audit.internal.service.Scoring.Item;
import org.opencrm.module.audit.internal.service.Scoring.Thresholds;

class ScoringTest {
    private static Item pf(String section, int weight, Answer a) {
        return new Item(section, weight, PASS_FAIL, 1, a, null, false);
    }

    private static Item critical(String section, int weight, Answer a) {
        return new Item(section, weight, PASS_FAIL, 1, a, null, true);
    }

    private static Item score(String section, int weight, int max, Integer s) {
        return new Item(section, weight, SCORE, max, null, s, false);
    }

    @Test
    void weightsCount() {
        // 10 earned of 10 + 30 = 25.00
        Scoring.Result r = Scoring.score(List.of(pf("VI", 10, PASS), pf("VI", 30, FAIL)), Thresholds.DEFAULT);
        assertEquals(new BigDecimal("25.00"), r.total());
        assertEquals("D", r.grade());
    }

    @Test
    void notApplicableLeavesBothSums() {
        Scoring.Result r = Scoring.score(List.of(pf("VI", 10, PASS), pf("VI", 90, NA), pf("S", 10, FAIL)), Thresholds.DEFAULT);
        assertEquals(new BigDecimal("50.00"), r.total());
        assertEquals(new BigDecimal("100.00"), r.sections().get("VI"));
        assertEquals(new BigDecimal("0.00"), r.sections().get("S"));
        // a section where nothing applies has no score, and the total ignores it
        Scoring.Result onlyNa = Scoring.score(List.of(pf("VI", 10, PASS), pf("S", 5, NA)), Thresholds.DEFAULT);
        assertNull(onlyNa.sections().get("S"));
        assertEquals(new BigDecimal("100.00"), onlyNa.total());
        assertNull(Scoring.score(List.of(pf("S", 5, NA)), Thresholds.DEFAULT).total());
    }

    @Test
    void scoreItemsEarnTheirShareExactly() {
        // 3 × 2/5 + 1 × 1/3 of 4 = (1.2 + 0.3333..) / 4 = 38.333..% -> 38.33
        Scoring.Result r = Scoring.score(List.of(score("A", 3, 5, 2), score("A", 1, 3, 1)), Thresholds.DEFAULT);
        assertEquals(new BigDecimal("38.33"), r.total());
        // 2 of 3 -> 66.666..% -> 66.67 (half-up)
        assertEquals(new BigDecimal("66.67"), Scoring.score(List.of(pf("A", 1, PASS), pf("A", 1, PASS), pf("A", 1, FAIL)), Thresholds.DEFAULT).total());
    }

    @Test
    void roundsHalfUpAtTheThirdDecimal() {
        // 1 of 32 = 3.125% exactly: half-up gives 3.13 (half-even would give 3.12)
        Scoring.Result r = Scoring.score(List.of(pf("A", 1, PASS), pf("A", 31, FAIL)), Thresholds.DEFAULT);
        assertEquals(new BigDecimal("3.13"), r.total());
        // 7 of 8 = 87.5 -> 87.50, scale 2 always
        assertEquals(new BigDecimal("87.50"), Scoring.score(List.of(pf("A", 7, PASS), pf("A", 1, FAIL)), Thresholds.DEFAULT).total());
        // 1/3 of a SCORE point over many items stays exact: 100 items of weight 1 scored 1/3 -> 33.33
        List<Item> many = java.util.stream.IntStream.range(0, 100).mapToObj(i -> score("A", 1, 3, 1)).toList();
        assertEquals(new BigDecimal("33.33"), Scoring.score(many, Thresholds.DEFAULT).total());
    }

    @Test
    void failedCriticalItemFailsWhateverTheScore() {
        Scoring.Result r = Scoring.score(List.of(critical("A", 1, FAIL), pf("A", 99, PASS)), Thresholds.DEFAULT);
        assertEquals(new BigDecimal("99.00"), r.total());
        assertTrue(r.criticalFailed());
        assertEquals("FAIL", r.grade());
        // a critical item passed or not applicable does not fail it
        assertEquals("A", Scoring.score(List.of(critical("A", 1, PASS), pf("A", 99, PASS)), Thresholds.DEFAULT).grade());
    }

    @Test
    void gradeThresholdsAreInclusiveAndConfigurable() {
        Thresholds t = Thresholds.DEFAULT;
        assertEquals("A", t.grade(new BigDecimal("90.00")));
        assertEquals("B", t.grade(new BigDecimal("89.99")));
        assertEquals("B", t.grade(new BigDecimal("75.00")));
        assertEquals("C", t.grade(new BigDecimal("74.99")));
        assertEquals("C", t.grade(new BigDecimal("60.00")));
        assertEquals("D", t.grade(new BigDecimal("59.99")));
        Thresholds strict = new Thresholds(new BigDecimal("95"), new BigDecimal("85"), new BigDecimal("70"));
        assertEquals("B", strict.grade(new BigDecimal("90.00")));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(new BigDecimal("60"), new BigDecimal("75"), new BigDecimal("50")));
    }

    @Test
    void scoreItemFailsBelowHalfItsPoints() {
        assertTrue(score("A", 1, 5, 2).failed());
        assertFalse(score("A", 1, 5, 3).failed());
        assertFalse(score("A", 1, 4, 2).failed());
        assertFalse(new Item("A", 1, SCORE, 5, NA, null, false).failed());
    }
}
