package org.opencrm.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Ids for chunks from larger reserved blocks: one reservation per block, never an id twice, also from two threads. */
class IdBlocksSupplyTest {
    /** A generator row as IdBlocks.reserve moves it: add, then read. */
    private final AtomicLong counter = new AtomicLong(1000);
    private final List<Integer> reservations = new ArrayList<>();

    private synchronized OptionalLong reserve(int count) {
        reservations.add(count);
        return OptionalLong.of(counter.addAndGet(count) - count + 1);
    }

    @Test
    void chunksTakeSlicesOfOneBlockUntilItIsUsedUp() {
        IdBlocks.Supply ids = IdBlocks.supply(10_000, this::reserve);
        assertEquals(1001, ids.take(1000).getAsLong());
        assertEquals(2001, ids.take(1000).getAsLong());
        for (int i = 0; i < 8; i++) {
            ids.take(1000);
        }
        assertEquals(List.of(10_000), reservations, "ten chunks, one reservation");
        assertEquals(11_001, ids.take(999).getAsLong(), "the next block");
        assertEquals(12_000, ids.take(9_000).getAsLong(), "what a block has left is used while it suffices");
        assertEquals(21_001, ids.take(20_000).getAsLong(), "a request larger than a block reserves its own size");
        assertEquals(List.of(10_000, 10_000, 20_000), reservations);
    }

    @Test
    void noGeneratorRowMeansNoIdsAndTheNextTakeTriesAgain() {
        boolean[] present = { false };
        IdBlocks.Supply ids = IdBlocks.supply(100, n -> present[0] ? reserve(n) : OptionalLong.empty());
        assertTrue(ids.take(10).isEmpty());
        present[0] = true;
        assertEquals(1001, ids.take(10).getAsLong());
    }

    @Test
    void twoWorkersNeverGetTheSameId() throws Exception {
        IdBlocks.Supply ids = IdBlocks.supply(5_000, this::reserve);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> firsts = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                firsts.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        mine.add(ids.take(100).getAsLong());
                    }
                    return mine;
                }));
            }
            Set<Long> seen = new HashSet<>();
            for (Future<List<Long>> f : firsts) {
                for (long first : f.get()) {
                    for (long id = first; id < first + 100; id++) {
                        assertTrue(seen.add(id), "id " + id + " twice");
                    }
                }
            }
            assertEquals(40_000, seen.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
