package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.PayloadTooLargeException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.csv.ImportLimits;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.dto.ImportData;
import org.opencrm.platform.core.internal.dto.ImportReport;
import org.opencrm.platform.core.internal.model.ImportRecord;

/** Imports recorded, interrupted (client gone, node killed), resumed with the same file, rolled back; the size limit; the export. */
class ContactImportsTest {
    private final CoreFixture f = new CoreFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static String csv(String tag, int rows) {
        StringBuilder sb = new StringBuilder("name,mobile,tags\n");
        for (int i = 0; i < rows; i++) {
            // every tenth row has a mobile, the others none (as many real files)
            sb.append("导入").append(tag).append(i).append(',').append(i % 10 == 0 ? String.format("1880%07d", i) : "").append(',').append(tag).append('\n');
        }
        return sb.toString();
    }

    /** Reads {@code text}, then fails after {@code cut} characters as a broken upload does. */
    private static Reader breaking(String text, int cut) {
        return new Reader() {
            private int pos;

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (pos >= cut) {
                    throw new IOException("Early EOF");
                }
                int n = Math.min(len, cut - pos);
                text.getChars(pos, pos + n, buf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    private long tagged(String tag) {
        return f.contacts.search(f.admin, PageRequest.of(null, 0, 1), null, tag).total();
    }

    @Test
    void rowsWithoutMobilesImportAndTheImportIsRecorded() {
        ImportReport r = f.imports.importCsv(f.admin, new StringReader(csv("a", 2500)));
        assertEquals("COMPLETED", r.status());
        assertEquals(2500, r.imported());
        assertEquals(2500, tagged("a"));
        ImportData d = f.imports.get(f.admin, r.importId());
        assertEquals("system", d.actor());
        assertEquals(2500, d.total());
        assertTrue(d.finishedAt() != null && !d.startedAt().isAfter(d.finishedAt()));
        assertEquals(1, f.imports.list(f.admin, "COMPLETED", PageRequest.of(null, 0, 10)).total());
    }

    @Test
    void anUploadThatBreaksOffIsInterruptedThenResumedWithTheSameFileOrRefusedWithAnother() {
        String file = csv("b", 3500);
        int cut = csv("b", 2500).length();
        ImportReport broken = f.imports.importCsv(f.admin, breaking(file, cut));
        assertEquals("INTERRUPTED", broken.status());
        assertEquals(2000, broken.imported(), "the two full chunks were saved, the rest of the rows read was not");
        assertEquals(2000, tagged("b"));
        assertEquals(1, f.imports.list(f.admin, "INTERRUPTED", PageRequest.of(null, 0, 10)).total());

        // another file is refused before anything is written
        String other = file.replace("导入b5,", "改过b5,");
        ConflictException mismatch = assertThrows(ConflictException.class, () -> f.imports.resume(f.admin, broken.importId(), new StringReader(other)));
        assertEquals("file_mismatch", mismatch.code());
        assertEquals(2000, tagged("b"));

        f.imports.beat(); // heartbeats never get in the way of the import's own bookkeeping
        ImportReport resumed = f.imports.resume(f.admin, broken.importId(), new StringReader(file));
        assertEquals("COMPLETED", resumed.status());
        assertEquals(3500, resumed.imported());
        assertEquals(3500, tagged("b"));
        assertThrows(ConflictException.class, () -> f.imports.resume(f.admin, broken.importId(), new StringReader(file)));

        ImportData rolled = f.imports.rollback(f.admin, broken.importId());
        assertEquals("ROLLED_BACK", rolled.status());
        assertEquals(3500, rolled.removed());
        assertEquals(0, tagged("b"));
    }

    @Test
    void anImportOfANodeThatWasKilledIsInterruptedWhenTheNodeStartsAgainOrWhenItStopsBeating() {
        String file = csv("c", 1500);
        ImportReport r = f.imports.importCsv(f.admin, breaking(file, csv("c", 1200).length()));
        // as if the process had died mid-import: RUNNING, no end written
        f.jpa.tx(em -> {
            ImportRecord x = em.find(ImportRecord.class, r.importId());
            x.status = "RUNNING";
            x.finishedAt = null;
            x.heartbeatAt = Instant.now();
        });
        f.imports.stop();
        ContactImports restarted = f.newImports();
        try {
            assertEquals("INTERRUPTED", restarted.get(f.admin, r.importId()).status());
            assertEquals(1000, restarted.get(f.admin, r.importId()).imported());
            assertEquals("COMPLETED", restarted.resume(f.admin, r.importId(), new StringReader(file)).status());
            assertEquals(1500, tagged("c"));
        } finally {
            restarted.stop();
        }
        // another node's import without a heartbeat for staleAfterSeconds reads as interrupted
        f.jpa.tx(em -> {
            ImportRecord x = em.find(ImportRecord.class, r.importId());
            x.status = "RUNNING";
            x.node = "elsewhere:/data";
            x.heartbeatAt = Instant.now().minusSeconds(600);
        });
        assertEquals("INTERRUPTED", f.imports.get(f.admin, r.importId()).status());
        assertEquals(1, f.imports.list(f.admin, "INTERRUPTED", PageRequest.of(null, 0, 10)).total());
    }

    @Test
    void aBodyOverTheLimitIs413AndWhatItSavedIsRolledBack() {
        ImportLimits limits = () -> 80_000;
        byte[] body = csv("d", 8000).getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length > 80_000 && body.length < 200_000);
        assertThrows(PayloadTooLargeException.class, () -> limits.checkLength(body.length));
        PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> f.imports.importCsv(f.admin,
                new InputStreamReader(limits.limit(new ByteArrayInputStream(body)), StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("80000"), e.getMessage());
        assertEquals(0, tagged("d"));
        assertEquals("ROLLED_BACK", f.imports.list(f.admin, null, PageRequest.of(null, 0, 1)).items().get(0).status());
    }

    @Test
    void aRollbackWaitsForEveryModuleThatMayReferToContactsAndKeepsWhatIsReferred() {
        ImportReport r = f.imports.importCsv(f.admin, new StringReader(csv("f", 30)));
        long referred = f.contacts.search(f.admin, PageRequest.of("导入f7", 0, 5), null, null).items().get(0).id();
        org.opencrm.platform.api.customer.ContactReferences notes = new org.opencrm.platform.api.customer.ContactReferences() {
            @Override
            public String moduleId() {
                return "sample-notes";
            }

            @Override
            public java.util.List<org.opencrm.platform.api.customer.ContactReference> referencesTo(long id, java.util.Locale locale) {
                return id == referred ? java.util.List.of(new org.opencrm.platform.api.customer.ContactReference("note", 1, "1 note"))
                        : java.util.List.of();
            }
        };
        f.references.addReferences(notes);
        f.references.removeReferences(notes); // the module is disabled: its references cannot be asked
        ConflictException refused = assertThrows(ConflictException.class, () -> f.imports.rollback(f.admin, r.importId()));
        assertEquals("contact_referenced", refused.code());
        assertEquals("COMPLETED", f.imports.get(f.admin, r.importId()).status(), "refused before anything changed");
        assertEquals(30, tagged("f"));
        f.references.addReferences(notes);
        ImportData rolled = f.imports.rollback(f.admin, r.importId());
        assertEquals(29, rolled.removed());
        assertEquals(1, rolled.kept());
        assertEquals(1, tagged("f"));
        f.contacts.get(f.admin, referred);
    }

    @Test
    void theExportWalksIdsInBatchesAndWritesEveryRowOnce() {
        f.imports.importCsv(f.admin, new StringReader(csv("e", 2345)));
        f.contacts.create(f.admin, CoreFixture.contact("别的", null, null));
        for (String[] filter : new String[][] { { null, "e" }, { "导入e", null }, { null, null } }) {
            StringWriter out = new StringWriter();
            f.contacts.exportCsv(f.admin, filter[0], null, filter[1], out);
            String[] lines = out.toString().split("\r\n");
            long expected = filter[0] == null && filter[1] == null ? 2346 : 2345;
            assertEquals(expected + 1, lines.length, String.join("/", String.valueOf(filter[0]), String.valueOf(filter[1])));
            long last = Long.MIN_VALUE;
            for (int i = 1; i < lines.length; i++) {
                long id = Long.parseLong(lines[i].substring(0, lines[i].indexOf(',')));
                assertTrue(id > last, "ascending ids");
                last = id;
            }
        }
    }

    /** Runs one statement on the test database (outside the services). */
    private void sql(String statement) {
        try (java.sql.Connection c = f.jpa.database().dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChunkWhoseTransactionFailsWritesNoneOfItsRowsAndAResumeAddsThemExactlyOnce() {
        f.contacts.create(f.admin, CoreFixture.contact("先有", null, null)); // the id generator's row exists: the bulk path
        // the database refuses one row of the second chunk (lines 1002-2001) in a way validation cannot foresee
        sql("ALTER TABLE CRM_CONTACT ADD CONSTRAINT TEST_NO_BOOM CHECK (NAME <> '导入g1500')");
        String file = csv("g", 3500);
        RuntimeException failed = assertThrows(RuntimeException.class, () -> f.imports.importCsv(f.admin, new StringReader(file)));
        ImportData d = f.imports.list(f.admin, null, PageRequest.of(null, 0, 1)).items().get(0);
        assertEquals("FAILED", d.status(), failed.toString());
        assertEquals(2500, d.imported(), "the chunks before and after the failed one are in");
        assertEquals(2500, tagged("g"));
        for (int line : new int[] { 1002, 1500, 1501, 2001 }) {
            // file line n is row n - 2 (line 1 is the header)
            assertEquals(0, f.contacts.search(f.admin, PageRequest.of("导入g" + (line - 2), 0, 5), null, null).items().stream()
                    .filter(c -> c.name().equals("导入g" + (line - 2))).count(), "line " + line + " of the failed chunk");
        }
        assertEquals(1, f.contacts.search(f.admin, PageRequest.of("导入g999", 0, 5), null, null).items().stream()
                .filter(c -> c.name().equals("导入g999")).count());
        assertEquals(3, f.jpa.txExpr(em -> em.createQuery("SELECT COUNT(c) FROM ImportChunk c WHERE c.importId = :id", Long.class)
                .setParameter("id", d.id()).getSingleResult()).intValue(), "no record of the failed chunk");

        sql("ALTER TABLE CRM_CONTACT DROP CONSTRAINT TEST_NO_BOOM");
        ImportReport resumed = f.imports.resume(f.admin, d.id(), new StringReader(file));
        assertEquals("COMPLETED", resumed.status());
        assertEquals(3500, resumed.imported());
        assertEquals(3500, tagged("g"), "each row exactly once");
    }

    @Test
    void bulkImportedContactsReadUpdateAndRefuseDuplicatesLikeOthers() {
        ContactData first = f.contacts.create(f.admin, CoreFixture.contact("先有", "13900000001", null));
        String file = "name,mobile,email,gender,birthday,province,city,district,street,tags\n"
                + "张三,13900000002,ZS@Example.com,男,1990-02-03,广东省,深圳市,南山区,科技园,VIP|老客户\n"
                + "李四,13900000001,,,,,,,,\n" // taken in the database
                + "王五,13900000002,,,,,,,,\n" // earlier in this file
                + "赵六,,,X,,,,,,\n"; // not a gender
        ImportReport r = f.imports.importCsv(f.admin, new StringReader(file));
        assertEquals(List.of(3L, 4L, 5L), r.errors().stream().map(ImportReport.RowError::line).toList());
        assertEquals(List.of("mobile", "mobile", "gender"), r.errors().stream().map(ImportReport.RowError::field).toList());
        assertEquals(1, r.imported());
        ContactData z = f.contacts.search(f.admin, PageRequest.of("1390000000", 0, 5), null, null).items().stream()
                .filter(c -> c.name().equals("张三")).findFirst().orElseThrow();
        assertTrue(z.id() > first.id());
        assertEquals("13900000002", z.mobile());
        assertEquals("ZS@Example.com", z.email());
        assertEquals(org.opencrm.platform.core.internal.model.Gender.MALE, z.gender());
        assertEquals(java.time.LocalDate.of(1990, 2, 3), z.birthday());
        assertEquals("440305", z.divisionCode());
        assertEquals(List.of("VIP", "老客户"), z.tags());
        assertEquals(org.opencrm.platform.core.internal.model.ContactStatus.ACTIVE, z.status());
        assertEquals("system", z.createdBy());
        assertEquals(1L, z.version());
        assertEquals(1, f.contacts.search(f.admin, PageRequest.of("zs@example.com", 0, 5), null, null).total(), "e-mail key");
        assertEquals(1, f.contacts.search(f.admin, PageRequest.of("张三", 0, 5), null, null).total(), "name key");
        ContactData changed = f.contacts.update(f.admin, z.id(), new ContactData(z.id(), "张三丰", z.mobile(), z.otherPhones(), z.email(), z.gender(),
                z.birthday(), z.province(), z.city(), z.district(), z.divisionCode(), z.street(), z.tags(), z.status(), z.owner(), z.accountId(),
                z.householdId(), null, null, null, null, null, z.version()));
        ContactData other = f.contacts.update(f.admin, first.id(), new ContactData(first.id(), "先有二", first.mobile(), first.otherPhones(), first.email(),
                first.gender(), first.birthday(), first.province(), first.city(), first.district(), first.divisionCode(), first.street(), first.tags(),
                first.status(), first.owner(), first.accountId(), first.householdId(), null, null, null, null, null, first.version()));
        assertEquals("张三丰", changed.name());
        assertEquals(first.version(), z.version(), "the version starts where JPA starts it");
        assertEquals(other.version(), changed.version(), "and moves as a JPA-made contact's does");
        assertThrows(ConflictException.class, () -> f.contacts.create(f.admin, CoreFixture.contact("重复", "13900000002", null)));
        // the block came from the id generator's row (IdBlocks): contacts made through JPA (from the block EclipseLink
        // holds in memory, or the next) never collide with the import's
        for (int i = 0; i < 3; i++) {
            assertTrue(f.contacts.create(f.admin, CoreFixture.contact("后来" + i, null, null)).id() != z.id());
        }
    }
}
