package org.opencrm.module.membership.internal.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The module's real persistence unit (EclipseLink, DDL generation, the same mapping) on an in-memory Derby, with
 * resource-local transactions standing in for JTA: a call joins the transaction of its thread, RequiresNew opens
 * its own. Concurrency is real: each thread has its own connection and Derby's row locks.
 */
final class TestJpa implements JpaTemplate, AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    final EntityManagerFactory emf;
    final String url;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    TestJpa() {
        url = "jdbc:derby:memory:members" + DATABASES.incrementAndGet();
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("javax.persistence.jtaDataSource", "");
        props.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        props.put("javax.persistence.jdbc.url", url + ";create=true");
        props.put("eclipselink.logging.level", "WARNING");
        emf = Persistence.createEntityManagerFactory("crm-membership", props);
        emf.createEntityManager().close(); // generate the tables now
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager joined = current.get();
        if (joined != null && type != TransactionType.RequiresNew) {
            return code.apply(joined);
        }
        EntityManager em = emf.createEntityManager();
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            R result = code.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
            if (joined == null) {
                current.remove();
            } else {
                current.set(joined);
            }
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    /** A count straight from the database (nothing cached). */
    long count(String table) {
        return txExpr(TransactionType.RequiresNew, em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue());
    }

    @Override
    public void close() {
        emf.close();
    }
}
