package org.opencrm.platform.persistence.testing;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * For unit tests (this module's test-jar, and platform-testkit): a persistence unit (EclipseLink, the same mapping and
 * DDL generation) on an in-memory Derby ({@link InMemoryDatabase}), standing in for Aries JPA. A call joins the
 * entity manager its thread's transaction has open for this unit, and the transaction itself, which several units on
 * the same database share as under JTA; RequiresNew suspends it. Each thread has its own connection, so row locks and
 * races are Derby's own.
 */
public final class InMemoryJpa implements JpaTemplate, AutoCloseable {
    private final InMemoryDatabase database;
    private final boolean ownDatabase;
    private final EntityManagerFactory factory;
    /** This unit's entity manager in each open transaction of the thread, by the transaction's depth. */
    private final ThreadLocal<Map<Integer, EntityManager>> open = ThreadLocal.withInitial(HashMap::new);

    /** {@code unitName}: the module's persistence unit, e.g. "crm-handset", on a database of its own; its tables are created at once. */
    public InMemoryJpa(String unitName) {
        this(unitName, new InMemoryDatabase(unitName), true);
    }

    /** The unit on a database that other units share (one transaction across them); its tables are created at once. */
    public InMemoryJpa(String unitName, InMemoryDatabase database) {
        this(unitName, database, false);
    }

    private InMemoryJpa(String unitName, InMemoryDatabase database, boolean ownDatabase) {
        this.database = database;
        this.ownDatabase = ownDatabase;
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", "");
        properties.put("javax.persistence.nonJtaDataSource", database.dataSource());
        properties.put("eclipselink.logging.level", "WARNING");
        factory = Persistence.createEntityManagerFactory(unitName, properties);
        factory.createEntityManager().close();
    }

    /** The database this unit works on. */
    public InMemoryDatabase database() {
        return database;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        return database.transaction(type == TransactionType.RequiresNew, () -> {
            Integer level = database.depth();
            Map<Integer, EntityManager> ems = open.get();
            EntityManager joined = ems.get(level);
            if (joined != null) {
                return code.apply(joined);
            }
            EntityManager em = factory.createEntityManager();
            ems.put(level, em);
            try {
                em.getTransaction().begin();
                R result = code.apply(em);
                em.getTransaction().commit(); // flushes on the transaction's connection; the transaction commits it
                return result;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                ems.remove(level);
                em.close();
            }
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return Boolean.TRUE;
        });
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    /** Rows of a table, counted in a transaction of its own (committed rows only). */
    public long count(String table) {
        return database.count(table);
    }

    @Override
    public void close() {
        factory.close();
        if (ownDatabase) {
            database.close();
        }
    }
}
