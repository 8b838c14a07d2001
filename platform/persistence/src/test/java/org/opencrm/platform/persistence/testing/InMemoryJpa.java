package org.opencrm.platform.persistence.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * For modules' unit tests (this module's test-jar): a module's real persistence unit (EclipseLink, the same mapping
 * and DDL generation) on a private in-memory Derby, standing in for Aries JPA with resource-local transactions. A
 * call joins the entity manager its thread has open, RequiresNew opens another. Each thread has its own connection,
 * so row locks and races are Derby's own.
 */
public final class InMemoryJpa implements JpaTemplate, AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final EntityManagerFactory factory;
    private final ThreadLocal<Deque<EntityManager>> open = ThreadLocal.withInitial(ArrayDeque::new);

    /** {@code unitName}: the module's persistence unit, e.g. "crm-handset"; its tables are created at once. */
    public InMemoryJpa(String unitName) {
        factory = Persistence.createEntityManagerFactory(unitName, Map.of("javax.persistence.transactionType", "RESOURCE_LOCAL",
                "javax.persistence.jtaDataSource", "", "javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver",
                "javax.persistence.jdbc.url", "jdbc:derby:memory:" + unitName + DATABASES.incrementAndGet() + ";create=true",
                "eclipselink.logging.level", "WARNING"));
        factory.createEntityManager().close();
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        Deque<EntityManager> stack = open.get();
        if (!stack.isEmpty() && type != TransactionType.RequiresNew) {
            return code.apply(stack.peek());
        }
        EntityManager em = factory.createEntityManager();
        stack.push(em);
        try {
            em.getTransaction().begin();
            R result = code.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            stack.pop();
            em.close();
        }
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

    /** Rows of a table, counted in a transaction of its own (nothing cached). */
    public long count(String table) {
        return txExpr(TransactionType.RequiresNew, em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue());
    }

    @Override
    public void close() {
        factory.close();
    }
}
