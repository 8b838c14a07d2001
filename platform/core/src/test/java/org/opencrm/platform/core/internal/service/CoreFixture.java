package org.opencrm.platform.core.internal.service;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.opencrm.platform.core.internal.schema.CoreSchema;
import org.opencrm.platform.api.csv.ImportLimits;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.imports.ImportConfig;
import org.opencrm.platform.core.internal.model.AccountType;
import org.opencrm.platform.persistence.testing.InMemoryJpa;

/** The core's contact, account, audit and import services on an in-memory Derby, as DS would wire them. */
final class CoreFixture implements AutoCloseable {
    static final BusinessClock CLOCK = BusinessClock.of(Clock.system(ZoneId.of("Asia/Shanghai")));
    final InMemoryJpa jpa;
    final AuditTrailImpl audit;
    final CrmEventPublisher events = new AfterCommitEvents();
    final ContactReferencesRegistry references;
    final ContactService contacts;
    final AccountService accounts;
    final ContactImports imports;
    final CrmUser admin = CrmUser.SYSTEM;

    CoreFixture() {
        this(new InMemoryJpa("crm-core"));
    }

    CoreFixture(InMemoryJpa jpa) {
        this.jpa = jpa;
        new CoreSchema(jpa, jpa.database().dataSource()); // the core's start: its schema first
        audit = new AuditTrailImpl(jpa);
        references = new ContactReferencesRegistry(jpa);
        contacts = new ContactService(jpa, audit, events, CLOCK, references);
        accounts = new AccountService(jpa, audit, events);
        imports = newImports();
    }

    /** A second instance, as after a restart of the node. */
    ContactImports newImports() {
        return new ContactImports(jpa, contacts, audit, references, config(120));
    }

    static ImportConfig config(int staleAfterSeconds) {
        return new ImportConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ImportConfig.class;
            }

            @Override
            public long maxBytes() {
                return ImportLimits.DEFAULT_MAX_BYTES;
            }

            @Override
            public int staleAfterSeconds() {
                return staleAfterSeconds;
            }
        };
    }

    long account(String name, Long parent) {
        return accounts.create(admin, new AccountData(null, name, AccountType.STORE, parent, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null)).id();
    }

    static ContactData contact(String name, String mobile, Long accountId) {
        return new ContactData(null, name, mobile, List.of(), null, null, null, null, null, null, null, null, List.of(), null, null, accountId, null, null, null,
                null, null, null, null);
    }

    static CrmUser partner(String name, long account, String... permissions) {
        return new CrmUser(name, Set.of("partner"), Set.of(permissions.length == 0 ? new String[] { "core.*" } : permissions),
                new DataScope(ScopeType.PARTNER, null, account));
    }

    @Override
    public void close() {
        imports.stop();
        jpa.close();
    }
}
